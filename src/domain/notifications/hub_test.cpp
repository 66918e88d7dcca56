// NotificationHub: a committed notification reaches only the streams of its audience, with the
// raised unread count; wakes are called; the number of open streams is bounded.
#include "domain/notifications/hub.hpp"

#include <gtest/gtest.h>

namespace recirc::notifications {
namespace {

storage::NotificationRecord Note(std::string kind, std::string id) {
  return {"n-" + id,
          1,
          std::move(kind),
          std::move(id),
          "notification.order_placed",
          R"({"price_fen":100})",
          "order",
          "o1",
          0,
          false};
}

TEST(NotificationHubTest, DeliversToTheMatchingAudienceOnlyAndWakesIt) {
  NotificationHub hub;
  auto shop = hub.Subscribe({"clerk", "shop-org", std::nullopt}, 2).value();
  auto police = hub.Subscribe({"officer", std::nullopt, "1101"}, 0).value();
  auto buyer = hub.Subscribe({"buyer", std::nullopt, std::nullopt}, 0).value();
  int shop_wakes = 0, police_wakes = 0, buyer_wakes = 0;
  shop->OnReady([&] { ++shop_wakes; });
  police->OnReady([&] { ++police_wakes; });
  buyer->OnReady([&] { ++buyer_wakes; });
  ASSERT_EQ(shop->Take().size(), 1u);  // the starting unread count
  (void)police->Take();
  (void)buyer->Take();

  hub.Publish({Note("organisation", "shop-org"), Note("region", "110105"), Note("region", "110800"),
               Note("organisation", "other-org")});
  auto got = shop->Take();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].name, "notification");
  EXPECT_NE(got[0].data.find("\"message_id\":\"notification.order_placed\""), std::string::npos);
  EXPECT_EQ(got[1].name, "unread");
  EXPECT_EQ(got[1].data, R"({"unread":3})");
  EXPECT_EQ(police->Take().size(), 2u) << "110105 only: 110800 is outside 1101";
  EXPECT_TRUE(buyer->Take().empty());
  EXPECT_EQ(shop_wakes, 1);
  EXPECT_EQ(police_wakes, 1);
  EXPECT_EQ(buyer_wakes, 0);

  hub.UnreadChanged("clerk", 0);
  got = shop->Take();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].data, R"({"unread":0})");
  EXPECT_EQ(shop_wakes, 2);
}

TEST(NotificationHubTest, BoundsTheOpenStreamsAndForgetsClosedOnes) {
  NotificationHub hub(2);
  auto a = hub.Subscribe({"a", std::nullopt, std::nullopt}, 0);
  auto b = hub.Subscribe({"b", std::nullopt, std::nullopt}, 0);
  ASSERT_TRUE(a && b);
  auto c = hub.Subscribe({"c", std::nullopt, std::nullopt}, 0);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kUnavailable);
  a->reset();  // the stream closed
  EXPECT_EQ(hub.open_streams(), 1u);
  EXPECT_TRUE(hub.Subscribe({"c", std::nullopt, std::nullopt}, 0));
}

}  // namespace
}  // namespace recirc::notifications
