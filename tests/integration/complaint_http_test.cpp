// Complaints over HTTP on both databases (docs/complaints.md): the demo buyer buys a phone and
// files a complaint about the order; the shop answers without seeing who complained or their
// contact; `market` (Beijing market supervision) assigns, decides and reads the statistics; an
// illegal step is 409 with its message id; field errors are named; roles outside are refused.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/market_payloads.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

const char* kWipe =
    R"({"manufacturer":"Apple","model":"iPhone 13","serial":"SN123","media_type":"flash",)"
    R"("media_source":"internal storage","level":"purge","method":"block_erase",)"
    R"("tool":"wipe","tool_version":"1.0","verification_method":"read-back",)"
    R"("verification_result":"passed",)"
    R"("sanitizer":{"name":"A","title":"tech","date":"2026-12-01","place":"Beijing"},)"
    R"("verifier":{"name":"B","title":"lead","date":"2026-12-01","place":"Beijing"},)"
    R"("consent":{"given":true,"scope":"all user data","method_explained":true,"date":"2026-12-01"},)"
    R"("destination":"resale"})";

class ComplaintHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 0;
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org_);
    buyer_ = LogInDemo(*server_, "buyer");
    market_ = LogInDemo(*server_, "market");
    market_user_ = Str(Call("GET", "/api/v1/session", "", market_, 200).at("user").at("id"));
  }
  json::object Call(const std::string& method, const std::string& path, const std::string& body,
                    const Headers& who, unsigned expected) {
    auto r = server_->Call({method, path, body, who});
    EXPECT_EQ(r.status, expected) << method << " " << path << ": " << r.body;
    auto v = json::parse(r.body);
    return v.is_object() ? v.as_object() : json::object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  // The demo buyer's order for a freshly registered, inspected, wiped and published phone.
  std::string BuyerOrder() {
    auto outlets = Call("GET", "/api/v1/organisations/" + shop_org_ + "/outlets", "", clerk_, 200);
    const std::string fourteen = "35693803569010";
    const std::string imei = fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
    auto acq =
        Call("POST", "/api/v1/acquisitions",
             R"({"outlet_id":")" + Str(outlets.at("items").at(0).at("id")) +
                 R"(","kind":"purchase","channel":"store","price_fen":150000,)"
                 R"("payment_method":"cash","person_matches_id":true,)"
                 R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
                 R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X"},)"
                 R"("item":{"category":"phone","brand":"Apple","model":"iPhone 13",)"
                 R"("identifiers":{"imei":")" +
                 imei + R"("},"condition":"九成新"}})",
             clerk_, 201);
    const std::string item = Str(acq.at("item_id"));
    Call("POST", "/api/v1/items/" + item + "/inspections", kPhoneInspection,
         LogInDemo(*server_, "inspector"), 201);
    Call("POST", "/api/v1/items/" + item + "/sanitizations", kWipe, clerk_, 201);
    auto offer = Call("POST", "/api/v1/offers",
                      R"({"item_id":")" + item +
                          R"(","channel":"online","title":"iPhone 13 手机","price_fen":420000,)"
                          R"("warranty_months":3,"return_days":7})",
                      clerk_, 201);
    const std::string version = std::to_string(
        json::parse(server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"}).body)
            .at("version")
            .as_int64());
    const std::string offer_id = Str(offer.at("id"));
    Call("POST", "/api/v1/offers/" + offer_id + "/publish",
         R"({"disclosure_version":)" + version + "}", clerk_, 200);
    auto order =
        Call("POST", "/api/v1/orders",
             R"({"offer_id":")" + offer_id +
                 R"(","provider":"simulated","accepted_disclosure_version":)" + version + "}",
             buyer_, 201);
    return Str(order.at("id"));
  }

  std::unique_ptr<TestServer> server_;
  std::string shop_org_;
  Headers clerk_, buyer_, market_;
  std::string market_user_;
};

TEST_P(ComplaintHttpTest, ABuyersComplaintIsAnsweredAndDecided) {
  const std::string order = BuyerOrder();
  const std::string body = R"({"subject_kind":"order","subject_id":")" + order +
                           R"(","category":"not_as_described","demand":"refund",)"
                           R"("facts":"电池健康只有 70%","contact_name":"赵小燕",)"
                           R"("contact_phone":"13812345678"})";
  auto filed = Call("POST", "/api/v1/complaints", body, buyer_, 201);
  EXPECT_EQ(filed.at("state"), "filed");
  EXPECT_EQ(filed.at("contact_phone"), "13812345678");
  EXPECT_EQ(Str(filed.at("organisation_id")), shop_org_);
  const std::string path = "/api/v1/complaints/" + Str(filed.at("id"));

  // The shop sees the complaint, not who filed it nor how to reach them.
  auto shop_list = Call("GET", "/api/v1/complaints", "", clerk_, 200);
  ASSERT_EQ(shop_list.at("items").as_array().size(), 1u);
  EXPECT_EQ(shop_list.at("answer_days"), 7);
  auto shop_view = Call("GET", path, "", clerk_, 200);
  EXPECT_TRUE(shop_view.at("contact_phone").is_null());
  EXPECT_TRUE(shop_view.at("contact_name").is_null());
  EXPECT_TRUE(shop_view.at("complainant_id").is_null());
  auto raw = server_->Call({"GET", path, "", clerk_});
  EXPECT_EQ(raw.body.find("13812345678"), std::string::npos);
  EXPECT_EQ(raw.body.find("赵小燕"), std::string::npos);

  Call("POST", path + "/answer", R"({"text":"同意退货退款"})", clerk_, 200);
  auto again = Call("POST", path + "/answer", R"({"text":"再答"})", clerk_, 409);
  EXPECT_EQ(again.at("error").at("message_id"), "complaint.illegal_transition");
  EXPECT_EQ(again.at("error").at("params").at("state"), "answered");

  // Market supervision: contact masked, assigns, decides with a reason.
  auto supervised = Call("GET", path, "", market_, 200);
  EXPECT_EQ(supervised.at("contact_phone"), "138****5678");
  auto early =
      Call("POST", path + "/decide", R"({"outcome":"mediate","reason":"先调解"})", market_, 409);
  EXPECT_EQ(early.at("error").at("message_id"), "complaint.illegal_transition")
      << "not yet assigned";
  Call("POST", path + "/assign", "{}", market_, 400);  // names the assignee
  Call("POST", path + "/assign", R"({"assignee":")" + market_user_ + "\"}", market_, 200);
  auto blank = Call("POST", path + "/decide", R"({"outcome":"mediate","reason":""})", market_, 400);
  EXPECT_EQ(blank.at("error").at("field"), "reason");
  auto decided =
      Call("POST", path + "/decide",
           R"({"outcome":"order_refund","reason":"与描述不符，责令退款"})", market_, 200);
  EXPECT_EQ(decided.at("state"), "decided");
  EXPECT_EQ(decided.at("outcome"), "order_refund");
  EXPECT_EQ(decided.at("steps").as_array().size(), 4u);

  auto mine = Call("GET", "/api/v1/complaints", "", buyer_, 200);
  EXPECT_EQ(mine.at("items").at(0).at("outcome"), "order_refund");
  auto stats = Call("GET", "/api/v1/complaints/statistics", "", market_, 200);
  EXPECT_EQ(stats.at("total"), 1);
  EXPECT_EQ(stats.at("answered"), 1);
  EXPECT_EQ(stats.at("by_outcome").at(0).at("key"), "order_refund");
  EXPECT_EQ(stats.at("region_prefix"), "11");
}

TEST_P(ComplaintHttpTest, FieldsAreNamedAndOtherRolesAreRefused) {
  const std::string order = BuyerOrder();
  auto bad = Call("POST", "/api/v1/complaints",
                  R"({"subject_kind":"order","subject_id":")" + order +
                      R"(","category":"rude","demand":"refund","facts":"x"})",
                  buyer_, 400);
  EXPECT_EQ(bad.at("error").at("field"), "category");
  auto unknown = Call("POST", "/api/v1/complaints",
                      R"({"subject_kind":"order","subject_id":")" + order +
                          R"(","category":"other","demand":"refund","facts":"x","extra":1})",
                      buyer_, 400);
  EXPECT_EQ(unknown.at("error").at("field"), "extra");
  auto state = Call("GET", "/api/v1/complaints?state=open", "", market_, 400);
  EXPECT_EQ(state.at("error").at("field"), "state");
  Call("GET", "/api/v1/complaints/statistics", "", clerk_, 403);
  auto police = Call("GET", "/api/v1/complaints", "", LogInDemo(*server_, "police.chaoyang"), 200);
  EXPECT_TRUE(police.at("items").as_array().empty()) << "the police see no complaints";
  Call("GET", "/api/v1/complaints/not-an-id", "", market_, 400);
}

INSTANTIATE_TEST_SUITE_P(Db, ComplaintHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
