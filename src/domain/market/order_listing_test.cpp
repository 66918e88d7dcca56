// What search is told about an offer while it is ordered (both databases): a placed order takes
// the listing out of search; cancelling it, refunding it before dispatch, or letting the payment
// window pass (the background job, by the injected clock) puts it back.
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

using std::chrono::minutes;

class OrderListingTest : public MarketFixture {
 protected:
  // The listing's events as "published" / "closed:<reason>", oldest first.
  std::vector<std::string> Listing(const storage::OfferRecord& offer) {
    std::vector<std::string> out;
    for (const auto& e : Events("listing", offer.id)) {
      if (e.type == "listing.published") {
        out.push_back("published");
        continue;
      }
      const auto reason = json::parse(e.payload).as_object().at("reason").as_string();
      out.push_back("closed:" + std::string(reason));
    }
    return out;
  }
  // As the shop sees it (a withdrawn offer is not shown to the public).
  std::string Status(const storage::OfferRecord& offer) {
    auto got = offers_->Get(&clerk_, Oid(offer.id));
    EXPECT_TRUE(got) << got.error().message;
    return got ? ToString(got->status) : "";
  }
};

TEST_P(OrderListingTest, APlacedOrderTakesTheListingOutOfSearchAndCancellingPutsItBack) {
  const auto offer = Published("35693803564410");
  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(Status(offer), "reserved");
  EXPECT_EQ(Listing(offer), (std::vector<std::string>{"published", "closed:reserved"}));

  ASSERT_TRUE(orders_->Cancel(buyer_, Ord(order->id), "改主意了"));
  EXPECT_EQ(Status(offer), "published");
  EXPECT_EQ(Listing(offer),
            (std::vector<std::string>{"published", "closed:reserved", "published"}));
  // Published again, so a second buyer can order it.
  EXPECT_TRUE(Order(offer));
}

TEST_P(OrderListingTest, PayingKeepsTheListingClosedAndARefundBeforeDispatchRelistsIt) {
  const auto offer = Published("35693803564411");
  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  EXPECT_EQ(Listing(offer), (std::vector<std::string>{"published", "closed:reserved"}));

  auto refunded = orders_->Cancel(buyer_, Ord(order->id), "不要了");  // paid: a full refund
  ASSERT_TRUE(refunded) << refunded.error().message;
  EXPECT_EQ(ToString(refunded->state), "refunded");
  EXPECT_EQ(Status(offer), "published");
  EXPECT_EQ(Listing(offer).back(), "published");
}

TEST_P(OrderListingTest, AReturnedItemIsNotRelistedUntilTheOperatorOffersItAgain) {
  const auto offer = Published("35693803564412");
  const auto received = Received(offer);
  const std::string photo = OrderPhoto(buyer_, received.id, kStageReturn);
  auto ret = after_sales_->RequestReturn(buyer_, Ord(received.id),
                                         {{SerialOf(received.item_id)}, {photo}, "不合适"});
  ASSERT_TRUE(ret) << ret.error().message;
  ASSERT_TRUE(after_sales_->AcceptReturn(clerk_, Case(ret->id), Money::Fen(350000), false));
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(received.id))->state), "refunded");
  EXPECT_EQ(Status(offer), "withdrawn");
  EXPECT_EQ(Listing(offer).back(), "closed:reserved");
}

TEST_P(OrderListingTest, AnUnpaidOrderIsCancelledWhenThePaymentWindowEnds) {
  const auto late = Published("35693803564413");
  const auto paid = Published("35693803564414");
  auto unpaid_order = Order(late);
  auto paid_order = Order(paid);
  ASSERT_TRUE(unpaid_order && paid_order);
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(paid_order->id), Money::Fen(350000), std::nullopt));

  clock_.Advance(kPaymentWindow - minutes(1));
  EXPECT_EQ(*orders_->ExpireUnpaid(), 0);
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(unpaid_order->id))->state), "placed");
  clock_.Advance(minutes(1));
  EXPECT_EQ(*orders_->ExpireUnpaid(), 1);
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(unpaid_order->id))->state), "cancelled");
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(paid_order->id))->state), "paid");
  EXPECT_EQ(Status(late), "published");
  EXPECT_EQ(Listing(late).back(), "published");
  EXPECT_EQ(Status(paid), "reserved");
  EXPECT_EQ(*orders_->ExpireUnpaid(), 0) << "nothing left to cancel";
  // The system cancelled it: the order event names no user.
  const auto events = Events("order", unpaid_order->id);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().type, "order.cancelled");
  EXPECT_FALSE(events.back().actor_id.has_value());
}

RECIRC_BOTH_DATABASES(OrderListingTest);

}  // namespace
}  // namespace recirc::market
