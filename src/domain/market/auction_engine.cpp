#include "domain/market/auction_engine.hpp"

#include <algorithm>
#include <map>

namespace recirc::market::auction {

const IncrementTable& CnyIncrements() {
  // eBay's bands (in dollars: <1 0.05, 1-5 0.25, 5-25 0.5, 25-100 1, 100-250 2.5, 250-500 5,
  // 500-1000 10, 1000-2500 25, 2500-5000 50, >=5000 100) scaled to yuan amounts, in fen.
  static const IncrementTable kTable{Currency::kCny,
                                     {{0, 50},
                                      {1'000, 100},
                                      {5'000, 200},
                                      {25'000, 500},
                                      {100'000, 1'000},
                                      {250'000, 2'500},
                                      {500'000, 5'000},
                                      {1'000'000, 10'000},
                                      {2'500'000, 25'000},
                                      {5'000'000, 50'000},
                                      {10'000'000, 100'000}}};
  return kTable;
}

int64_t IncrementAt(const IncrementTable& table, int64_t price_fen) {
  int64_t step = table.bands.empty() ? 1 : table.bands.front().step_fen;
  for (const auto& band : table.bands) {
    if (band.from_fen > price_fen) break;
    step = band.step_fen;
  }
  return step;
}

Status ValidateIncrements(const IncrementTable& table, std::string_view field) {
  std::string f(field);
  if (table.bands.empty() || table.bands.front().from_fen != 0) {
    return Error::InvalidArgument(f, f + ": the first band must start at 0");
  }
  for (size_t i = 0; i < table.bands.size(); ++i) {
    if (table.bands[i].step_fen <= 0 || table.bands[i].step_fen > kMaxFen) {
      return Error::InvalidArgument(f, f + ": every step must be positive");
    }
    if (i > 0 && table.bands[i].from_fen <= table.bands[i - 1].from_fen) {
      return Error::InvalidArgument(f, f + ": bands must ascend");
    }
  }
  return Ok();
}

Status ValidateTerms(const AuctionTerms& t, TimePoint now) {
  RECIRC_CHECK(CheckFen(t.start_fen, "start_fen"));
  if (t.start_fen < 1) return Error::InvalidArgument("start_fen", "start_fen: at least 1 fen");
  if (t.reserve_fen) {
    RECIRC_CHECK(CheckFen(*t.reserve_fen, "reserve_fen"));
    if (*t.reserve_fen < t.start_fen) {
      return Error::InvalidArgument("reserve_fen", "reserve_fen: below start_fen");
    }
  }
  if (t.buy_it_now_fen) {
    RECIRC_CHECK(CheckFen(*t.buy_it_now_fen, "buy_it_now_fen"));
    if (*t.buy_it_now_fen <= t.start_fen || (t.reserve_fen && *t.buy_it_now_fen < *t.reserve_fen)) {
      return Error::InvalidArgument(
          "buy_it_now_fen", "buy_it_now_fen: must be above start_fen and not below the reserve");
    }
  }
  if (t.ends_at <= now) return Error::InvalidArgument("ends_at", "ends_at: must be in the future");
  if (t.soft_close.window.count() < 0 || t.soft_close.extension.count() < 0) {
    return Error::InvalidArgument("soft_close", "soft_close: minutes must not be negative");
  }
  if (t.soft_close.hard_stop && *t.soft_close.hard_stop < t.ends_at) {
    return Error::InvalidArgument("hard_stop", "hard_stop: before ends_at");
  }
  return ValidateIncrements(t.increments, "increments");
}

namespace {

struct Standing {
  int64_t max_fen = 0;
  int64_t seq = 0;
};

// a ranks before b: the higher maximum, then the earlier bid.
bool RanksBefore(const Standing& a, const Standing& b) {
  if (a.max_fen != b.max_fen) return a.max_fen > b.max_fen;
  return a.seq < b.seq;
}

}  // namespace

AuctionState Evaluate(const AuctionTerms& terms, std::span<const Bid> bids, TimePoint now) {
  std::vector<const Bid*> ordered;
  ordered.reserve(bids.size());
  for (const auto& b : bids) ordered.push_back(&b);
  std::sort(ordered.begin(), ordered.end(),
            [](const Bid* a, const Bid* b) { return a->seq < b->seq; });

  AuctionState s;
  s.ends_at = terms.ends_at;
  bool any_bid = false;
  std::map<std::string, Standing> standing;
  for (const Bid* b : ordered) {
    if (b->kind == BidKind::kBuyItNow) {
      s.phase = Phase::kBoughtNow;
      s.price_fen = terms.buy_it_now_fen.value_or(b->max_fen);
      s.ends_at = b->placed_at;
      s.leader = b->bidder;
      s.leader_max_fen = s.price_fen;
      s.leader_seq = b->seq;
      s.reserve_met = true;
      s.bid_count = 0;
      return s;
    }
    any_bid = true;
    const auto& sc = terms.soft_close;
    if (sc.window.count() > 0 && b->placed_at < s.ends_at &&
        b->placed_at >= s.ends_at - sc.window) {
      s.ends_at += sc.extension;
      if (sc.hard_stop && s.ends_at > *sc.hard_stop) s.ends_at = *sc.hard_stop;
    }
    if (b->retracted) continue;
    ++s.bid_count;
    standing[b->bidder] = Standing{b->max_fen, b->seq};
  }

  const std::pair<const std::string, Standing>* first = nullptr;
  const Standing* second = nullptr;
  for (const auto& entry : standing) {
    if (first == nullptr || RanksBefore(entry.second, first->second)) {
      if (first != nullptr) second = &first->second;
      first = &entry;
    } else if (second == nullptr || RanksBefore(entry.second, *second)) {
      second = &entry.second;
    }
  }

  s.price_fen = terms.start_fen;
  if (first != nullptr) {
    s.leader = first->first;
    s.leader_max_fen = first->second.max_fen;
    s.leader_seq = first->second.seq;
    if (second != nullptr) {
      int64_t proxy = second->max_fen + IncrementAt(terms.increments, second->max_fen);
      s.price_fen = std::max(terms.start_fen, std::min(proxy, s.leader_max_fen));
    }
    s.reserve_met = !terms.reserve_fen || s.leader_max_fen >= *terms.reserve_fen;
    if (terms.reserve_fen && s.reserve_met) s.price_fen = std::max(s.price_fen, *terms.reserve_fen);
    s.min_next_fen = s.price_fen + IncrementAt(terms.increments, s.price_fen);
  } else {
    s.min_next_fen = terms.start_fen;
  }
  s.buy_it_now_available = terms.buy_it_now_fen.has_value() && !any_bid;
  if (now >= s.ends_at) {
    s.phase = (s.leader && s.reserve_met) ? Phase::kSold : Phase::kUnsold;
    s.buy_it_now_available = false;
  }
  return s;
}

Status CheckBid(const AuctionTerms& terms, std::span<const Bid> bids, const std::string& bidder,
                int64_t max_fen, BidKind kind, TimePoint at) {
  AuctionState s = Evaluate(terms, bids, at);
  if (s.phase != Phase::kOpen) {
    return Error::FailedPrecondition("auction_closed: the auction has ended");
  }
  if (kind == BidKind::kBuyItNow) {
    if (!s.buy_it_now_available) {
      return Error::FailedPrecondition("buy_it_now_unavailable: there are bids already");
    }
    if (max_fen != *terms.buy_it_now_fen) {
      return Error::InvalidArgument("max_fen", "max_fen: must be the Buy-It-Now price");
    }
    return Ok();
  }
  RECIRC_CHECK(CheckFen(max_fen, "max_fen"));
  if (s.leader && *s.leader == bidder) {
    if (max_fen < s.price_fen) {
      return Error::InvalidArgument("max_fen",
                                    "bid_too_low: a maximum is never below the current price");
    }
    if (max_fen == s.leader_max_fen) {
      return Error::InvalidArgument("max_fen", "max_fen: already your maximum");
    }
    return Ok();
  }
  if (max_fen < s.min_next_fen) {
    return Error::InvalidArgument("max_fen", "bid_too_low: below the minimum next bid " +
                                                 Money::Fen(s.min_next_fen).ToYuanString());
  }
  return Ok();
}

Result<RetractionReason> ParseRetractionReason(std::string_view reason) {
  if (reason == "typing_error") return RetractionReason::kTypingError;
  return Error::InvalidArgument("reason", "reason: a bid is retracted only for typing_error");
}

Status CheckRetraction(const AuctionTerms& terms, std::span<const Bid> bids,
                       const std::string& bidder, int64_t seq, TimePoint at) {
  AuctionState s = Evaluate(terms, bids, at);
  if (s.phase != Phase::kOpen) {
    return Error::FailedPrecondition("auction_closed: the auction has ended");
  }
  auto it = std::find_if(bids.begin(), bids.end(), [&](const Bid& b) { return b.seq == seq; });
  if (it == bids.end() || it->bidder != bidder || it->kind != BidKind::kBid) {
    return Error::NotFound("bid not found");
  }
  if (it->retracted) return Error::FailedPrecondition("bid_retracted: retracted already");
  return Ok();
}

}  // namespace recirc::market::auction
