// AuctionRepository: auctions and bids (migration 0027). Same SQL on both dialects.
#include "storage/market/auctions.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kAuctionColumns =
    "SELECT offer_id, ends_at, closed_at, outcome, order_id FROM auctions ";
constexpr std::string_view kInsertAuction =
    "INSERT INTO auctions (offer_id, ends_at, closed_at, outcome, order_id) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kUpdateAuction =
    "UPDATE auctions SET ends_at = $2, closed_at = $3, outcome = $4, order_id = $5 "
    "WHERE offer_id = $1";
constexpr std::string_view kBidColumns =
    "SELECT offer_id, seq, bidder_ref, max_fen, kind, placed_at, retracted_at, "
    "retraction_reason FROM bids ";
constexpr std::string_view kNextSeq =
    "SELECT COALESCE(MAX(seq), 0) + 1 FROM bids WHERE offer_id = $1";
constexpr std::string_view kInsertBid =
    "INSERT INTO bids (offer_id, seq, bidder_ref, max_fen, kind, placed_at, retracted_at, "
    "retraction_reason) VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL)";
constexpr std::string_view kRetract =
    "UPDATE bids SET retracted_at = $3, retraction_reason = $4 "
    "WHERE offer_id = $1 AND seq = $2 AND retracted_at IS NULL";

Value OptionalInt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

AuctionRecord ToAuction(const Row& r) {
  return {r.Text(0), r.Int(1), r.OptInt(2), r.OptText(3), r.OptText(4)};
}

BidRecord ToBid(const Row& r) {
  return {r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Text(4), r.Int(5), r.OptInt(6), r.OptText(7)};
}

}  // namespace

Status AuctionRepository::Insert(Session& s, const AuctionRecord& r) const {
  return Done(s.Execute(kInsertAuction, {r.offer_id, r.ends_at, OptionalInt(r.closed_at),
                                         OptionalText(r.outcome), OptionalText(r.order_id)}));
}

Result<std::optional<AuctionRecord>> AuctionRepository::Find(Session& s,
                                                             const std::string& offer_id) const {
  return MapOptional<AuctionRecord>(
      s.QueryOptional(std::string(kAuctionColumns) + "WHERE offer_id = $1", {offer_id}), ToAuction);
}

Status AuctionRepository::Update(Session& s, const AuctionRecord& r) const {
  return Done(s.Execute(kUpdateAuction, {r.offer_id, r.ends_at, OptionalInt(r.closed_at),
                                         OptionalText(r.outcome), OptionalText(r.order_id)}));
}

Result<std::vector<AuctionRecord>> AuctionRepository::Due(Session& s, int64_t now,
                                                          int64_t limit) const {
  return MapRows<AuctionRecord>(
      s.Query(std::string(kAuctionColumns) +
                  "WHERE closed_at IS NULL AND ends_at <= $1 ORDER BY ends_at, offer_id LIMIT $2",
              {now, limit}),
      ToAuction);
}

Result<int64_t> AuctionRepository::InsertBid(Session& s, BidRecord r) const {
  RECIRC_TRY(Row next, s.QueryOne(kNextSeq, {r.offer_id}, "next bid"));
  r.seq = next.Int(0);
  RECIRC_CHECK(Done(
      s.Execute(kInsertBid, {r.offer_id, r.seq, r.bidder_ref, r.max_fen, r.kind, r.placed_at})));
  return r.seq;
}

Result<std::vector<BidRecord>> AuctionRepository::Bids(Session& s,
                                                       const std::string& offer_id) const {
  return MapRows<BidRecord>(
      s.Query(std::string(kBidColumns) + "WHERE offer_id = $1 ORDER BY seq", {offer_id}), ToBid);
}

Status AuctionRepository::RetractBid(Session& s, const std::string& offer_id, int64_t seq,
                                     int64_t at, const std::string& reason) const {
  RECIRC_TRY(int64_t n, s.Execute(kRetract, {offer_id, seq, at, reason}));
  if (n != 1) return Error::Conflict("bid " + std::to_string(seq) + " was retracted already");
  return Ok();
}

}  // namespace recirc::storage
