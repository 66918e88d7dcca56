// Errors carry a stable message id and named params over HTTP (docs/web.md "Server errors and
// message ids"), on both databases: a wrong login, a too-short password, a taken username, and an
// item in its statutory hold period refused for sale with the period's end as a param.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/market_payloads.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class MessageIdHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 7;
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  json::object Call(const std::string& method, const std::string& path, const std::string& body,
                    const Headers& who, unsigned expected) {
    auto r = server_->Call({method, path, body, who});
    EXPECT_EQ(r.status, expected) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  static json::object ErrorOf(const json::object& body) { return body.at("error").as_object(); }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }

  std::unique_ptr<TestServer> server_;
};

TEST_P(MessageIdHttpTest, AWrongLoginHasItsIdAndNoParams) {
  auto e = ErrorOf(Call("POST", "/api/v1/session",
                        R"({"username":"shop.admin","password":"nope-nope-nope"})", {}, 401));
  EXPECT_EQ(e.at("code"), "unauthenticated");
  EXPECT_EQ(e.at("message_id"), "auth.wrong_credentials");
  EXPECT_TRUE(e.at("params").as_object().empty());
  EXPECT_EQ(e.at("message"), "wrong username or password");  // kept for API users and logs
}

TEST_P(MessageIdHttpTest, PasswordAndUsernameRulesNameTheirLimits) {
  std::string org;
  const Headers admin = LogInDemo(*server_, "shop.admin", &org);
  const std::string users = "/api/v1/organisations/" + org + "/users";
  auto short_pw = ErrorOf(Call(
      "POST", users,
      R"({"username":"clerk.two","display_name":"孙店员","role":"operator_staff","password":"short"})",
      admin, 400));
  EXPECT_EQ(short_pw.at("field"), "password");
  EXPECT_EQ(short_pw.at("message_id"), "password.too_short");
  EXPECT_EQ(short_pw.at("params").at("min"), "10");
  auto taken = ErrorOf(Call(
      "POST", users,
      R"({"username":"shop.clerk","display_name":"重名","role":"operator_staff","password":"a-long-password-123"})",
      admin, 409));
  EXPECT_EQ(taken.at("message_id"), "username.taken");
  EXPECT_EQ(taken.at("field"), "username");
}

TEST_P(MessageIdHttpTest, AnItemInItsHoldPeriodIsRefusedWithThePeriodsEnd) {
  std::string org;
  const Headers clerk = LogInDemo(*server_, "shop.clerk", &org);
  const Headers inspector = LogInDemo(*server_, "inspector");
  auto outlets = Call("GET", "/api/v1/organisations/" + org + "/outlets", "", clerk, 200);
  const std::string outlet = Str(outlets.at("items").at(0).at("id"));
  const std::string fourteen = "86723405123461";
  const std::string imei = fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
  auto acquired =
      Call("POST", "/api/v1/acquisitions",
           R"({"outlet_id":")" + outlet +
               R"(","kind":"purchase","channel":"store","price_fen":150000,)"
               R"("payment_method":"cash","person_matches_id":true,)"
               R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
               R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X"},)"
               R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
               R"("identifiers":{"imei":")" +
               imei + R"("},"condition":"九成新"}})",
           clerk, 201);
  const std::string item = Str(acquired.at("item_id"));
  Call("POST", "/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector, 201);
  Call("POST", "/api/v1/items/" + item + "/sanitizations", kMate60Wipe, clerk, 201);
  auto offer = Call(
      "POST", "/api/v1/offers",
      R"({"item_id":")" + item +
          R"(","channel":"online","title":"Mate 60","price_fen":420000,"warranty_months":3,"return_days":7})",
      clerk, 201);
  auto disclosure = server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"});
  const int64_t version = json::parse(disclosure.body).at("version").as_int64();
  auto refused =
      ErrorOf(Call("POST", "/api/v1/offers/" + Str(offer.at("id")) + "/publish",
                   R"({"disclosure_version":)" + std::to_string(version) + "}", clerk, 422));
  EXPECT_EQ(refused.at("message_id"), "hold.period") << refused;
  const std::string until = Str(refused.at("params").at("until"));
  EXPECT_EQ(until.size(), 24u) << until;  // RFC 3339 UTC with milliseconds
  EXPECT_TRUE(until.ends_with("Z")) << until;
  EXPECT_TRUE(
      Str(refused.at("message")).starts_with("item_held: in its hold period until " + until));
}

TEST_P(MessageIdHttpTest, TheWebAppLearnsTheNodesTimeZone) {
  auto r = Call("GET", "/api/v1/web-settings", "", {}, 200);
  EXPECT_EQ(r.at("time_zone"), "Asia/Shanghai");
}

INSTANTIATE_TEST_SUITE_P(Db, MessageIdHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
