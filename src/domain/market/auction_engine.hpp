#pragma once
// The English auction with proxy bidding, as a pure function: the state of an auction is
// Evaluate(terms, bids so far, now), and whether a new bid or a retraction is accepted is
// decided from the same inputs. No storage, no clock: the caller passes `now` and the bids in
// the order the database committed them (their sequence numbers).
//
// The rules (docs/market.md "Auctions", DOMAIN.md "Business formats"):
// - Every bidder's maximum is the one of their latest standing (not retracted) bid.
// - The leader has the highest maximum; equal maxima go to the earlier bid (lower sequence).
// - Displayed price: the second-highest maximum plus one increment (looked up at that maximum),
//   capped at the leader's maximum; a single bidder pays the start price. When the leader's
//   maximum reaches the hidden reserve the price is at least the reserve ("reserve met").
// - A new bid from anyone but the leader must be at least the minimum next bid (the start
//   price before any bid, else the price plus one increment). The leader may change their
//   maximum, never to below the current price.
// - Buy-It-Now is available until the first bid (a retracted bid still counts) and ends the
//   auction at once at the Buy-It-Now price.
// - Soft close: a bid placed in the last `window` before the end moves the end `extension`
//   later, never past the hard stop. Extensions stay when the bid is later retracted.
// - A retraction names a typing error; it removes that bid from the ranking, before the end.
// All money is integer fen.

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

namespace recirc::market::auction {

// One band: from `from_fen` (inclusive) upward, the increment is `step_fen`. Bands ascend and
// the first starts at 0.
struct IncrementBand {
  int64_t from_fen = 0;
  int64_t step_fen = 0;
};

struct IncrementTable {
  Currency currency = Currency::kCny;
  std::vector<IncrementBand> bands;
};

// The CNY table: eBay's bands scaled to yuan amounts people bid in (data, not code).
const IncrementTable& CnyIncrements();
// The increment at `price_fen` (the step of the highest band starting at or below it).
int64_t IncrementAt(const IncrementTable& table, int64_t price_fen);
// Ok, or kInvalidArgument naming `field`: bands ascend from 0 with positive steps.
Status ValidateIncrements(const IncrementTable& table, std::string_view field);

struct SoftClose {
  std::chrono::milliseconds window{0};     // 0: no soft close
  std::chrono::milliseconds extension{0};  // how much later the end moves
  std::optional<TimePoint> hard_stop;      // never later than this
};

struct AuctionTerms {
  int64_t start_fen = 0;
  std::optional<int64_t> reserve_fen;
  std::optional<int64_t> buy_it_now_fen;
  TimePoint ends_at;
  SoftClose soft_close;
  IncrementTable increments = CnyIncrements();
};

// Field checks (errors name the field): start >= 1 fen, reserve >= start, Buy-It-Now above the
// start and at or above the reserve, ends_at after `now`, hard stop at or after ends_at.
Status ValidateTerms(const AuctionTerms& t, TimePoint now);

enum class BidKind { kBid, kBuyItNow };

// A bid as committed: `seq` orders the bids of one auction (ascending, unique).
struct Bid {
  int64_t seq = 0;
  std::string bidder;
  int64_t max_fen = 0;
  TimePoint placed_at;
  BidKind kind = BidKind::kBid;
  bool retracted = false;
};

enum class Phase {
  kOpen,
  kSold,       // ended (or bought now) with a winner at the reserve or above
  kUnsold,     // ended without a bid, or below the reserve
  kBoughtNow,  // ended by Buy-It-Now
};

struct AuctionState {
  Phase phase = Phase::kOpen;
  int64_t price_fen = 0;     // the displayed price (the hammer price once sold)
  int64_t bid_count = 0;     // standing bids
  int64_t min_next_fen = 0;  // the least a bidder other than the leader may bid
  TimePoint ends_at;         // with soft-close extensions
  bool reserve_met = false;  // true when there is no reserve and someone bid
  bool buy_it_now_available = false;
  std::optional<std::string> leader;  // never shown to other bidders
  int64_t leader_max_fen = 0;         // never shown to anybody but the leader
  std::optional<int64_t> leader_seq;  // the bid that set the leader's maximum
};

// The state as of `now` from the bids so far (in any order; sorted by seq inside).
AuctionState Evaluate(const AuctionTerms& terms, std::span<const Bid> bids, TimePoint now);

// Whether `bidder` may bid `max_fen` at `at` (kind kBid) or buy now (kind kBuyItNow, max_fen
// the Buy-It-Now price). Refusals: kFailedPrecondition "auction_closed: …" or
// "buy_it_now_unavailable: …"; kInvalidArgument naming max_fen ("bid_too_low: …").
Status CheckBid(const AuctionTerms& terms, std::span<const Bid> bids, const std::string& bidder,
                int64_t max_fen, BidKind kind, TimePoint at);

enum class RetractionReason { kTypingError };
// "typing_error" only; anything else is kInvalidArgument naming `reason`.
Result<RetractionReason> ParseRetractionReason(std::string_view reason);

// Whether `bidder` may retract their bid `seq` at `at`: it must be theirs, standing, a bid (not
// a Buy-It-Now) and the auction open.
Status CheckRetraction(const AuctionTerms& terms, std::span<const Bid> bids,
                       const std::string& bidder, int64_t seq, TimePoint at);

}  // namespace recirc::market::auction
