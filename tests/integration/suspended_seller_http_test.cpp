// A suspended organisation's or outlet's offers over HTTP on both databases (docs/security.md
// "Account administration"): the market search leaves them out of its hits, its total and its
// facets, the offer answers "not buyable" with the rule seller_suspended and an order is refused
// with it; after reactivation both work again.
#include <thread>

#include "integration/market_tenancy_fixture.hpp"

namespace recirc::testing {
namespace {

class SuspendedSellerTest : public MarketTenancyTest {
 protected:
  // Whether the search finds the offer. The index is fed from the journal on its own thread, so
  // wait (bounded) for it to appear first; after that the answer is immediate.
  boost::json::value Search() {
    auto r = server_->Call({"GET", "/api/v1/search?q=Mate"});
    EXPECT_EQ(r.status, 200u) << r.body;
    return boost::json::parse(r.body);
  }
  bool Found(const std::string& offer) {
    const auto body = Search();
    for (const auto& item : body.at("items").as_array())
      if (item.at("listing_id").as_string() == offer) return true;
    return false;
  }
  bool Indexed(const std::string& offer) {
    for (int i = 0; i < 500; ++i) {
      if (Found(offer)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
  void SetStatus(const Headers& admin, const std::string& status) {
    Post("/api/v1/organisations/" + shop_org_ + "/status",
         R"({"status":")" + status + R"(","reason":"inspection of the licence"})", admin, 200);
  }
  std::string OrderBody(const Listed& l) {
    return R"({"offer_id":")" + l.offer +
           R"(","provider":"simulated","accepted_disclosure_version":)" + l.version + "}";
  }
};

TEST_P(SuspendedSellerTest, ASuspendedSellersOffersAreNeitherFoundNorBought) {
  const Listed l = Publish();
  ASSERT_TRUE(Indexed(l.offer));
  const Headers admin = LogInDemo(*server_, "admin");

  SetStatus(admin, "suspended");
  EXPECT_FALSE(Found(l.offer));
  const auto hidden = Search();
  EXPECT_EQ(hidden.at("total").as_int64(), 0) << "the total leaves the seller out: " << hidden;
  EXPECT_TRUE(hidden.at("facets").at("category").as_array().empty()) << hidden;
  auto availability = Get("/api/v1/offers/" + l.offer + "/availability", {});
  EXPECT_FALSE(availability.at("buyable").as_bool());
  EXPECT_EQ(Str(availability.at("rule")), "seller_suspended");
  auto refused = server_->Call({"POST", "/api/v1/orders", OrderBody(l), buyer_});
  EXPECT_EQ(refused.status, 422u) << refused.body;
  EXPECT_EQ(boost::json::parse(refused.body).at("error").at("message_id").as_string(),
            "rule.seller_suspended");

  SetStatus(admin, "active");
  EXPECT_TRUE(Found(l.offer));
  EXPECT_TRUE(Get("/api/v1/offers/" + l.offer + "/availability", {}).at("buyable").as_bool());
  Post("/api/v1/orders", OrderBody(l), buyer_, 201);
}

TEST_P(SuspendedSellerTest, ASuspendedOutletsOffersAreNeitherFoundNorBought) {
  const Listed online = Publish();
  const Listed counter = Publish(false, /*from_outlet=*/true);
  ASSERT_TRUE(Indexed(online.offer));
  ASSERT_TRUE(Indexed(counter.offer));
  const Headers admin = LogInDemo(*server_, "admin");
  const std::string outlet = Str(Get("/api/v1/offers/" + counter.offer, clerk_).at("outlet_id"));
  const std::string path = "/api/v1/outlets/" + outlet + "/status";
  Post(path, R"({"status":"suspended","reason":"premises closed"})", admin, 200);
  EXPECT_FALSE(Found(counter.offer));
  EXPECT_TRUE(Found(online.offer)) << "the organisation's other offers stay";
  EXPECT_EQ(Search().at("total").as_int64(), 1);
  auto availability = Get("/api/v1/offers/" + counter.offer + "/availability", {});
  EXPECT_EQ(Str(availability.at("rule")), "seller_suspended");
  auto refused = server_->Call({"POST", "/api/v1/orders", OrderBody(counter), buyer_});
  EXPECT_EQ(refused.status, 422u) << refused.body;

  Post(path, R"({"status":"active","reason":"reopened"})", admin, 200);
  EXPECT_TRUE(Found(counter.offer));
  Post("/api/v1/orders", OrderBody(counter), buyer_, 201);
}

INSTANTIATE_TEST_SUITE_P(Db, SuspendedSellerTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
