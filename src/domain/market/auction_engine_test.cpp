// The auction engine against a brute-force reference on thousands of random bid sequences
// (proxy bids, ties, reserve, soft close, Buy-It-Now, retractions), seeded so every run is the
// same. The reference below is written apart from the engine and as plainly as possible: it
// rescans the whole log for every question and ranks bidders by pairwise comparison.

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "domain/market/auction_engine.hpp"

namespace recirc::market::auction {
namespace {

using std::chrono::minutes;

const TimePoint kT0 = FromUnixMillis(1'800'000'000'000);

struct Reference {
  AuctionTerms terms;
  std::vector<Bid> log;  // in seq order

  int64_t Inc(int64_t price) const {
    for (size_t i = terms.increments.bands.size(); i-- > 0;) {
      if (terms.increments.bands[i].from_fen <= price) return terms.increments.bands[i].step_fen;
    }
    return terms.increments.bands.front().step_fen;
  }
  std::optional<TimePoint> BoughtAt() const {
    for (const auto& b : log) {
      if (b.kind == BidKind::kBuyItNow) return b.placed_at;
    }
    return std::nullopt;
  }
  TimePoint End() const {
    if (auto t = BoughtAt()) return *t;
    TimePoint end = terms.ends_at;
    for (const auto& b : log) {
      bool in_window = terms.soft_close.window > minutes(0) && b.placed_at < end &&
                       end - b.placed_at <= terms.soft_close.window;
      if (!in_window) continue;
      end = end + terms.soft_close.extension;
      if (terms.soft_close.hard_stop && end > *terms.soft_close.hard_stop) {
        end = *terms.soft_close.hard_stop;
      }
    }
    return end;
  }
  // Each bidder's latest standing bid.
  std::vector<Bid> Candidates() const {
    std::vector<Bid> out;
    std::set<std::string> names;
    for (const auto& b : log) names.insert(b.bidder);
    for (const auto& name : names) {
      const Bid* latest = nullptr;
      for (const auto& b : log) {
        if (b.bidder == name && !b.retracted && b.kind == BidKind::kBid) latest = &b;
      }
      if (latest) out.push_back(*latest);
    }
    return out;
  }
  std::optional<Bid> Leader() const {
    auto c = Candidates();
    for (const auto& x : c) {
      bool beaten = false;
      for (const auto& y : c) {
        if (y.max_fen > x.max_fen || (y.max_fen == x.max_fen && y.seq < x.seq)) beaten = true;
      }
      if (!beaten) return x;
    }
    return std::nullopt;
  }
  int64_t Price() const {
    if (BoughtAt()) return *terms.buy_it_now_fen;
    auto leader = Leader();
    if (!leader) return terms.start_fen;
    int64_t price = terms.start_fen;
    std::optional<int64_t> second;
    for (const auto& c : Candidates()) {
      if (c.bidder != leader->bidder && (!second || c.max_fen > *second)) second = c.max_fen;
    }
    if (second) {
      int64_t p = *second + Inc(*second);
      if (p > leader->max_fen) p = leader->max_fen;
      if (p > price) price = p;
    }
    if (terms.reserve_fen && leader->max_fen >= *terms.reserve_fen && price < *terms.reserve_fen) {
      price = *terms.reserve_fen;
    }
    return price;
  }
  bool ReserveMet() const {
    if (BoughtAt()) return true;
    auto leader = Leader();
    return leader && (!terms.reserve_fen || leader->max_fen >= *terms.reserve_fen);
  }
  int64_t MinNext() const { return Leader() ? Price() + Inc(Price()) : terms.start_fen; }
  bool Open(TimePoint now) const { return !BoughtAt() && now < End(); }
  bool BinAvailable(TimePoint now) const {
    return terms.buy_it_now_fen && log.empty() && Open(now);
  }
  int64_t Count() const {
    int64_t n = 0;
    for (const auto& b : log) n += (!b.retracted && b.kind == BidKind::kBid) ? 1 : 0;
    return n;
  }
  bool Accepts(const std::string& bidder, int64_t max, BidKind kind, TimePoint at) const {
    if (!Open(at)) return false;
    if (kind == BidKind::kBuyItNow) return BinAvailable(at) && max == *terms.buy_it_now_fen;
    auto leader = Leader();
    if (leader && leader->bidder == bidder) return max >= Price() && max != leader->max_fen;
    return max >= MinNext();
  }
  bool AcceptsRetraction(const std::string& bidder, int64_t seq, TimePoint at) const {
    if (!Open(at)) return false;
    for (const auto& b : log) {
      if (b.seq == seq) return b.bidder == bidder && b.kind == BidKind::kBid && !b.retracted;
    }
    return false;
  }
};

void ExpectSame(const Reference& ref, TimePoint now, const std::string& where) {
  AuctionState s = Evaluate(ref.terms, ref.log, now);
  SCOPED_TRACE(where);
  bool open = ref.Open(now);
  ASSERT_EQ(s.phase == Phase::kOpen, open);
  if (ref.BoughtAt()) {
    ASSERT_EQ(s.phase, Phase::kBoughtNow);
  } else if (!open) {
    ASSERT_EQ(s.phase, ref.Leader() && ref.ReserveMet() ? Phase::kSold : Phase::kUnsold);
  }
  ASSERT_EQ(s.price_fen, ref.Price());
  ASSERT_EQ(s.ends_at, ref.End());
  ASSERT_EQ(s.reserve_met, ref.ReserveMet());
  ASSERT_EQ(s.buy_it_now_available, ref.BinAvailable(now));
  if (!ref.BoughtAt()) {
    ASSERT_EQ(s.bid_count, ref.Count());
    ASSERT_EQ(s.min_next_fen, ref.MinNext());
    auto leader = ref.Leader();
    ASSERT_EQ(s.leader.has_value(), leader.has_value());
    if (leader) {
      ASSERT_EQ(*s.leader, leader->bidder);
    }
  }
}

AuctionTerms RandomTerms(std::mt19937_64& rng) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  AuctionTerms t;
  t.start_fen = pick(1, 3) == 1 ? pick(1, 100) : pick(100, 200'000);
  if (pick(0, 1)) t.reserve_fen = t.start_fen + pick(0, 30'000);
  if (pick(0, 2) == 0)
    t.buy_it_now_fen = std::max(t.start_fen, t.reserve_fen.value_or(0)) + pick(1, 50'000);
  t.ends_at = kT0 + minutes(60);
  if (pick(0, 2) > 0) {
    t.soft_close.window = minutes(pick(1, 5));
    t.soft_close.extension = minutes(pick(0, 5));
    if (pick(0, 1)) t.soft_close.hard_stop = t.ends_at + minutes(pick(0, 15));
  }
  return t;
}

void RunSequence(uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  Reference ref;
  ref.terms = RandomTerms(rng);
  ASSERT_TRUE(ValidateTerms(ref.terms, kT0));
  TimePoint now = kT0;
  int64_t next_seq = 1;
  int steps = static_cast<int>(pick(1, 40));
  for (int step = 0; step < steps; ++step) {
    // Time moves in small steps, often not at all (bids at the same instant), sometimes past
    // the end (late bids are refused).
    int64_t dt = pick(0, 3) == 0 ? 0 : pick(1, 5 * 60'000);
    now += std::chrono::milliseconds(dt);
    std::string bidder = "b" + std::to_string(pick(0, 4));
    std::string where = "seed " + std::to_string(seed) + " step " + std::to_string(step);
    int64_t kind = pick(0, 19);
    if (kind < 15) {
      int64_t max = 0;
      switch (pick(0, 6)) {
        case 0:
          max = ref.MinNext();
          break;
        case 1:
          max = ref.MinNext() - 1;
          break;
        case 2:
          max = ref.Leader() ? ref.Leader()->max_fen : ref.terms.start_fen;
          break;
        case 3:
          max = ref.Price();
          break;
        case 4:
          max = ref.terms.reserve_fen.value_or(ref.terms.start_fen);
          break;
        default:
          max = ref.MinNext() + pick(0, 20'000);
          break;
      }
      bool engine_ok = CheckBid(ref.terms, ref.log, bidder, max, BidKind::kBid, now).has_value();
      ASSERT_EQ(engine_ok, ref.Accepts(bidder, max, BidKind::kBid, now)) << where << " max " << max;
      if (engine_ok) ref.log.push_back(Bid{next_seq++, bidder, max, now, BidKind::kBid, false});
    } else if (kind < 18) {
      if (ref.log.empty()) continue;
      const Bid& target =
          ref.log[static_cast<size_t>(pick(0, static_cast<int64_t>(ref.log.size()) - 1))];
      std::string who = pick(0, 3) == 0 ? bidder : target.bidder;
      bool engine_ok = CheckRetraction(ref.terms, ref.log, who, target.seq, now).has_value();
      ASSERT_EQ(engine_ok, ref.AcceptsRetraction(who, target.seq, now)) << where;
      if (engine_ok) {
        for (auto& b : ref.log) b.retracted = b.retracted || b.seq == target.seq;
      }
    } else {
      if (!ref.terms.buy_it_now_fen) continue;
      int64_t price = *ref.terms.buy_it_now_fen;
      bool engine_ok =
          CheckBid(ref.terms, ref.log, bidder, price, BidKind::kBuyItNow, now).has_value();
      ASSERT_EQ(engine_ok, ref.Accepts(bidder, price, BidKind::kBuyItNow, now)) << where;
      if (engine_ok)
        ref.log.push_back(Bid{next_seq++, bidder, price, now, BidKind::kBuyItNow, false});
    }
    ExpectSame(ref, now, where);
  }
  ExpectSame(ref, kT0 + minutes(24 * 60), "seed " + std::to_string(seed) + " after the end");
}

TEST(AuctionEngineProperty, MatchesBruteForceReferenceOnRandomSequences) {
  for (uint64_t seed = 1; seed <= 2000; ++seed) {
    RunSequence(seed);
    if (HasFatalFailure()) return;
  }
}

// A few fixed cases that read as the rules.
TEST(AuctionEngine, ProxyPriceIsSecondMaximumPlusIncrementCappedAtLeader) {
  AuctionTerms t;
  t.start_fen = 1'000;
  t.ends_at = kT0 + minutes(60);
  std::vector<Bid> bids{{1, "a", 5'000, kT0, BidKind::kBid, false}};
  EXPECT_EQ(Evaluate(t, bids, kT0).price_fen, 1'000);  // one bidder: the start price
  bids.push_back({2, "b", 3'000, kT0, BidKind::kBid, false});
  EXPECT_EQ(Evaluate(t, bids, kT0).price_fen, 3'100);  // 3000 + 1 yuan
  bids.push_back({3, "c", 4'950, kT0, BidKind::kBid, false});
  EXPECT_EQ(Evaluate(t, bids, kT0).price_fen, 5'000);  // capped at a's maximum
  EXPECT_EQ(*Evaluate(t, bids, kT0).leader, "a");
}

TEST(AuctionEngine, TieGoesToTheEarlierBid) {
  AuctionTerms t;
  t.start_fen = 1'000;
  t.ends_at = kT0 + minutes(60);
  std::vector<Bid> bids{{1, "a", 2'000, kT0, BidKind::kBid, false},
                        {2, "b", 2'000, kT0, BidKind::kBid, false}};
  AuctionState s = Evaluate(t, bids, kT0);
  EXPECT_EQ(*s.leader, "a");
  EXPECT_EQ(s.price_fen, 2'000);
}

TEST(AuctionEngine, ReserveMovesThePriceAndSoftCloseExtends) {
  AuctionTerms t;
  t.start_fen = 1'000;
  t.reserve_fen = 8'000;
  t.ends_at = kT0 + minutes(60);
  t.soft_close = {minutes(5), minutes(5), kT0 + minutes(62)};
  std::vector<Bid> bids{{1, "a", 9'000, kT0 + minutes(58), BidKind::kBid, false}};
  AuctionState s = Evaluate(t, bids, kT0 + minutes(59));
  EXPECT_TRUE(s.reserve_met);
  EXPECT_EQ(s.price_fen, 8'000);
  EXPECT_EQ(s.ends_at, kT0 + minutes(62));  // 65 minutes capped by the hard stop
  EXPECT_EQ(Evaluate(t, bids, kT0 + minutes(62)).phase, Phase::kSold);
}

TEST(AuctionEngine, RetractionNeedsTypingError) {
  EXPECT_TRUE(ParseRetractionReason("typing_error"));
  auto r = ParseRetractionReason("changed my mind");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "reason");
}

}  // namespace
}  // namespace recirc::market::auction
