#pragma once
// Rental bookings' rows (migration 0030). Queries: RentalRepository (rental_repository.cpp); SQL
// only there. The caller holds the offer's row lock (MarketRepository::LockOffer) around every
// write that depends on the calendar.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/market/statuses.hpp"
#include "storage/database.hpp"

namespace recirc::storage {

// One condition check (pick-up or return): grades as a JSON object {scale: value} and notes.
struct ConditionRecord {
  int64_t at = 0;
  std::string grades;  // JSON object
  std::string notes;
};

struct RentalBookingRecord {
  std::string id;
  std::string offer_id;
  std::string item_id;
  std::string organisation_id;  // the offering organisation
  std::string renter_ref;       // "user:<id>" for a buyer account, else the counter's reference
  int64_t start_day = 0;        // days since 1970-01-01 (China Standard Time), inclusive
  int64_t end_day = 0;          // exclusive: the day the item comes back
  market::RentalStatus status = market::RentalStatus::kBooked;
  int64_t price_fen = 0;
  int64_t deposit_fen = 0;
  std::string created_by;
  int64_t created_at = 0;
  std::optional<int64_t> cancelled_at;
  std::optional<ConditionRecord> pickup;
  std::optional<ConditionRecord> returned;
  // Set at return (rental_rules.hpp Settle).
  std::optional<int64_t> late_days;
  std::optional<int64_t> late_fen;
  std::optional<int64_t> damage_steps;
  std::optional<int64_t> damage_fen;
  std::optional<int64_t> deposit_released_fen;
  std::optional<int64_t> owed_fen;
};

class RentalRepository {
 public:
  Status Insert(Session& s, const RentalBookingRecord& r) const;
  Result<std::optional<RentalBookingRecord>> Find(Session& s, const std::string& id) const;
  // Writes status, cancellation, both condition checks and the settlement.
  Status Update(Session& s, const RentalBookingRecord& r) const;
  // The offer's booked and picked-up bookings (the dates they hold), by start.
  Result<std::vector<RentalBookingRecord>> Active(Session& s, const std::string& offer_id) const;
};

}  // namespace recirc::storage
