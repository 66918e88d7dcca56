#include "domain/market/rental_rules.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace recirc::market::rental {
namespace {

constexpr int64_t kDayMs = int64_t{24} * 60 * 60 * 1000;
constexpr int64_t kChinaOffsetMs = int64_t{8} * 60 * 60 * 1000;

Status CheckMoney(const Money& m, std::string_view field, bool positive) {
  RECIRC_CHECK(CheckFen(m.fen(), field));
  if (positive && m.fen() <= 0) {
    return Error::InvalidArgument(std::string(field), std::string(field) + ": above 0");
  }
  return Ok();
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Day DayOf(TimePoint t) { return FloorDiv(t.time_since_epoch().count() + kChinaOffsetMs, kDayMs); }

std::string FormatDay(Day d) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Result<Day> ParseDay(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return Error::InvalidArgument(std::string(field),
                                  std::string(field) + ": a date written YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int y = 0;
  unsigned m = 0, d = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return bad();
  }
  y = std::stoi(std::string(text.substr(0, 4)));
  m = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  d = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok() || y < 2000) return bad();
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Status ValidateTerms(const RentalTerms& t) {
  RECIRC_CHECK(CheckMoney(t.prices.day, "day_fen", true));
  if (t.prices.week) RECIRC_CHECK(CheckMoney(*t.prices.week, "week_fen", true));
  if (t.prices.month) RECIRC_CHECK(CheckMoney(*t.prices.month, "month_fen", true));
  RECIRC_CHECK(CheckMoney(t.deposit, "deposit_fen", false));
  RECIRC_CHECK(CheckMoney(t.damage_per_step, "damage_fen_per_step", false));
  if (t.min_days < 1 || t.min_days > kMaxRentalDays) {
    return Error::InvalidArgument("min_days", "min_days: 1 to " + std::to_string(kMaxRentalDays));
  }
  if (t.max_days < t.min_days || t.max_days > kMaxRentalDays) {
    return Error::InvalidArgument("max_days",
                                  "max_days: from min_days to " + std::to_string(kMaxRentalDays));
  }
  return Ok();
}

PriceBreakdown CheapestPrice(const PriceTable& prices, int64_t days) {
  days = std::clamp<int64_t>(days, 0, kMaxRentalDays);
  struct Cell {
    int64_t fen = 0;
    int64_t periods = 0;
    int64_t months = 0, weeks = 0, singles = 0;
  };
  std::vector<Cell> best(static_cast<size_t>(days) + 1);
  for (int64_t n = 1; n <= days; ++n) {
    auto from = [&](int64_t length, const Money& price) {
      Cell c = best[static_cast<size_t>(std::max<int64_t>(0, n - length))];
      c.fen += price.fen();
      c.periods += 1;
      if (length == kMonthDays) ++c.months;
      if (length == kWeekDays) ++c.weeks;
      if (length == 1) ++c.singles;
      return c;
    };
    Cell pick = from(1, prices.day);
    auto consider = [&](const Cell& c) {
      if (c.fen < pick.fen || (c.fen == pick.fen && c.periods < pick.periods)) pick = c;
    };
    if (prices.week) consider(from(kWeekDays, *prices.week));
    if (prices.month) consider(from(kMonthDays, *prices.month));
    best[static_cast<size_t>(n)] = pick;
  }
  const Cell& c = best[static_cast<size_t>(days)];
  return {c.months, c.weeks, c.singles, Money::Fen(c.fen)};
}

Status CheckBooking(const RentalTerms& t, Span wanted, Day today, const std::vector<Span>& taken) {
  if (wanted.start < today) {
    return Error::InvalidArgument("start", "start: today (" + FormatDay(today) + ") or later");
  }
  if (wanted.start > today + kBookingHorizonDays) {
    return Error::InvalidArgument(
        "start", "start: at most " + std::to_string(kBookingHorizonDays) + " days ahead");
  }
  if (wanted.end <= wanted.start) {
    return Error::InvalidArgument("end", "end: after start (the day the item comes back)");
  }
  if (wanted.Days() < t.min_days || wanted.Days() > t.max_days) {
    return RuleError(kRuleRentalLength,
                     "this offer rents for " + std::to_string(t.min_days) + " to " +
                         std::to_string(t.max_days) + " days, not " + std::to_string(wanted.Days()),
                     "end");
  }
  for (const Span& s : taken) {
    if (!Overlaps(s, wanted)) continue;
    Error e{ErrorCode::kConflict,
            std::string(kRuleDatesTaken) + ": " + FormatDay(std::max(s.start, wanted.start)) +
                " to " + FormatDay(std::min(s.end, wanted.end)) + " (exclusive) are already booked",
            "start"};
    return std::move(e).Id("rule.rental_dates_taken");
  }
  return Ok();
}

Status ValidateGrades(const inspection::Checklist& checklist, const Grades& grades,
                      std::string_view field) {
  const std::string f(field);
  for (const auto& [scale, value] : grades) {
    std::string at = f;
    at.append(".").append(scale);
    const inspection::Scale* sc = checklist.FindScale(scale);
    if (sc == nullptr) {
      std::string why = f;
      why.append(": no scale ").append(scale);
      return Error::InvalidArgument(f, why);
    }
    const std::string& chosen = value;
    const bool known = std::any_of(sc->grades.begin(), sc->grades.end(),
                                   [&](const auto& g) { return g.value == chosen; });
    if (!known) {
      std::string why = at;
      why.append(": not a grade of the ").append(scale).append(" scale");
      return Error::InvalidArgument(at, why);
    }
  }
  for (const auto& sc : checklist.scales) {
    if (!grades.contains(sc.id)) {
      std::string at = f;
      at.append(".").append(sc.id);
      return Error::InvalidArgument(at, at + ": required");
    }
  }
  return Ok();
}

int64_t WorseSteps(const inspection::Checklist& checklist, const Grades& before,
                   const Grades& after) {
  int64_t steps = 0;
  for (const auto& sc : checklist.scales) {
    auto index = [&](const Grades& g) -> int64_t {
      auto it = g.find(sc.id);
      if (it == g.end()) return 0;
      for (size_t i = 0; i < sc.grades.size(); ++i) {
        if (sc.grades[i].value == it->second) return static_cast<int64_t>(i);
      }
      return 0;
    };
    steps += std::max<int64_t>(0, index(after) - index(before));
  }
  return steps;
}

Settlement Settle(const RentalTerms& t, Span booked, Day returned_on, int64_t damage_steps) {
  Settlement s;
  s.late_days = std::max<int64_t>(0, returned_on - booked.end);
  s.late_charge = Money::Fen(t.prices.day.fen() * s.late_days);
  s.damage_steps = std::max<int64_t>(0, damage_steps);
  s.damage_charge = Money::Fen(t.damage_per_step.fen() * s.damage_steps);
  const int64_t charges = s.late_charge.fen() + s.damage_charge.fen();
  s.deposit_released = Money::Fen(std::max<int64_t>(0, t.deposit.fen() - charges));
  s.owed = Money::Fen(std::max<int64_t>(0, charges - t.deposit.fen()));
  return s;
}

}  // namespace recirc::market::rental
