#pragma once
// Auctions: the state anybody may see and the bids on the wire (see dto.hpp for the shared shapes).

#include "api/market/dto.hpp"
#include "domain/market/auction_service.hpp"

namespace recirc::api::dto {

// Auctions: what anybody may see (winning, your_* and order_id only about the caller).
struct AuctionState {
  static constexpr std::string_view kSchemaName = "AuctionState";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"phase", R"js({"enum": ["open", "sold", "unsold", "bought_now"]})js"},
      {"ends_at", R"js({"description": "with soft-close extensions"})js"},
      {"winning", R"js({"description": "set when the caller has bid"})js"},
      {"order_id", R"js({"description": "the winner's order, to the winner and the seller"})js"},
      {"label",
       R"js({"enum": ["auction", "bidding"], "description": "auction (拍卖) only when the operator is a licensed auction enterprise, otherwise bidding (竞价)"})js"}};
  std::string offer_id;
  std::string phase;
  int64_t price_fen = 0;
  int64_t bid_count = 0;
  int64_t min_next_fen = 0;
  Time ends_at;
  bool reserve_met = false;
  Omitted<int64_t> buy_it_now_fen;
  Omitted<bool> winning;
  Omitted<int64_t> your_max_fen;
  Omitted<int64_t> your_bid_seq;
  Omitted<std::string> order_id;
  std::string label;
  static AuctionState From(const market::AuctionView& v);
};
BOOST_DESCRIBE_STRUCT(AuctionState, (),
                      (offer_id, phase, price_fen, bid_count, min_next_fen, ends_at, reserve_met,
                       buy_it_now_fen, winning, your_max_fen, your_bid_seq, order_id, label))

struct PlaceBid {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"buyer_ref",
       R"js({"description": "staff: the buyer's reference (required); a buyer account gives none"})js"},
      {"max_fen",
       R"js({"description": "the bidder's maximum; the system bids for them up to it"})js"}};
  std::optional<std::string> buyer_ref;
  int64_t max_fen = 0;
};
BOOST_DESCRIBE_STRUCT(PlaceBid, (), (buyer_ref, max_fen))

struct BuyItNow {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"amount_fen", R"js({"description": "the Buy-It-Now price the buyer confirms"})js"}};
  std::optional<std::string> buyer_ref;
  int64_t amount_fen = 0;
};
BOOST_DESCRIBE_STRUCT(BuyItNow, (), (buyer_ref, amount_fen))

struct RetractBid {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"reason", R"js({"enum": ["typing_error"]})js"}};
  std::optional<std::string> buyer_ref;
  int64_t seq = 0;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(RetractBid, (), (buyer_ref, seq, reason))

}  // namespace recirc::api::dto
