#pragma once
// English auctions' rows (migration 0027): the auction's close state and its bids.
// Queries: AuctionRepository (auction_repository.cpp); SQL only there.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct AuctionRecord {
  std::string offer_id;
  int64_t ends_at = 0;  // the effective end, with soft-close extensions
  std::optional<int64_t> closed_at;
  std::optional<std::string> outcome;  // sold, unsold, bought_now
  std::optional<std::string> order_id;
};

struct BidRecord {
  std::string offer_id;
  int64_t seq = 0;
  std::string bidder_ref;  // "user:<id>" for a buyer account, else the counter's reference
  int64_t max_fen = 0;
  std::string kind;  // bid, buy_it_now
  int64_t placed_at = 0;
  std::optional<int64_t> retracted_at;
  std::optional<std::string> retraction_reason;
};

class AuctionRepository {
 public:
  Status Insert(Session& s, const AuctionRecord& r) const;
  Result<std::optional<AuctionRecord>> Find(Session& s, const std::string& offer_id) const;
  Status Update(Session& s, const AuctionRecord& r) const;
  // Open auctions whose end is at or before `now`, oldest end first, at most `limit`.
  Result<std::vector<AuctionRecord>> Due(Session& s, int64_t now, int64_t limit) const;

  // Inserts with seq = the auction's last seq + 1 (the caller holds the offer's row lock).
  Result<int64_t> InsertBid(Session& s, BidRecord r) const;
  Result<std::vector<BidRecord>> Bids(Session& s, const std::string& offer_id) const;
  Status RetractBid(Session& s, const std::string& offer_id, int64_t seq, int64_t at,
                    const std::string& reason) const;
};

}  // namespace recirc::storage
