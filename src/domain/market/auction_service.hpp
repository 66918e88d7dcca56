#pragma once
// English auctions (sale_mode english_auction) on the market: an offer with auction terms in
// mode_terms and its bids in `bids` (migration 0027). The rules are the pure engine's
// (auction_engine.hpp); this service orders, stores and closes.
//
// One writer per auction: every bid, retraction and Buy-It-Now locks the offer's row (PostgreSQL
// FOR UPDATE; SQLite's single writer), reads the bids, asks the engine, and writes the bid with
// the next sequence number in the same transaction; the answer is given after the commit, so a
// bid that was answered is durable. The close job ends auctions by the injected clock and makes
// the winner's order at the hammer price through OrderService (PlaceWonLocked, the same rows and
// events as OrderService::Place); the order's payment deadline is kPaymentWindow, as for every
// order. Nobody is ever told another bidder's identity or maximum (docs/security.md "Auctions:
// who sees bids").

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "domain/market/auction_engine.hpp"
#include "domain/market/order_service.hpp"
#include "storage/market/auctions.hpp"

namespace recirc::market {

// What anybody may read of an auction; `winning` and `your_max_fen` only about the caller's own
// bids, `order_id` only for the winner and the seller.
struct AuctionView {
  std::string offer_id;
  std::string phase;  // open, sold, unsold, bought_now
  int64_t price_fen = 0;
  int64_t bid_count = 0;
  int64_t min_next_fen = 0;
  int64_t ends_at = 0;  // unix ms, with soft-close extensions
  bool reserve_met = false;
  std::optional<int64_t> buy_it_now_fen;  // while available
  std::optional<bool> winning;            // set when the caller has bid
  std::optional<int64_t> your_max_fen;    // the caller's standing maximum
  std::optional<int64_t> your_bid_seq;    // the caller's standing bid (to retract it)
  std::optional<std::string> order_id;
  std::string label;  // "auction" (拍卖) or "bidding" (竞价): auction_history.hpp
};

// mode_terms of an auction offer <-> the engine's terms. Parsing names the field at fault.
std::string AuctionTermsJson(const auction::AuctionTerms& t);
Result<auction::AuctionTerms> ParseAuctionTerms(const std::string& mode_terms);
// mode_terms as people outside the seller's organisation see it: the reserve replaced by
// has_reserve.
std::string PublicAuctionTerms(const std::string& mode_terms);

class AuctionService {
 public:
  AuctionService(const MarketContext& c, OfferService& offers, OrderService& orders,
                 const storage::AuctionRepository& repo)
      : c_(c), offers_(offers), orders_(orders), repo_(repo) {}

  // A draft english_auction offer (published like any offer): `terms.price_fen` becomes the
  // start price.
  Result<storage::OfferRecord> Create(const identity::Principal& actor, OfferTerms terms,
                                      const auction::AuctionTerms& auction);
  // `buyer_ref` as for best offers: staff at the counter name the buyer, a buyer account none.
  Result<AuctionView> Bid(const identity::Principal& actor, const OfferId& offer_id,
                          const std::string& buyer_ref, int64_t max_fen);
  // Ends the auction at once at the Buy-It-Now price and places the caller's order;
  // `amount_fen` must be that price (the buyer confirms what they pay).
  Result<AuctionView> BuyItNow(const identity::Principal& actor, const OfferId& offer_id,
                               const std::string& buyer_ref, int64_t amount_fen);
  // Only for a typing error (reason "typing_error"), only the bidder's own standing bid.
  Result<AuctionView> Retract(const identity::Principal& actor, const OfferId& offer_id,
                              const std::string& buyer_ref, int64_t seq, const std::string& reason);
  // `actor` null for anonymous callers; `buyer_ref` lets counter staff ask for their buyer.
  Result<AuctionView> State(const identity::Principal* actor, const OfferId& offer_id,
                            const std::string& buyer_ref);
  // The background job: closes every auction whose end has passed (by the injected clock);
  // returns how many.
  Result<int64_t> CloseDue();

 private:
  using Mutation = std::function<Status(storage::Session&, const storage::OfferRecord&,
                                        const auction::AuctionTerms&, std::vector<auction::Bid>&)>;
  Result<AuctionView> Write(const identity::Principal& actor, const OfferId& offer_id,
                            const std::string& bidder, const Mutation& fn);
  Status CloseLocked(storage::Session& s, const storage::OfferRecord& offer,
                     storage::AuctionRecord& auction, const auction::AuctionTerms& terms,
                     const std::vector<auction::Bid>& bids);
  Result<std::vector<auction::Bid>> LoadBids(storage::Session& s, const std::string& offer_id);

  const MarketContext& c_;
  OfferService& offers_;
  OrderService& orders_;
  const storage::AuctionRepository& repo_;
};

}  // namespace recirc::market
