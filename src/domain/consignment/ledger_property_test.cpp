// Property: over random agreements, list prices and sale days (so with markdowns), the consignor
// is credited exactly the agreed split of the marked-down price, the books balance to the fen
// after every entry, and no balance is ever negative, whatever payouts and reversals follow.
#include <gtest/gtest.h>

#include <random>

#include "domain/consignment/agreement.hpp"
#include "domain/consignment/ledger.hpp"

namespace recirc::consignment {
namespace {

Agreement RandomAgreement(std::mt19937_64& rng) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  Agreement a;
  a.split.push_back({0, pick(0, 100)});
  for (int64_t tiers = pick(0, 3), from = 0; tiers > 0; --tiers) {
    from += pick(1, 500000);
    a.split.push_back({from, pick(0, 100)});
  }
  a.period_days = pick(30, 365);
  a.grace_days = pick(0, 30);
  a.do_not_discount = pick(0, 4) == 0;
  if (!a.do_not_discount) {
    for (int64_t day = 0, percent = 0; a.markdowns.size() < 4;) {
      day += pick(1, a.period_days / 4);
      percent += pick(1, 20);
      if (day > a.period_days || percent > 90) break;
      a.markdowns.push_back({day, percent});
    }
  }
  a.sale_fee_fen = pick(0, 3) == 0 ? pick(0, 2000) : 0;
  a.minimum_payout_fen = pick(0, 10000);
  return a;
}

TEST(LedgerPropertyTest, TheConsignorGetsExactlyTheSplitOfTheMarkedDownPrice) {
  std::mt19937_64 rng(20261208);
  for (int round = 0; round < 2000; ++round) {
    const Agreement a = RandomAgreement(rng);
    ASSERT_TRUE(Validate(a)) << round << ": " << Validate(a).error().field;
    Balances b;
    int64_t credited = 0, expected = 0, paid = 0;
    std::vector<SaleSplit> sales;
    const int items = static_cast<int>(rng() % 6) + 1;
    for (int i = 0; i < items; ++i) {
      const int64_t list = static_cast<int64_t>(rng() % 2'000'000) + 1;
      const int64_t day = static_cast<int64_t>(rng() % static_cast<uint64_t>(a.period_days));
      const int64_t price = MarkedDownFen(list, MarkdownPercentAt(a, day));
      const SaleSplit s = SplitSale(a, price);
      // The agreed split of the marked-down price, computed another way: whole yuan and the
      // remaining fen apart (floor(p * q / 100) for p = 100y + f is y * q + floor(f * q / 100)).
      const int64_t q = ConsignorPercentFor(a, price);
      const int64_t want = price / 100 * q + price % 100 * q / 100;
      ASSERT_EQ(s.consignor_fen, want);
      ASSERT_EQ(s.consignor_fen + s.shop_fen, price);
      expected += want - s.fee_fen;
      auto next = Apply(b, SaleEntry(s));
      ASSERT_TRUE(next);
      b = *next;
      ASSERT_TRUE(b.Balance());
      sales.push_back(s);
      credited = b.payable + paid;
    }
    ASSERT_EQ(credited, expected);
    // A payout of part of the balance, then reversals: refused rather than overdrawn.
    const int64_t payout = b.payable / 2;
    auto after_payout = Apply(b, PayoutEntry(payout));
    ASSERT_TRUE(after_payout);
    b = *after_payout;
    paid += payout;
    for (const SaleSplit& s : sales) {
      auto reversed = Apply(b, ReversalEntry(s));
      if (!reversed) {
        ASSERT_EQ(reversed.error().message_id, "consignment.overdrawn");
        continue;
      }
      b = *reversed;
      expected -= s.consignor_fen - s.fee_fen;
      ASSERT_TRUE(b.Balance());
    }
    ASSERT_EQ(b.payable + paid, expected) << "round " << round;
    ASSERT_GE(b.cash, 0);
    ASSERT_GE(b.payable, 0);
  }
}

TEST(LedgerTest, EveryEntryBalancesAndAnOverdraftIsRefused) {
  const SaleSplit s{10000, 6000, 4000, 300};
  EXPECT_TRUE(Balanced(SaleEntry(s)));
  EXPECT_TRUE(Balanced(ReversalEntry(s)));
  EXPECT_TRUE(Balanced(PayoutEntry(5)));
  auto b = Apply({}, SaleEntry(s));
  ASSERT_TRUE(b);
  EXPECT_EQ(b->payable, 5700);
  EXPECT_EQ(b->commission, 4000);
  EXPECT_EQ(b->fees, 300);
  EXPECT_EQ(b->cash, 10000);
  EXPECT_FALSE(Apply(*b, PayoutEntry(5701)));
  EXPECT_TRUE(Apply(*b, PayoutEntry(5700)));
  Entry unbalanced = PayoutEntry(1);
  unbalanced.postings.pop_back();
  EXPECT_EQ(Apply(*b, unbalanced).error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace recirc::consignment
