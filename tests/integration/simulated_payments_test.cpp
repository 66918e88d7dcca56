// The simulated payment provider only where it belongs, on both databases: a server built from a
// config without [market] simulated_payments refuses it with an error naming the provider and
// does not list it; with the flag (or `recirc demo`'s config) it is listed, labelled simulated,
// and an order pays with it (docs/security.md, "the simulated payment provider").
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/config.hpp"
#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class SimulatedPaymentsTest : public ::testing::TestWithParam<Backend> {
 protected:
  // A server from `config` with the demo market; the demo buyer's order body for its first
  // published offer.
  bool Start(app::Config config) {
    server_ = TestServer::StartAsConfigured(GetParam(), std::move(config));
    if (!server_) return false;
    EXPECT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    auto market = server_->app().SeedDemoMarket();
    EXPECT_TRUE(market) << market.error().message;
    const Headers clerk = LogInDemo(*server_, "shop.clerk");
    buyer_ = LogInDemo(*server_, "buyer");
    auto offers = json::parse(server_->Call({"GET", "/api/v1/offers", "", clerk}).body);
    for (const auto& o : offers.at("items").as_array()) {
      if (o.at("status") != "published") continue;
      auto disclosure = json::parse(
          server_->Call({"GET", "/api/v1/items/" + Str(o.at("item_id")) + "/disclosure"}).body);
      order_ = R"({"offer_id":")" + Str(o.at("id")) +
               R"(","provider":"simulated","accepted_disclosure_version":)" +
               json::serialize(disclosure.at("version")) + "}";
      price_ = o.at("price_fen").as_int64();
      return true;
    }
    ADD_FAILURE() << "no published demo offer";
    return false;
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  json::array Providers() {
    auto r = server_->Call({"GET", "/api/v1/market/payment-providers"});
    EXPECT_EQ(r.status, 200u) << r.body;
    return json::parse(r.body).at("items").as_array();
  }
  // The demo buyer orders with the simulated provider and pays.
  void OrdersAndPays() {
    auto placed = server_->Call({"POST", "/api/v1/orders", order_, buyer_});
    ASSERT_EQ(placed.status, 201u) << placed.body;
    auto order = json::parse(placed.body);
    EXPECT_EQ(order.at("simulated"), true);
    auto paid = server_->Call({"POST", "/api/v1/orders/" + Str(order.at("id")) + "/pay",
                               R"({"amount_fen":)" + std::to_string(price_) + "}", buyer_});
    ASSERT_EQ(paid.status, 200u) << paid.body;
    EXPECT_TRUE(Str(json::parse(paid.body).at("payment_ref")).starts_with("SIMULATED-"));
  }
  std::unique_ptr<TestServer> server_;
  Headers buyer_;
  std::string order_;
  int64_t price_ = 0;
};

TEST_P(SimulatedPaymentsTest, AServerWithoutTheFlagRefusesTheSimulatedProvider) {
  if (!Start(app::Config{})) GTEST_SKIP() << "database unavailable";
  auto r = server_->Call({"POST", "/api/v1/orders", order_, buyer_});
  ASSERT_EQ(r.status, 400u) << r.body;
  auto error = json::parse(r.body).at("error");
  EXPECT_EQ(error.at("field"), "provider");
  const std::string message = Str(error.at("message"));
  EXPECT_NE(message.find("simulated"), std::string::npos) << message;
  EXPECT_NE(message.find("[market] simulated_payments"), std::string::npos) << message;
  // Nothing was ordered; the web is told which providers there are.
  auto mine = json::parse(server_->Call({"GET", "/api/v1/orders/mine", "", buyer_}).body);
  EXPECT_TRUE(mine.at("items").as_array().empty());
  const auto providers = Providers();
  ASSERT_EQ(providers.size(), 1u);
  EXPECT_EQ(providers.at(0).at("name"), "cash_at_outlet");
  EXPECT_EQ(providers.at(0).at("simulated"), false);
}

TEST_P(SimulatedPaymentsTest, AServerWithTheFlagTakesSimulatedPayments) {
  app::Config config;
  config.market.simulated_payments = true;
  if (!Start(config)) GTEST_SKIP() << "database unavailable";
  OrdersAndPays();
  bool listed = false;
  for (const auto& p : Providers())
    listed |= p.at("name") == "simulated" && p.at("simulated") == true;
  EXPECT_TRUE(listed);
}

TEST_P(SimulatedPaymentsTest, TheDemoTakesSimulatedPayments) {
  if (!Start(app::ForDemo({}))) GTEST_SKIP() << "database unavailable";
  OrdersAndPays();
}

INSTANTIATE_TEST_SUITE_P(Db, SimulatedPaymentsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
