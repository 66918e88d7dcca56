#pragma once
// Rentals (sale_mode rental): the pure rules. No database, no clock: callers pass "today".
//
// Days. A booking is a half-open range of calendar days [start, end): the renter picks the item
// up on `start` and brings it back on `end` at the latest. Days are counted in China Standard
// Time (UTC+8, no daylight saving) from 1970-01-01, written YYYY-MM-DD on the wire.
//
// Price. The price of n days is the cheapest combination of the offer's day, week (7 days) and
// month (30 days) prices that covers at least n days: a week may be cheaper than six single
// days, so covering more days than booked is allowed when it costs less. Computed exactly by
// CheapestPrice (dynamic programming over the days, n <= kMaxRentalDays).
//
// Charges at return. Late: the day price for every day after `end` until the return day. Damage:
// the terms' damage_fen_per_step for every grade step the item got worse between pick-up and
// return, summed over the checklist's scales (a step is one place down a scale's list of grades;
// a better grade at return does not offset another scale). The deposit released is the deposit
// less the charges, never negative; what the charges exceed the deposit by is `owed`.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "domain/inspection/checklist.hpp"

namespace recirc::market::rental {

using Day = int64_t;  // days since 1970-01-01 in China Standard Time

inline constexpr int64_t kWeekDays = 7;
inline constexpr int64_t kMonthDays = 30;
inline constexpr int64_t kMaxRentalDays = 365;
inline constexpr int64_t kBookingHorizonDays = 365;  // how far ahead a booking may start

// Rule names at the start of refusal messages.
inline constexpr std::string_view kRuleDatesTaken = "rental_dates_taken";
inline constexpr std::string_view kRuleRentalLength = "rental_length";

Day DayOf(TimePoint t);
std::string FormatDay(Day d);
// A YYYY-MM-DD calendar date, else kInvalidArgument naming `field`.
Result<Day> ParseDay(std::string_view text, std::string_view field);

struct PriceTable {
  Money day;
  std::optional<Money> week;
  std::optional<Money> month;
};

struct RentalTerms {
  PriceTable prices;
  Money deposit;
  int64_t min_days = 1;
  int64_t max_days = 30;
  Money damage_per_step;  // charged per grade step worse at return
};
// Errors name the field (day_fen, week_fen, month_fen, deposit_fen, min_days, max_days,
// damage_fen_per_step).
Status ValidateTerms(const RentalTerms& t);

struct PriceBreakdown {
  int64_t months = 0;
  int64_t weeks = 0;
  int64_t days = 0;
  Money total;
};
// The cheapest cover of `days` (1..kMaxRentalDays) by the table; ties prefer fewer periods.
PriceBreakdown CheapestPrice(const PriceTable& prices, int64_t days);

struct Span {
  Day start = 0;
  Day end = 0;  // exclusive
  int64_t Days() const { return end - start; }
};
inline bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

// A new booking `wanted` against the terms, today, and the spans already taken (active
// bookings). Field errors name start or end; an overlap is kConflict with kRuleDatesTaken,
// naming `start`, and says which dates are taken.
Status CheckBooking(const RentalTerms& t, Span wanted, Day today, const std::vector<Span>& taken);

// Grades at a condition check: scale id -> grade value, every scale of the checklist once.
using Grades = std::map<std::string, std::string>;
// Errors name `field`.<scale> (or `field` when a scale is missing or unknown).
Status ValidateGrades(const inspection::Checklist& checklist, const Grades& grades,
                      std::string_view field);
// Sum over scales of how many places the grade moved down the scale's list (never negative per
// scale). Both must have passed ValidateGrades.
int64_t WorseSteps(const inspection::Checklist& checklist, const Grades& before,
                   const Grades& after);

struct Settlement {
  int64_t late_days = 0;
  Money late_charge;
  int64_t damage_steps = 0;
  Money damage_charge;
  Money deposit_released;  // deposit - charges, at least 0
  Money owed;              // charges - deposit, at least 0
};
Settlement Settle(const RentalTerms& t, Span booked, Day returned_on, int64_t damage_steps);

}  // namespace recirc::market::rental
