// Rental rules (pure): the cheapest price against an exhaustive search, the booking checks, and a
// seeded property test: thousands of random sequences of bookings and cancellations, each decided
// by CheckBooking against the kept spans and by a brute-force reference (a set of taken days);
// the decisions agree and the kept bookings never overlap.
#include "domain/market/rental_rules.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace recirc::market::rental {
namespace {

RentalTerms Terms() {
  RentalTerms t;
  t.prices = {Money::Fen(5000), Money::Fen(25000), Money::Fen(80000)};
  t.deposit = Money::Fen(100000);
  t.min_days = 1;
  t.max_days = 60;
  t.damage_per_step = Money::Fen(20000);
  return t;
}

int64_t BruteForce(const PriceTable& p, int64_t days) {
  int64_t best = INT64_MAX;
  for (int64_t m = 0; m <= days / kMonthDays + 1; ++m) {
    for (int64_t w = 0; w <= days / kWeekDays + 1; ++w) {
      if (!p.month && m > 0) continue;
      if (!p.week && w > 0) continue;
      const int64_t rest = std::max<int64_t>(0, days - m * kMonthDays - w * kWeekDays);
      const int64_t cost = m * (p.month ? p.month->fen() : 0) + w * (p.week ? p.week->fen() : 0) +
                           rest * p.day.fen();
      best = std::min(best, cost);
    }
  }
  return best;
}

TEST(RentalRulesTest, CheapestPriceEqualsExhaustiveSearch) {
  std::mt19937_64 rng(18);
  for (int round = 0; round < 300; ++round) {
    PriceTable p{Money::Fen(1 + static_cast<int64_t>(rng() % 10000)), std::nullopt, std::nullopt};
    if (rng() % 4 != 0) p.week = Money::Fen(1 + static_cast<int64_t>(rng() % 70000));
    if (rng() % 4 != 0) p.month = Money::Fen(1 + static_cast<int64_t>(rng() % 300000));
    for (int64_t days = 1; days <= 100; ++days) {
      const auto got = CheapestPrice(p, days);
      ASSERT_EQ(got.total.fen(), BruteForce(p, days)) << "round " << round << " days " << days;
      EXPECT_GE(got.months * kMonthDays + got.weeks * kWeekDays + got.days, days);
    }
  }
}

TEST(RentalRulesTest, AWeekIsCheaperThanSixDaysWhenItCostsLess) {
  const auto six = CheapestPrice(Terms().prices, 6);  // 6 x 50 = 300 yuan > a week, 250
  EXPECT_EQ(six.total.fen(), 25000);
  EXPECT_EQ(six.weeks, 1);
  const auto nine = CheapestPrice(Terms().prices, 9);  // a week and two days
  EXPECT_EQ(nine.total.fen(), 35000);
  const auto forty = CheapestPrice(Terms().prices, 40);  // a month, a week, three days = 1200
  EXPECT_EQ(forty.total.fen(), 120000);
}

TEST(RentalRulesTest, BookingChecksNameTheField) {
  const RentalTerms t = Terms();
  EXPECT_EQ(CheckBooking(t, {99, 101}, 100, {}).error().field, "start");
  EXPECT_EQ(CheckBooking(t, {100, 100}, 100, {}).error().field, "end");
  EXPECT_EQ(CheckBooking(t, {100, 200}, 100, {}).error().field, "end");  // over max_days
  auto taken = CheckBooking(t, {105, 110}, 100, {{100, 106}});
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  EXPECT_EQ(taken.error().field, "start");
  EXPECT_EQ(taken.error().message.rfind("rental_dates_taken", 0), 0u) << taken.error().message;
  EXPECT_TRUE(CheckBooking(t, {106, 110}, 100, {{100, 106}}));  // [start, end): back-to-back
}

TEST(RentalRulesTest, DaysAreChinaStandardTimeDates) {
  EXPECT_EQ(FormatDay(*ParseDay("2026-12-07", "start")), "2026-12-07");
  EXPECT_EQ(ParseDay("2026-02-30", "start").error().field, "start");
  EXPECT_FALSE(ParseDay("2026-1-07", "end"));
  // 2026-12-07 16:30 UTC is 2026-12-08 00:30 in Beijing.
  const TimePoint late = FromUnixMillis(int64_t{1796661000000});
  EXPECT_EQ(FormatDay(DayOf(late)), "2026-12-08");
}

TEST(RentalRulesTest, SettlementChargesLateDaysAndGradeStepsAgainstTheDeposit) {
  const RentalTerms t = Terms();
  auto on_time = Settle(t, {100, 107}, 107, 0);
  EXPECT_EQ(on_time.deposit_released.fen(), 100000);
  EXPECT_EQ(on_time.owed.fen(), 0);
  auto late = Settle(t, {100, 107}, 110, 2);  // 3 days x 50 + 2 steps x 200 = 550 yuan
  EXPECT_EQ(late.late_days, 3);
  EXPECT_EQ(late.late_charge.fen(), 15000);
  EXPECT_EQ(late.damage_charge.fen(), 40000);
  EXPECT_EQ(late.deposit_released.fen(), 45000);
  auto over = Settle(t, {100, 107}, 120, 3);  // 650 + 600 = 1250 yuan > the deposit
  EXPECT_EQ(over.deposit_released.fen(), 0);
  EXPECT_EQ(over.owed.fen(), 25000);
}

TEST(RentalRulesTest, GradeStepsCountOnlyWorseningPerScale) {
  inspection::Checklist c;
  c.scales = {{"functional", {}, {{"0", {}}, {"1", {}}, {"2", {}}}},
              {"cosmetic", {}, {{"A", {}}, {"B", {}}, {"C", {}}, {"D", {}}}}};
  const Grades before{{"functional", "1"}, {"cosmetic", "B"}};
  EXPECT_EQ(WorseSteps(c, before, {{"functional", "0"}, {"cosmetic", "D"}}), 2);
  EXPECT_EQ(WorseSteps(c, before, {{"functional", "2"}, {"cosmetic", "B"}}), 1);
  EXPECT_EQ(ValidateGrades(c, {{"functional", "0"}}, "grades").error().field, "grades.cosmetic");
  EXPECT_EQ(ValidateGrades(c, {{"functional", "0"}, {"cosmetic", "E"}}, "grades").error().field,
            "grades.cosmetic");
  EXPECT_TRUE(ValidateGrades(c, before, "grades"));
}

// The property: for 5,000 seeded sequences of 40 random bookings and cancellations, CheckBooking
// accepts exactly what the day-set reference accepts, and the kept bookings never overlap.
TEST(RentalRulesTest, RandomBookingsAndCancellationsNeverOverlap) {
  RentalTerms t = Terms();
  t.max_days = 12;
  const Day today = 20000;
  std::mt19937_64 rng(20261207);
  int64_t accepted = 0, refused = 0;
  for (int sequence = 0; sequence < 5000; ++sequence) {
    std::map<int, Span> kept;      // booking number -> span
    std::map<Day, int> reference;  // day -> booking number holding it
    for (int op = 0; op < 40; ++op) {
      if (!kept.empty() && rng() % 4 == 0) {  // cancel one at random
        auto it = kept.begin();
        std::advance(it, static_cast<long>(rng() % kept.size()));
        for (Day d = it->second.start; d < it->second.end; ++d) reference.erase(d);
        kept.erase(it);
        continue;
      }
      const Day start = today + static_cast<Day>(rng() % 40);
      const Span wanted{start, start + 1 + static_cast<Day>(rng() % 12)};
      std::vector<Span> taken;
      for (const auto& [n, s] : kept) taken.push_back(s);
      const bool ok = static_cast<bool>(CheckBooking(t, wanted, today, taken));
      bool free = true;
      for (Day d = wanted.start; d < wanted.end; ++d) free = free && !reference.contains(d);
      ASSERT_EQ(ok, free) << "sequence " << sequence << " op " << op;
      if (!ok) {
        ++refused;
        continue;
      }
      ++accepted;
      kept[op] = wanted;
      for (Day d = wanted.start; d < wanted.end; ++d) reference[d] = op;
    }
    for (auto a = kept.begin(); a != kept.end(); ++a) {
      for (auto b = std::next(a); b != kept.end(); ++b) {
        ASSERT_FALSE(Overlaps(a->second, b->second)) << "sequence " << sequence;
      }
    }
  }
  EXPECT_GT(accepted, 10000);  // the sequences exercise both outcomes
  EXPECT_GT(refused, 10000);
}

}  // namespace
}  // namespace recirc::market::rental
