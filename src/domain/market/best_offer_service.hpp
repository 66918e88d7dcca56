#pragma once
// Best offers on a fixed-price offer: a buyer proposes a price; at or above the auto-accept
// threshold it is accepted at once, below the auto-decline threshold declined at once, otherwise
// the seller accepts, declines or counters. Each open proposal (and each counter) expires 48
// hours after it was made, by the injected clock. An accepted best offer fixes the price of the
// buyer's order (OrderService::Place with best_offer_id).

#include <chrono>
#include <optional>
#include <string>

#include "core/ids.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/market/statuses.hpp"

namespace recirc::market {

inline constexpr std::chrono::hours kBestOfferLifetime{48};

// The state as of `now`: pending or countered past its expiry reads as expired.
BestOfferStatus EffectiveStatus(const storage::BestOfferRecord& r, int64_t now);
// The price the best offer agreed on (the counter when there was one).
int64_t AgreedPrice(const storage::BestOfferRecord& r);

struct BestOfferPage {
  std::vector<storage::BuyerBestOfferRecord> items;  // each with its effective status
  std::optional<std::string> next_cursor;
};

class BestOfferService {
 public:
  explicit BestOfferService(const MarketContext& c) : c_(c) {}

  Result<storage::BestOfferRecord> Make(const identity::Principal& actor, const OfferId& offer_id,
                                        const std::string& buyer_ref, int64_t amount_fen);
  // The seller: action accept, decline or counter (with counter_fen).
  Result<storage::BestOfferRecord> Respond(const identity::Principal& actor, const BestOfferId& id,
                                           const std::string& action,
                                           std::optional<int64_t> counter_fen);
  // The buyer takes the seller's counter.
  // `buyer_ref` must be the one the best offer was made with ("" for a buyer account);
  // `counter_fen`, when given, must be the counter's amount (the buyer confirms what they take).
  Result<storage::BestOfferRecord> AcceptCounter(const identity::Principal& actor,
                                                 const BestOfferId& id,
                                                 const std::string& buyer_ref,
                                                 std::optional<int64_t> counter_fen = std::nullopt);
  Result<storage::BestOfferRecord> Get(const identity::Principal& actor, const BestOfferId& id);
  // The caller's own best offers (a buyer account's, kept under user:<id>), newest first, each
  // with its effective status; `page.after` is the cursor, `page.limit` at most kBuyerPageMax.
  // Staff make best offers for a buyer_ref, not as themselves: they have none here.
  Result<BestOfferPage> Mine(const identity::Principal& actor, const storage::PageRequest& page);
  // The background job: marks every pending or countered best offer whose 48 hours have passed
  // (by the injected clock) expired, with its best_offer.decided event; returns how many.
  Result<int64_t> ExpireDue();
  // The seller's view: every best offer on one of its organisation's offers (in id order), each
  // with its effective status. Another organisation's offer is not found.
  Result<std::vector<storage::BestOfferRecord>> OfOffer(const identity::Principal& actor,
                                                        const OfferId& offer_id);

 private:
  Result<storage::BestOfferRecord> Decide(const identity::Principal& actor, const std::string& id,
                                          bool seller, const std::string& action,
                                          std::optional<int64_t> counter_fen,
                                          const std::string& buyer_ref);
  const MarketContext& c_;
};

Status CheckBuyerRef(const std::string& buyer_ref);

// A buyer's own account (role buyer), as opposed to staff acting for a buyer_ref at the counter.
bool IsBuyerAccount(const identity::Principal& actor);
// Whom a best offer or an order is for: staff name the buyer by `given` (required; "user:" is
// reserved); a buyer account gives none (refused, naming buyer_ref) and is "user:<user id>".
Result<std::string> BuyerRefFor(const identity::Principal& actor, const std::string& given);

// Staff act for a buyer at their own organisation's counter only: another operator's offer is
// refused (403, the offer is public). A buyer account buys from anyone.
Status CheckCounterStaff(const identity::Principal& actor, const storage::OfferRecord& offer);

}  // namespace recirc::market
