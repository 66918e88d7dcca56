#pragma once
// Rentals (sale_mode rental): an operator offers an inspected item for rent with a period price
// table, a deposit and length limits (mode_terms); buyers book [start, end) days; the shop hands
// the item over and takes it back with a condition check at both ends; the return settles late
// and damage charges against the deposit. The pure rules are rental_rules.hpp.
//
// Publishing is OfferService::Publish, unchanged: holds, item_already_offered, the disclosure,
// sanitization (OfferKind::kRental), prohibited goods. The statutory sale warranty does not
// apply to a rental. A published rental offer stays published while it is booked: it is taken
// off the market by withdrawing it.
//
// No double booking: Book locks the offer's row (PostgreSQL FOR UPDATE; SQLite's single writer),
// reads the booked and picked-up bookings and checks the overlap in the transaction that inserts
// the new one, as orders and bids do. Cancel, PickUp and Return take the same lock.
//
// Who acts: booking needs market.buy (a buyer account for itself, staff at their own counter for
// a buyer_ref, as for orders). The renter's side or the offering organisation may cancel before
// pick-up; pick-up and return are the offering organisation's (market.manage). Anyone else gets
// 404. The renter is never named in an event: the passport (item.rental_started, item.rented)
// shows days and condition grades only; internal rental.* events carry no renter reference.

#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/market/rental_rules.hpp"
#include "storage/market/rentals.hpp"

namespace recirc::market {

// The public calendar of a rental offer: its terms and the day ranges taken (no renter, no ids).
struct RentalCalendar {
  std::string offer_id;
  OfferStatus status = OfferStatus::kDraft;
  rental::RentalTerms terms;
  std::vector<rental::Span> taken;  // booked and picked-up bookings, by start
};

// One condition check at pick-up or return: a grade for every scale of the item's checklist
// (the inspection grade vocabulary) and free notes. Photos are not taken yet.
struct ConditionInput {
  rental::Grades grades;
  std::string notes;
};

// mode_terms of a rental offer <-> the typed terms; parsing names the field at fault.
std::string RentalTermsJson(const rental::RentalTerms& t);
Result<rental::RentalTerms> ParseRentalTerms(const std::string& mode_terms);

class RentalService {
 public:
  RentalService(const MarketContext& c, OfferService& offers, const storage::RentalRepository& repo)
      : c_(c), offers_(offers), repo_(repo) {}

  // A draft rental offer; `common` gives item, channel, outlet, title and description (its
  // price_fen becomes the day price, warranty and return window 0).
  Result<storage::OfferRecord> Create(const identity::Principal& actor, OfferTerms common,
                                      const rental::RentalTerms& terms);
  // Public for published offers; the offering organisation sees its drafts too.
  Result<RentalCalendar> Calendar(const identity::Principal* actor, const OfferId& offer_id);
  // Books [span.start, span.end) at the cheapest price of the table; refused with
  // rental_dates_taken (409, naming start) when a booked or picked-up booking overlaps.
  Result<storage::RentalBookingRecord> Book(const identity::Principal& actor,
                                            const OfferId& offer_id, const std::string& buyer_ref,
                                            rental::Span span);
  // Only while booked (before pick-up); frees the dates. `reason` is required and checked as
  // an order's cancellation reason is, and not stored (it may name people).
  Result<storage::RentalBookingRecord> Cancel(const identity::Principal& actor,
                                              const RentalBookingId& id, const std::string& reason);
  // From the start day on; records the condition and appends item.rental_started.
  Result<storage::RentalBookingRecord> PickUp(const identity::Principal& actor,
                                              const RentalBookingId& id, const ConditionInput& in);
  // Records the condition, settles late and damage charges against the deposit (today is the
  // return day) and appends item.rented.
  Result<storage::RentalBookingRecord> Return(const identity::Principal& actor,
                                              const RentalBookingId& id, const ConditionInput& in);
  // The renter's side or the offering organisation; anyone else 404.
  Result<storage::RentalBookingRecord> Get(const identity::Principal& actor,
                                           const RentalBookingId& id);

 private:
  using Step = std::function<Status(storage::Session&, const storage::OfferRecord&,
                                    const rental::RentalTerms&, storage::RentalBookingRecord&)>;
  // Loads the booking, checks who may act (`manage`: the offering organisation only), locks the
  // offer, runs `fn` and stores the booking.
  Result<storage::RentalBookingRecord> Change(const identity::Principal& actor,
                                              const RentalBookingId& id, bool manage,
                                              const Step& fn);
  Result<std::string> CheckCondition(storage::Session& s, const std::string& item_id,
                                     const ConditionInput& in, std::string_view field);
  Result<const inspection::Checklist*> ChecklistOf(storage::Session& s, const std::string& item_id);

  const MarketContext& c_;
  OfferService& offers_;
  const storage::RentalRepository& repo_;
};

}  // namespace recirc::market
