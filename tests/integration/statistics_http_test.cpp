// GET /api/v1/statistics/transactions over real sockets, on both databases: another government
// system reads the figures with the commerce official's API key, as JSON, CSV and XLSX; the
// jurisdiction and the fields are checked; a shop cannot read them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class StatisticsHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam(), config_);
    if (!server_) GTEST_SKIP() << "database unavailable";
    auto seeded = app::SeedDemo(server_->app().directory(), server_->db());
    ASSERT_TRUE(seeded) << seeded.error().message;
  }
  // Logs in; returns the Cookie and X-CSRF-Token headers.
  std::vector<std::pair<std::string, std::string>> LogIn(const std::string& username) {
    auto r = server_->Call({"POST", "/api/v1/session",
                            R"({"username":")" + username + R"(","password":"recirc-demo"})"});
    EXPECT_EQ(r.status, 200u) << r.body;
    const std::string cookie = r.Header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", std::string(json::parse(r.body).at("csrf_token").as_string())}};
  }
  app::Config config_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(StatisticsHttpTest, AGovernmentSystemReadsTheFiguresWithTheOfficialsApiKey) {
  auto key = server_->Call(
      {"POST", "/api/v1/api-keys", R"({"name":"市商务局统计系统"})", LogIn("commerce")});
  ASSERT_EQ(key.status, 201u) << key.body;
  const std::vector<std::pair<std::string, std::string>> bearer = {
      {"Authorization", "Bearer " + std::string(json::parse(key.body).at("secret").as_string())}};

  auto r =
      server_->Call({"GET", "/api/v1/statistics/transactions?from=2026-01&to=2026-12", "", bearer});
  ASSERT_EQ(r.status, 200u) << r.body;
  const auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("from"), "2026-01");
  EXPECT_EQ(body.at("region_prefix"), "11");  // 北京市商务局: all of Beijing
  for (const char* k : {"totals", "by_month", "by_district", "by_category", "by_method"}) {
    EXPECT_TRUE(body.at(k).is_array()) << k;
  }

  auto csv = server_->Call({"GET", "/api/v1/statistics/transactions?format=csv", "", bearer});
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("suppressed below,3 transactions"), std::string::npos) << csv.body;
  auto xlsx = server_->Call({"GET", "/api/v1/statistics/transactions?format=xlsx", "", bearer});
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  auto json_error = [](const HttpResult& res) {
    return json::parse(res.body).at("error").as_object();
  };
  auto outside =
      server_->Call({"GET", "/api/v1/statistics/transactions?region=440300", "", bearer});
  EXPECT_EQ(outside.status, 403u) << outside.body;
  auto bad = server_->Call({"GET", "/api/v1/statistics/transactions?from=2026-1", "", bearer});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(json_error(bad).at("field"), "from");
  auto format = server_->Call({"GET", "/api/v1/statistics/transactions?format=pdf", "", bearer});
  EXPECT_EQ(json_error(format).at("field"), "format");

  auto shop = server_->Call({"GET", "/api/v1/statistics/transactions", "", LogIn("shop.admin")});
  EXPECT_EQ(shop.status, 403u);
}

INSTANTIATE_TEST_SUITE_P(Db, StatisticsHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
