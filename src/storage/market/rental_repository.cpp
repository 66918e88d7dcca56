// RentalRepository: rental bookings (migration 0030). Same SQL on both dialects.
#include "storage/market/rentals.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

using market::RentalStatus;

constexpr std::string_view kColumns =
    "SELECT id, offer_id, item_id, organisation_id, renter_ref, start_day, end_day, status, "
    "price_fen, deposit_fen, created_by, created_at, cancelled_at, picked_up_at, pickup_grades, "
    "pickup_notes, returned_at, return_grades, return_notes, late_days, late_fen, damage_steps, "
    "damage_fen, deposit_released_fen, owed_fen FROM rental_bookings ";
constexpr std::string_view kInsert =
    "INSERT INTO rental_bookings (id, offer_id, item_id, organisation_id, renter_ref, start_day, "
    "end_day, status, price_fen, deposit_fen, created_by, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
constexpr std::string_view kUpdate =
    "UPDATE rental_bookings SET status = $2, cancelled_at = $3, picked_up_at = $4, "
    "pickup_grades = $5, pickup_notes = $6, returned_at = $7, return_grades = $8, "
    "return_notes = $9, late_days = $10, late_fen = $11, damage_steps = $12, damage_fen = $13, "
    "deposit_released_fen = $14, owed_fen = $15 WHERE id = $1";
constexpr std::string_view kActive =
    "WHERE offer_id = $1 AND status IN ('booked', 'picked_up') ORDER BY start_day, id";

Value OptInt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

std::optional<ConditionRecord> Condition(const Row& r, int at, int grades, int notes) {
  auto when = r.OptInt(at);
  if (!when) return std::nullopt;
  return ConditionRecord{*when, r.OptText(grades).value_or("{}"), r.OptText(notes).value_or("")};
}

RentalBookingRecord ToBooking(const Row& r) {
  RentalBookingRecord b;
  b.id = r.Text(0);
  b.offer_id = r.Text(1);
  b.item_id = r.Text(2);
  b.organisation_id = r.Text(3);
  b.renter_ref = r.Text(4);
  b.start_day = r.Int(5);
  b.end_day = r.Int(6);
  b.status = ParseStored<RentalStatus>(r.Text(7), "rental_bookings.status");
  b.price_fen = r.Int(8);
  b.deposit_fen = r.Int(9);
  b.created_by = r.Text(10);
  b.created_at = r.Int(11);
  b.cancelled_at = r.OptInt(12);
  b.pickup = Condition(r, 13, 14, 15);
  b.returned = Condition(r, 16, 17, 18);
  b.late_days = r.OptInt(19);
  b.late_fen = r.OptInt(20);
  b.damage_steps = r.OptInt(21);
  b.damage_fen = r.OptInt(22);
  b.deposit_released_fen = r.OptInt(23);
  b.owed_fen = r.OptInt(24);
  return b;
}

}  // namespace

Status RentalRepository::Insert(Session& s, const RentalBookingRecord& r) const {
  return Done(s.Execute(kInsert, {r.id, r.offer_id, r.item_id, r.organisation_id, r.renter_ref,
                                  r.start_day, r.end_day, std::string(ToString(r.status)),
                                  r.price_fen, r.deposit_fen, r.created_by, r.created_at}));
}

Result<std::optional<RentalBookingRecord>> RentalRepository::Find(Session& s,
                                                                  const std::string& id) const {
  return MapOptional<RentalBookingRecord>(
      s.QueryOptional(std::string(kColumns) + "WHERE id = $1", {id}), ToBooking);
}

Status RentalRepository::Update(Session& s, const RentalBookingRecord& r) const {
  auto text = [](const std::optional<ConditionRecord>& c, bool grades) -> Value {
    if (!c) return nullptr;
    return grades ? c->grades : c->notes;
  };
  auto at = [](const std::optional<ConditionRecord>& c) -> Value {
    if (!c) return nullptr;
    return c->at;
  };
  return Done(s.Execute(
      kUpdate,
      {r.id, std::string(ToString(r.status)), OptInt(r.cancelled_at), at(r.pickup),
       text(r.pickup, true), text(r.pickup, false), at(r.returned), text(r.returned, true),
       text(r.returned, false), OptInt(r.late_days), OptInt(r.late_fen), OptInt(r.damage_steps),
       OptInt(r.damage_fen), OptInt(r.deposit_released_fen), OptInt(r.owed_fen)}));
}

Result<std::vector<RentalBookingRecord>> RentalRepository::Active(
    Session& s, const std::string& offer_id) const {
  return MapRows<RentalBookingRecord>(
      s.Query(std::string(kColumns) + std::string(kActive), {offer_id}), ToBooking);
}

}  // namespace recirc::storage
