#pragma once
// Rentals on the wire: the new rental offer, the public calendar, bookings and the condition
// checks (see dto.hpp for the shared shapes). Days are YYYY-MM-DD (China Standard Time).

#include <map>

#include "api/market/dto.hpp"
#include "domain/market/rental_service.hpp"

namespace recirc::api::dto {

// POST /api/v1/rentals/offers: the offer's common terms and its rental terms.
struct NewRentalOffer {
  static constexpr std::string_view kSchemaName = "NewRentalOffer";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"channel", R"js({"enum": ["online", "outlet", "flea_market"]})js"},
      {"week_fen", R"js({"description": "the price of 7 days, if any"})js"},
      {"month_fen", R"js({"description": "the price of 30 days, if any"})js"},
      {"damage_fen_per_step",
       R"js({"description": "charged per grade step worse at return than at pick-up"})js"}};
  std::string item_id;
  std::string channel;
  std::optional<std::string> outlet_id;
  std::string title;
  std::optional<std::string> description;
  int64_t day_fen = 0;
  std::optional<int64_t> week_fen;
  std::optional<int64_t> month_fen;
  int64_t deposit_fen = 0;
  int64_t min_days = 1;
  int64_t max_days = 30;
  int64_t damage_fen_per_step = 0;

  market::OfferTerms Common() const {
    market::OfferTerms t;
    t.item_id = item_id;
    t.channel = channel;
    t.outlet_id = outlet_id;
    t.title = title;
    t.description = description.value_or("");
    return t;
  }
  market::rental::RentalTerms Terms() const {
    market::rental::RentalTerms t;
    t.prices.day = Money::Fen(day_fen);
    if (week_fen) t.prices.week = Money::Fen(*week_fen);
    if (month_fen) t.prices.month = Money::Fen(*month_fen);
    t.deposit = Money::Fen(deposit_fen);
    t.min_days = min_days;
    t.max_days = max_days;
    t.damage_per_step = Money::Fen(damage_fen_per_step);
    return t;
  }
};
BOOST_DESCRIBE_STRUCT(NewRentalOffer, (),
                      (item_id, channel, outlet_id, title, description, day_fen, week_fen,
                       month_fen, deposit_fen, min_days, max_days, damage_fen_per_step))

struct RentalSpan {
  std::string start;
  std::string end;
};
BOOST_DESCRIBE_STRUCT(RentalSpan, (), (start, end))

// GET /api/v1/rentals/offers/{id}/calendar (public): terms and taken days, never who took them.
struct RentalCalendar {
  static constexpr std::string_view kSchemaName = "RentalCalendar";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"taken", R"js({"description": "booked and picked-up ranges [start, end), by start"})js"}};
  std::string offer_id;
  std::string status;
  int64_t day_fen = 0;
  std::optional<int64_t> week_fen;
  std::optional<int64_t> month_fen;
  int64_t deposit_fen = 0;
  int64_t min_days = 0;
  int64_t max_days = 0;
  int64_t damage_fen_per_step = 0;
  std::vector<RentalSpan> taken;
  static RentalCalendar From(const market::RentalCalendar& c) {
    const auto& t = c.terms;
    RentalCalendar out{c.offer_id,
                       std::string(ToString(c.status)),
                       t.prices.day.fen(),
                       std::nullopt,
                       std::nullopt,
                       t.deposit.fen(),
                       t.min_days,
                       t.max_days,
                       t.damage_per_step.fen(),
                       {}};
    if (t.prices.week) out.week_fen = t.prices.week->fen();
    if (t.prices.month) out.month_fen = t.prices.month->fen();
    for (const auto& s : c.taken) {
      out.taken.push_back({market::rental::FormatDay(s.start), market::rental::FormatDay(s.end)});
    }
    return out;
  }
};
BOOST_DESCRIBE_STRUCT(RentalCalendar, (),
                      (offer_id, status, day_fen, week_fen, month_fen, deposit_fen, min_days,
                       max_days, damage_fen_per_step, taken))

struct NewRentalBooking {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"buyer_ref",
       R"js({"description": "staff: the renter's reference (required); a buyer account gives none"})js"},
      {"start", R"js({"description": "the pick-up day, YYYY-MM-DD"})js"},
      {"end", R"js({"description": "the return day (exclusive), YYYY-MM-DD"})js"}};
  std::optional<std::string> buyer_ref;
  std::string start;
  std::string end;
};
BOOST_DESCRIBE_STRUCT(NewRentalBooking, (), (buyer_ref, start, end))

struct CancelRentalBooking {
  static constexpr bool kRequest = true;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(CancelRentalBooking, (), (reason))

struct RentalCondition {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"grades",
       R"js({"description": "a grade for every scale of the item's checklist, e.g. {\"functional\": \"0\", \"cosmetic\": \"B\"}"})js"}};
  std::map<std::string, std::string> grades;
  std::optional<std::string> notes;
  market::ConditionInput ToDomain() const {
    return {{grades.begin(), grades.end()}, notes.value_or("")};
  }
};
BOOST_DESCRIBE_STRUCT(RentalCondition, (), (grades, notes))

struct RentalCheck {
  Time at;
  std::map<std::string, std::string> grades;
  std::string notes;
};
BOOST_DESCRIBE_STRUCT(RentalCheck, (), (at, grades, notes))

// A booking, to the renter's side and the offering organisation.
struct RentalBooking {
  static constexpr std::string_view kSchemaName = "RentalBooking";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status", R"js({"enum": ["booked", "cancelled", "picked_up", "returned"]})js"},
      {"price_fen", R"js({"description": "the cheapest cover of the days by the price table"})js"},
      {"owed_fen", R"js({"description": "charges above the deposit, owed by the renter"})js"}};
  std::string id;
  std::string offer_id;
  std::string item_id;
  std::string start;
  std::string end;
  std::string status;
  int64_t price_fen = 0;
  int64_t deposit_fen = 0;
  Time created_at;
  Omitted<RentalCheck> pickup;
  Omitted<RentalCheck> returned;
  Omitted<int64_t> late_days;
  Omitted<int64_t> late_fen;
  Omitted<int64_t> damage_steps;
  Omitted<int64_t> damage_fen;
  Omitted<int64_t> deposit_released_fen;
  Omitted<int64_t> owed_fen;
  static RentalBooking From(const storage::RentalBookingRecord& r);
};
BOOST_DESCRIBE_STRUCT(RentalBooking, (),
                      (id, offer_id, item_id, start, end, status, price_fen, deposit_fen,
                       created_at, pickup, returned, late_days, late_fen, damage_steps, damage_fen,
                       deposit_released_fen, owed_fen))

}  // namespace recirc::api::dto
