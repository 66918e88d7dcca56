// Screening of an item acquired a second time (issue 18, item 1): re-acquiring an item recirc
// sold is ordinary business (a buy-back, a trade-in, its buyer selling it on); re-acquiring one
// that never left an operator's stock is the `reacquired_unsold` signal (weight 60, over the alert
// threshold), and so is one whose sale was cancelled or refunded on a return.
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class BuyBackScreeningTest : public MarketFixture {
 protected:
  // The item's IMEI acquired again, as a buy-back; returns the receipt's status.
  std::string AcquireAgain(const std::string& imei) {
    auto in = PhoneAcquisition(imei);
    in.kind = "buy_back";
    auto receipt = registration_->Register(clerk_, in);
    EXPECT_TRUE(receipt) << receipt.error().message;
    return receipt ? std::string(ToString(receipt->status)) : "";
  }
};

TEST_P(BuyBackScreeningTest, AnItemSoldThroughRecircAndBoughtBackRaisesNoAlert) {
  const auto offer = Published("35693803564411");
  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  EXPECT_EQ(AcquireAgain(Imei("35693803564411")), "registered");
}

TEST_P(BuyBackScreeningTest, AnItemNeverSoldAndAcquiredAgainIsHeldForThePolice) {
  Published("35693803564412");
  EXPECT_EQ(AcquireAgain(Imei("35693803564412")), "held_for_verification");
}

TEST_P(BuyBackScreeningTest, ASaleRefundedBeforeDispatchDoesNotCountAsSold) {
  const auto offer = Published("35693803564413");
  auto order = Order(offer);
  ASSERT_TRUE(order);
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  ASSERT_TRUE(orders_->Refund(clerk_, Ord(order->id), Money::Fen(350000)));  // item.sale_cancelled
  EXPECT_EQ(AcquireAgain(Imei("35693803564413")), "held_for_verification");
}

TEST(SaleRecordsRule, TheLatestAcquisitionAndTheSalesAfterItDecide) {
  auto events = [](std::initializer_list<const char*> types) {
    std::vector<storage::EventRecord> out;
    for (const char* t : types) out.push_back({.type = t});
    return out;
  };
  EXPECT_FALSE(SoldSinceLastAcquisition(events({"item.acquired"})));
  EXPECT_TRUE(SoldSinceLastAcquisition(events({"item.acquired", "item.offered", "item.sold"})));
  EXPECT_FALSE(SoldSinceLastAcquisition(events({"item.acquired", "item.sold", "item.returned"})));
  EXPECT_FALSE(
      SoldSinceLastAcquisition(events({"item.acquired", "item.sold", "item.sale_cancelled"})));
  // Sold, bought back, not sold again: in stock.
  EXPECT_FALSE(SoldSinceLastAcquisition(events({"item.acquired", "item.sold", "item.acquired"})));
  EXPECT_TRUE(SoldSinceLastAcquisition(
      events({"item.acquired", "item.sold", "item.acquired", "item.sold", "item.handed_over"})));
}

RECIRC_BOTH_DATABASES(BuyBackScreeningTest);

}  // namespace
}  // namespace recirc::market
