#pragma once
// Direct orders in escrow-style states (DOMAIN.md "Orders and after-sales"):
//
//   placed ──pay──▶ paid (funds held) ──dispatch──▶ dispatched ──receive──▶ received
//     │               │                                                      │
//   cancel          cancel (full refund)                     inspection window (3 days)
//     ▼               ▼                                                      ▼
//   cancelled       refunded ◀──refund (all of it)── any paid state        settled
//
// From received, a return within the offer's return window moves the order to return_requested
// (after_sales.hpp); refunding it all ends in refunded. Partial refunds keep the state.
// Money: paid_fen is the price exactly once; refunded_fen never exceeds paid_fen (checked here,
// under the order's row lock, and by a CHECK constraint). One live order per offer: the offer's
// row is locked (PostgreSQL FOR UPDATE; SQLite's single writer), the offer moves to reserved, and
// a second order gets a Conflict naming offer_taken.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "domain/market/delivery.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/market/payment.hpp"

namespace recirc::market {

inline constexpr std::chrono::hours kInspectionWindow{72};
// An order placed and not paid within this long is cancelled by serve's market job, and its
// offer goes back on the market (the buyer at an outlet pays at once; online, the window is for
// the payment provider's page).
inline constexpr std::chrono::minutes kPaymentWindow{30};

struct OrderInput {
  OfferId offer_id;
  // Staff at the counter name the buyer by a reference (never in events); a buyer's own account
  // gives none (the order belongs to the account) and is refused one.
  std::optional<std::string> buyer_ref;
  std::string provider;                     // cash_at_outlet, simulated
  int64_t accepted_disclosure_version = 0;  // the version the buyer read and accepted
  std::optional<BestOfferId> best_offer_id;
  // Delivery to an address or pick-up at the outlet; none given is pick-up.
  std::optional<DeliveryInput> delivery;
};

struct DispatchInput {
  std::string method;  // handover, shipping
  std::vector<std::string> serials;
  std::vector<std::string> photos;  // sha256:<hex> of photos uploaded at stage dispatch
  std::optional<std::string> tracking;
};

struct OrderPage {
  std::vector<storage::OrderRecord> items;
  std::optional<std::string> next_cursor;
};

class OrderService {
 public:
  OrderService(const MarketContext& c, const PaymentProviders& providers)
      : c_(c), providers_(providers) {}

  Result<storage::OrderRecord> Place(const identity::Principal& actor, const OrderInput& in);
  // An auction's winner: the order at the hammer price, inside the closing transaction (the
  // offer is locked by the caller). The same order rows, offer reservation and events as Place;
  // the payment deadline is kPaymentWindow as for every order (ExpireUnpaid).
  Result<storage::OrderRecord> PlaceWonLocked(storage::Session& s,
                                              const storage::OfferRecord& offer,
                                              const std::string& winner_ref, int64_t hammer_fen);
  // `amount` confirms the price the payer sees (it must equal the order's price).
  Result<storage::OrderRecord> Pay(const identity::Principal& actor, const OrderId& id,
                                   Money amount, std::optional<std::string> receipt_number);
  Result<storage::OrderRecord> Dispatch(const identity::Principal& actor, const OrderId& id,
                                        const DispatchInput& in);
  // condition: as_described or not_as_described (then open a return or dispute).
  Result<storage::OrderRecord> Receive(const identity::Principal& actor, const OrderId& id,
                                       const std::string& condition);
  // `amount` confirms what is released to the seller (paid less refunded).
  Result<storage::OrderRecord> Settle(const identity::Principal& actor, const OrderId& id,
                                      Money amount);
  // The background job: settles every received order whose inspection and return windows have
  // ended (by the injected clock) with no open after-sales case; returns how many.
  Result<int64_t> SettleDue();
  // The background job: cancels every order still unpaid kPaymentWindow after it was placed (by
  // the injected clock) and puts its offer back on the market; returns how many.
  Result<int64_t> ExpireUnpaid();
  Result<storage::OrderRecord> Cancel(const identity::Principal& actor, const OrderId& id,
                                      const std::string& reason);
  Result<storage::OrderRecord> Refund(const identity::Principal& actor, const OrderId& id,
                                      Money amount);
  Result<storage::OrderRecord> Get(const identity::Principal& actor, const OrderId& id);
  // The seller organisation's orders, newest first; `page.after` is the cursor, `page.limit` at
  // most kOperatorPageMax (paging.hpp).
  Result<OrderPage> OfOrganisation(const identity::Principal& actor,
                                   const storage::PageRequest& page);
  // The orders the caller placed, newest first; `page.after` is the cursor (the last id of the
  // previous page), `page.limit` at most 100.
  Result<OrderPage> Mine(const identity::Principal& actor, const storage::PageRequest& page);

  // The order's delivery details, opened, for the selling shop and the buyer (SeesOrder); nullopt
  // for an order placed before checkout recorded them.
  Result<std::optional<DeliveryDetails>> DeliveryOf(const identity::Principal& actor,
                                                    const OrderId& id);
  // The retention job: erases the personal delivery details (recipient, phone, address) of
  // orders placed before `before` (unix ms); the mode and region code stay. Returns how many.
  Result<int64_t> EraseDeliveriesBefore(int64_t before, int64_t batch_size = 500);

  // For the after-sales service: runs `fn` on the locked order in one write transaction.
  using OrderFn = std::function<Status(storage::Session&, storage::OrderRecord&)>;
  Result<storage::OrderRecord> Mutate(const identity::Principal& actor, const OrderId& id,
                                      const OrderFn& fn);
  // Refunds inside a transaction the caller holds (the order is locked).
  Status RefundLocked(storage::Session& s, const identity::Principal& actor,
                      storage::OrderRecord& order, Money amount);

 private:
  Result<storage::OrderRecord> InsertPlaced(storage::Session& s, const identity::Principal& actor,
                                            const storage::OfferRecord& offer,
                                            const std::string& buyer_ref, int64_t price,
                                            int64_t disclosure_version, std::string_view provider,
                                            const std::string& created_by,
                                            const DeliveryInput& delivery);
  Status SettleLocked(storage::Session& s, const identity::Principal& actor,
                      storage::OrderRecord& o);
  // The order's offer is published again (its order was cancelled or refunded before dispatch),
  // and search shows it again.
  Status RelistLocked(storage::Session& s, const identity::Principal& actor,
                      const storage::OrderRecord& o);
  Status AppendOrderEvent(storage::Session& s, const identity::Principal& actor,
                          const storage::OrderRecord& o, const EventType& type);
  Status AppendItemEvent(storage::Session& s, const identity::Principal& actor,
                         const storage::OrderRecord& o, const EventType& type,
                         boost::json::object payload);
  const MarketContext& c_;
  const PaymentProviders& providers_;
};

Status CheckPhotoRef(const std::string& ref, const std::string& field);

// Who may act on an order (docs/security.md, "Who may act on a best offer or an order"). Only
// the two parties, and the command line (the system), which acts for both:
// - the buyer's side: for an account's own order (no buyer_ref) the account that placed it; for
//   an order placed at the counter for a buyer_ref, the selling organisation's staff acting for
//   that buyer (market.buy);
// - the seller's side: the selling organisation's market staff (market.manage).
// Anyone else (another operator's staff, another buyer) does not see the order at all.
bool ActsForBuyer(const identity::Principal& actor, const storage::OrderRecord& o);
bool ActsForSeller(const identity::Principal& actor, const storage::OrderRecord& o);
bool SeesOrder(const identity::Principal& actor, const storage::OrderRecord& o);

}  // namespace recirc::market
