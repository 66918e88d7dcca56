#include "domain/market/rental_service.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/identity/text.hpp"
#include "domain/market/best_offer_service.hpp"
#include "domain/market/events.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;
using identity::Permission;
using rental::RentalTerms;

Result<int64_t> IntAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) {
    return Error::InvalidArgument(std::string(key), std::string(key) + ": a whole number");
  }
  return v->as_int64();
}

std::optional<Money> OptMoneyAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return Money::Fen(v->as_int64());
}

std::string GradesJson(const rental::Grades& g) {
  json::object o;
  for (const auto& [scale, value] : g) o[scale] = value;
  return json::serialize(o);
}

json::value GradesValue(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return json::object{};
  return v;
}

rental::Grades ParseGrades(const std::string& text) {
  rental::Grades g;
  json::value v = GradesValue(text);
  for (const auto& [k, val] : v.as_object()) {
    if (val.is_string()) g[std::string(k)] = std::string(val.as_string());
  }
  return g;
}

// The renter's side: the buyer account that booked; staff of the offering organisation.
bool IsRentersSide(const identity::Principal& actor, const storage::RentalBookingRecord& b) {
  if (actor.InOrganisation(b.organisation_id)) return true;
  return IsBuyerAccount(actor) && b.renter_ref == "user:" + actor.user_id;
}

rental::Span SpanOf(const storage::RentalBookingRecord& b) { return {b.start_day, b.end_day}; }

}  // namespace

std::string RentalTermsJson(const RentalTerms& t) {
  json::object o{{"day_fen", t.prices.day.fen()},
                 {"deposit_fen", t.deposit.fen()},
                 {"min_days", t.min_days},
                 {"max_days", t.max_days},
                 {"damage_fen_per_step", t.damage_per_step.fen()}};
  if (t.prices.week) o["week_fen"] = t.prices.week->fen();
  if (t.prices.month) o["month_fen"] = t.prices.month->fen();
  return json::serialize(o);
}

Result<RentalTerms> ParseRentalTerms(const std::string& mode_terms) {
  boost::system::error_code ec;
  json::value v = json::parse(mode_terms, ec);
  if (ec || !v.is_object()) return Error::InvalidArgument("mode_terms", "mode_terms: an object");
  const json::object& o = v.as_object();
  RentalTerms t;
  RECIRC_TRY(int64_t day, IntAt(o, "day_fen"));
  t.prices.day = Money::Fen(day);
  t.prices.week = OptMoneyAt(o, "week_fen");
  t.prices.month = OptMoneyAt(o, "month_fen");
  RECIRC_TRY(int64_t deposit, IntAt(o, "deposit_fen"));
  t.deposit = Money::Fen(deposit);
  RECIRC_TRY(t.min_days, IntAt(o, "min_days"));
  RECIRC_TRY(t.max_days, IntAt(o, "max_days"));
  RECIRC_TRY(int64_t damage, IntAt(o, "damage_fen_per_step"));
  t.damage_per_step = Money::Fen(damage);
  return t;
}

Result<storage::OfferRecord> RentalService::Create(const identity::Principal& actor,
                                                   OfferTerms common, const RentalTerms& terms) {
  RECIRC_CHECK(rental::ValidateTerms(terms));
  common.sale_mode = ToString(SaleMode::kRental);
  common.price_fen = terms.prices.day.fen();
  common.warranty_months = 0;
  common.return_days = 0;
  common.best_offer = {};
  common.mode_terms = RentalTermsJson(terms);
  return offers_.Create(actor, common,
                        [](storage::Session&, const storage::OfferRecord&) { return Ok(); });
}

Result<RentalCalendar> RentalService::Calendar(const identity::Principal* actor,
                                               const OfferId& offer_id) {
  const std::string id = offer_id.ToString();
  return storage::ReadValue<RentalCalendar>(
      c_.db, [&](storage::Session& s) -> Result<RentalCalendar> {
        RECIRC_TRY(auto offer, c_.repo.FindOffer(s, id));
        const bool own = offer && actor != nullptr && actor->InOrganisation(offer->organisation_id);
        if (!offer || (!IsPublicStatus(offer->status) && !own) ||
            offer->sale_mode != SaleMode::kRental) {
          return Error::NotFound("rental offer " + id + " not found");
        }
        RentalCalendar cal{id, offer->status, {}, {}};
        RECIRC_TRY(cal.terms, ParseRentalTerms(offer->mode_terms));
        RECIRC_TRY(auto active, repo_.Active(s, id));
        for (const auto& b : active) cal.taken.push_back(SpanOf(b));
        return cal;
      });
}

Result<storage::RentalBookingRecord> RentalService::Book(const identity::Principal& actor,
                                                         const OfferId& offer_id,
                                                         const std::string& buyer_ref,
                                                         rental::Span span) {
  if (!actor.Has(Permission::kMarketBuy)) {
    return Error::PermissionDenied("your role cannot book rentals");
  }
  RECIRC_TRY(const std::string renter, BuyerRefFor(actor, buyer_ref));
  const std::string id = offer_id.ToString();
  return storage::WriteValue<storage::RentalBookingRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::RentalBookingRecord> {
        RECIRC_TRY(auto offer, c_.repo.LockOffer(s, id));
        if (!offer || !IsPublicStatus(offer->status)) {
          return Error::NotFound("offer " + id + " not found");
        }
        if (offer->sale_mode != SaleMode::kRental) {
          return RuleError("not_a_rental", "this offer is not for rent", "offer_id");
        }
        RECIRC_CHECK(CheckCounterStaff(actor, *offer));
        if (offer->status != OfferStatus::kPublished) {
          return RuleError("offer_not_published", "the offer is " + ToString(offer->status));
        }
        RECIRC_CHECK(c_.sellable.CheckSellable(s, offer->item_id));  // a hold can arrive later
        RECIRC_TRY(RentalTerms terms, ParseRentalTerms(offer->mode_terms));
        RECIRC_TRY(auto active, repo_.Active(s, id));
        std::vector<rental::Span> taken;
        for (const auto& b : active) taken.push_back(SpanOf(b));
        const TimePoint now = c_.clock.Now();
        RECIRC_CHECK(rental::CheckBooking(terms, span, rental::DayOf(now), taken));
        const auto price = rental::CheapestPrice(terms.prices, span.Days());
        storage::RentalBookingRecord r;
        r.id = Id::Generate(c_.clock, c_.random).ToString();
        r.offer_id = id;
        r.item_id = offer->item_id;
        r.organisation_id = offer->organisation_id;
        r.renter_ref = renter;
        r.start_day = span.start;
        r.end_day = span.end;
        r.price_fen = price.total.fen();
        r.deposit_fen = terms.deposit.fen();
        r.created_by = actor.user_id;
        r.created_at = ToUnixMillis(now);
        RECIRC_CHECK(repo_.Insert(s, r));
        json::object event{{"booking_id", r.id},
                           {"offer_id", id},
                           {"start", rental::FormatDay(r.start_day)},
                           {"end", rental::FormatDay(r.end_day)},
                           {"price_fen", r.price_fen},
                           {"deposit_fen", r.deposit_fen}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kRentalBooked, r.id, r.organisation_id,
                                         std::nullopt, json::serialize(event)}));
        (void)seq;
        return r;
      });
}

Result<storage::RentalBookingRecord> RentalService::Get(const identity::Principal& actor,
                                                        const RentalBookingId& id) {
  return storage::ReadValue<storage::RentalBookingRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::RentalBookingRecord> {
        RECIRC_TRY(auto b, repo_.Find(s, id.ToString()));
        if (!b || !IsRentersSide(actor, *b)) {
          return Error::NotFound("rental booking " + id.ToString() + " not found");
        }
        return *b;
      });
}

Result<storage::RentalBookingRecord> RentalService::Change(const identity::Principal& actor,
                                                           const RentalBookingId& id, bool manage,
                                                           const Step& fn) {
  return storage::WriteValue<storage::RentalBookingRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::RentalBookingRecord> {
        RECIRC_TRY(auto found, repo_.Find(s, id.ToString()));
        const bool allowed = found && (manage ? actor.InOrganisation(found->organisation_id)
                                              : IsRentersSide(actor, *found));
        if (!allowed) return Error::NotFound("rental booking " + id.ToString() + " not found");
        RECIRC_TRY(auto offer, c_.repo.LockOffer(s, found->offer_id));
        if (!offer) return Error::Internal("rental booking without its offer");
        RECIRC_TRY(auto booking, repo_.Find(s, id.ToString()));  // as of the lock
        RECIRC_TRY(RentalTerms terms, ParseRentalTerms(offer->mode_terms));
        RECIRC_CHECK(fn(s, *offer, terms, *booking));
        RECIRC_CHECK(repo_.Update(s, *booking));
        return *booking;
      });
}

Result<storage::RentalBookingRecord> RentalService::Cancel(const identity::Principal& actor,
                                                           const RentalBookingId& id,
                                                           const std::string& reason) {
  if (!actor.Has(Permission::kMarketBuy) && !actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot cancel rentals");
  }
  RECIRC_CHECK(identity::CheckText(reason, "reason", 500));
  return Change(actor, id, false,
                [&](storage::Session& s, const storage::OfferRecord&, const RentalTerms&,
                    storage::RentalBookingRecord& b) -> Status {
                  if (b.status != RentalStatus::kBooked) {
                    return RuleError("rental_not_cancellable",
                                     "the booking is " + ToString(b.status) +
                                         "; only a booking not yet picked up is cancelled");
                  }
                  b.status = RentalStatus::kCancelled;
                  b.cancelled_at = ToUnixMillis(c_.clock.Now());
                  json::object event{{"booking_id", b.id}, {"offer_id", b.offer_id}};
                  RECIRC_TRY(int64_t seq, c_.journal.Append(
                                              s, {events::kRentalCancelled, b.id, b.organisation_id,
                                                  std::nullopt, json::serialize(event)}));
                  (void)seq;
                  return Ok();
                });
}

Result<const inspection::Checklist*> RentalService::ChecklistOf(storage::Session& s,
                                                                const std::string& item_id) {
  RECIRC_TRY(auto item, c_.registry.FindItem(s, item_id));
  if (!item) return Error::Internal("rental of an unknown item");
  const inspection::Checklist* checklist = c_.catalogue.Latest(item->category);
  if (checklist == nullptr) {
    return Error::InvalidArgument("grades", "the item's category has no grading checklist");
  }
  return checklist;
}

Result<std::string> RentalService::CheckCondition(storage::Session& s, const std::string& item_id,
                                                  const ConditionInput& in,
                                                  std::string_view field) {
  RECIRC_TRY(const inspection::Checklist* checklist, ChecklistOf(s, item_id));
  RECIRC_CHECK(rental::ValidateGrades(*checklist, in.grades, field));
  if (in.notes.size() > 2000) {
    return Error::InvalidArgument("notes", "notes: at most 2000 bytes");
  }
  return GradesJson(in.grades);
}

Result<storage::RentalBookingRecord> RentalService::PickUp(const identity::Principal& actor,
                                                           const RentalBookingId& id,
                                                           const ConditionInput& in) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot hand rentals over");
  }
  return Change(
      actor, id, true,
      [&](storage::Session& s, const storage::OfferRecord&, const RentalTerms&,
          storage::RentalBookingRecord& b) -> Status {
        if (b.status != RentalStatus::kBooked) {
          return RuleError("rental_not_booked", "the booking is " + ToString(b.status));
        }
        const TimePoint now = c_.clock.Now();
        const rental::Day today = rental::DayOf(now);
        if (today < b.start_day) {
          return RuleError("rental_not_started",
                           "the booking starts on " + rental::FormatDay(b.start_day));
        }
        if (today >= b.end_day) {
          return RuleError("rental_lapsed", "the booking ended on " + rental::FormatDay(b.end_day) +
                                                "; cancel it and book again");
        }
        RECIRC_CHECK(c_.sellable.CheckSellable(s, b.item_id));
        RECIRC_TRY(std::string grades, CheckCondition(s, b.item_id, in, "grades"));
        b.status = RentalStatus::kPickedUp;
        b.pickup = storage::ConditionRecord{ToUnixMillis(now), grades, in.notes};
        json::object event{{"from", rental::FormatDay(today)},
                           {"until", rental::FormatDay(b.end_day)},
                           {"grade", GradesValue(grades)}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kItemRentalStarted, b.item_id, b.organisation_id,
                                         actor.user_id, json::serialize(event)}));
        (void)seq;
        return Ok();
      });
}

Result<storage::RentalBookingRecord> RentalService::Return(const identity::Principal& actor,
                                                           const RentalBookingId& id,
                                                           const ConditionInput& in) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot take rentals back");
  }
  return Change(
      actor, id, true,
      [&](storage::Session& s, const storage::OfferRecord&, const RentalTerms& terms,
          storage::RentalBookingRecord& b) -> Status {
        if (b.status != RentalStatus::kPickedUp || !b.pickup) {
          return RuleError("rental_not_picked_up", "the booking is " + ToString(b.status));
        }
        RECIRC_TRY(std::string grades, CheckCondition(s, b.item_id, in, "grades"));
        RECIRC_TRY(const inspection::Checklist* checklist, ChecklistOf(s, b.item_id));
        const TimePoint now = c_.clock.Now();
        const rental::Day today = rental::DayOf(now);
        // The deposit taken was the one booked; the terms give the rates.
        RentalTerms at_booking = terms;
        at_booking.deposit = Money::Fen(b.deposit_fen);
        const auto settled = rental::Settle(
            at_booking, SpanOf(b), today,
            rental::WorseSteps(*checklist, ParseGrades(b.pickup->grades), in.grades));
        b.status = RentalStatus::kReturned;
        b.returned = storage::ConditionRecord{ToUnixMillis(now), grades, in.notes};
        b.late_days = settled.late_days;
        b.late_fen = settled.late_charge.fen();
        b.damage_steps = settled.damage_steps;
        b.damage_fen = settled.damage_charge.fen();
        b.deposit_released_fen = settled.deposit_released.fen();
        b.owed_fen = settled.owed.fen();
        json::object internal{{"booking_id", b.id},
                              {"offer_id", b.offer_id},
                              {"late_days", settled.late_days},
                              {"late_fen", *b.late_fen},
                              {"damage_steps", settled.damage_steps},
                              {"damage_fen", *b.damage_fen},
                              {"deposit_released_fen", *b.deposit_released_fen},
                              {"owed_fen", *b.owed_fen}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kRentalSettled, b.id, b.organisation_id,
                                         actor.user_id, json::serialize(internal)}));
        json::object passport{
            {"from", rental::FormatDay(rental::DayOf(FromUnixMillis(b.pickup->at)))},
            {"to", rental::FormatDay(today)},
            {"grade", GradesValue(grades)},
            {"late_days", settled.late_days}};
        RECIRC_TRY(seq, c_.journal.Append(s, {events::kItemRented, b.item_id, b.organisation_id,
                                              actor.user_id, json::serialize(passport)}));
        (void)seq;
        return Ok();
      });
}

}  // namespace recirc::market
