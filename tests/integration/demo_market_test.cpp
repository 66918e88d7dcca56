// `recirc demo`'s market content on both databases: made once (a second run changes nothing),
// sellable through the ordinary hold check (the demo buyer buys a phone), the phone reported
// stolen held with its offer unpublishable, item photos served, and the listings searchable.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "app/config.hpp"
#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

class DemoMarketTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    // `recirc demo`'s config (the simulated payment provider on), the default 7-day hold period.
    server_ = TestServer::StartAsConfigured(GetParam(), app::ForDemo({}));
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  Headers LogIn(const std::string& username) {
    auto r = server_->Call({"POST", "/api/v1/session",
                            R"({"username":")" + username + R"(","password":"recirc-demo"})"});
    EXPECT_EQ(r.status, 200u) << r.body;
    auto body = json::parse(r.body).as_object();
    const std::string cookie = r.Header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", std::string(body["csrf_token"].as_string())}};
  }
  bool SearchFinds(const std::string& query, const std::string& title_part) {
    for (int i = 0; i < 500; ++i) {
      auto r = server_->Call({"GET", "/api/v1/search?q=" + query});
      if (r.status == 200 && r.body.find(title_part) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(DemoMarketTest, TheDemoMarketIsMadeOnceAndItsPhonesCanBeBought) {
  auto first = server_->app().SeedDemoMarket();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->registered, 11);
  EXPECT_EQ(first->published, 10);
  EXPECT_EQ(first->held, 1);
  auto again = server_->app().SeedDemoMarket();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->registered, 0);
  EXPECT_EQ(again->published, 0);

  const Headers clerk = LogIn("shop.clerk");
  auto offers = json::parse(server_->Call({"GET", "/api/v1/offers", "", clerk}).body);
  const auto& items = offers.at("items").as_array();
  ASSERT_EQ(items.size(), 11u) << "a second run made no duplicates";
  std::string phone, phone_item, held, held_item, book_item, bike_item;
  int published = 0;
  for (const auto& o : items) {
    const std::string title(o.at("title").as_string());
    const std::string status(o.at("status").as_string());
    published += status == "published";
    if (title.starts_with("iPhone 13 ")) {
      phone = std::string(o.at("id").as_string());
      phone_item = std::string(o.at("item_id").as_string());
      EXPECT_EQ(status, "published");
      EXPECT_EQ(o.at("channel"), "online");
      EXPECT_EQ(o.at("sale_mode"), "fixed_price");
    }
    if (title.starts_with("红楼梦")) book_item = std::string(o.at("item_id").as_string());
    if (title.starts_with("捷安特")) bike_item = std::string(o.at("item_id").as_string());
    if (title.starts_with("iPhone 14 Pro")) {
      held = std::string(o.at("id").as_string());
      held_item = std::string(o.at("item_id").as_string());
      EXPECT_EQ(status, "draft");
    }
  }
  EXPECT_EQ(published, 10);
  ASSERT_FALSE(phone.empty());
  ASSERT_FALSE(held.empty());

  // Its photo is a PNG showing the model; its report and disclosure are there.
  auto photos = json::parse(server_->Call({"GET", "/api/v1/offers/" + phone + "/photos"}).body);
  ASSERT_EQ(photos.at("items").as_array().size(), 1u);
  auto png =
      server_->Call({"GET", "/api/v1/offers/" + phone + "/photos/" +
                                std::string(photos.at("items").at(0).at("sha256").as_string())});
  ASSERT_EQ(png.status, 200u);
  EXPECT_TRUE(png.body.starts_with("\x89PNG"));
  auto disclosure =
      json::parse(server_->Call({"GET", "/api/v1/items/" + phone_item + "/disclosure"}).body);
  const int64_t version = disclosure.at("version").as_int64();
  EXPECT_GE(version, 2) << "inspection and sanitization";

  // The demo buyer buys it (the hold period has passed since its registration).
  const Headers buyer = LogIn("buyer");
  auto order = server_->Call({"POST", "/api/v1/orders",
                              R"({"offer_id":")" + phone +
                                  R"(","provider":"simulated","accepted_disclosure_version":)" +
                                  std::to_string(version) + "}",
                              buyer});
  EXPECT_EQ(order.status, 201u) << order.body;

  // The phone reported stolen is held: its offer cannot be published, and the answer says why.
  auto held_disclosure =
      json::parse(server_->Call({"GET", "/api/v1/items/" + held_item + "/disclosure"}).body);
  auto refused = server_->Call(
      {"POST", "/api/v1/offers/" + held + "/publish",
       R"({"disclosure_version":)" + std::to_string(held_disclosure.at("version").as_int64()) + "}",
       clerk});
  EXPECT_EQ(refused.status, 422u) << refused.body;
  EXPECT_NE(refused.body.find("item_held"), std::string::npos) << refused.body;

  // The book was inspected by the shop itself, labelled so in its public report; the bicycle
  // (a third-party category) by the inspection body.
  const auto report_of = [&](const std::string& item) {
    auto r = json::parse(server_->Call({"GET", "/api/v1/items/" + item + "/reports"}).body);
    return r.at("items").at(0).at("report");
  };
  ASSERT_FALSE(book_item.empty());
  ASSERT_FALSE(bike_item.empty());
  EXPECT_EQ(report_of(book_item).at("self_inspection"), true);
  EXPECT_EQ(report_of(bike_item).at("self_inspection"), false);

  // The listings are in the public search by a Chinese word and by a model name.
  EXPECT_TRUE(SearchFinds("%E6%B2%99%E5%8F%91", "KIVIK"));  // 沙发
  EXPECT_TRUE(SearchFinds("Mate", "Mate 40"));
}

INSTANTIATE_TEST_SUITE_P(Db, DemoMarketTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
