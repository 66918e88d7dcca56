// The police console's lists over HTTP, on both databases: near misses name the item (with its
// identifiers) and the registration; the access audit names the viewer, the registration and the
// item — and neither carries seller data.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class PoliceListsHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  Headers LogIn(const std::string& username, std::string* organisation_id = nullptr) {
    return LogInDemo(*server_, username, organisation_id);
  }
  // shop.clerk registers a phone at the Chaoyang outlet (110105); returns the receipt.
  json::object Register(const std::string& imei, bool person_matches_id) {
    std::string shop_org;
    auto clerk = LogIn("shop.clerk", &shop_org);
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
    for (const auto& o : outlets.as_object()["items"].as_array()) {
      if (o.as_object().at("region_code") == "110105")
        outlet_id_ = std::string(o.as_object().at("id").as_string());
    }
    EXPECT_FALSE(outlet_id_.empty());
    auto r = server_->Call(
        {"POST", "/api/v1/acquisitions",
         R"({"outlet_id":")" + outlet_id_ + R"(","kind":"purchase","channel":"store",)" +
             R"("price_fen":150000,"payment_method":"cash","person_matches_id":)" +
             (person_matches_id ? "true" : "false") +
             R"(,"origin_statement":"自用一年","seller":{"kind":"individual","name":"李四",)"
             R"("id_type":"resident_id","id_number":"11010519491231002X","phone":"13912345678"},)"
             R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
             R"("identifiers":{"imei":")" +
             imei + R"("},"condition":"九成新"}})",
         clerk});
    EXPECT_EQ(r.status, 201u) << r.body;
    return json::parse(r.body).as_object();
  }
  static std::string Imei(const std::string& fourteen) {
    return fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
  }
  std::unique_ptr<TestServer> server_;
  std::string outlet_id_;
};

TEST_P(PoliceListsHttpTest, NearMissesNameTheItemAndTheRegistration) {
  const std::string imei = Imei("86723405654321");
  auto receipt = Register(imei, false);  // identity_not_checked: 40, below the threshold
  ASSERT_EQ(receipt["status"], "registered");
  auto police = LogIn("police.chaoyang");
  auto r = server_->Call({"GET", "/api/v1/police/near-misses", "", police});
  ASSERT_EQ(r.status, 200u) << r.body;
  auto items = json::parse(r.body).as_object()["items"].as_array();
  const json::object* mine = nullptr;
  for (const auto& n : items) {
    if (n.as_object().at("acquisition_id") == receipt["id"]) mine = &n.as_object();
  }
  ASSERT_NE(mine, nullptr) << r.body;
  EXPECT_EQ(mine->at("score"), 40);
  EXPECT_EQ(mine->at("region_code"), "110105");
  const auto& item = mine->at("item").as_object();
  EXPECT_EQ(item.at("category"), "phone");
  EXPECT_EQ(item.at("brand"), "Huawei");
  EXPECT_EQ(item.at("model"), "Mate 60");
  ASSERT_EQ(item.at("identifiers").as_array().size(), 1u);
  EXPECT_EQ(item.at("identifiers").as_array()[0].as_object().at("kind"), "imei");
  EXPECT_EQ(item.at("identifiers").as_array()[0].as_object().at("value").as_string(), imei);
  const auto& acquisition = mine->at("acquisition").as_object();
  EXPECT_EQ(acquisition.at("outlet_id").as_string(), outlet_id_);
  EXPECT_EQ(acquisition.at("number"), receipt["number"]);
  EXPECT_EQ(r.body.find("李四"), std::string::npos) << "no seller data";
  EXPECT_EQ(r.body.find("13912345678"), std::string::npos);
}

TEST_P(PoliceListsHttpTest, TheAccessAuditNamesTheViewerAndTheRegistration) {
  auto receipt = Register(Imei("86723405654322"), true);
  const std::string seller =
      "/api/v1/police/acquisitions/" + std::string(receipt["id"].as_string()) + "/seller";
  auto officer = LogIn("police.chaoyang");
  ASSERT_EQ(
      server_->Call({"POST", seller, R"({"reason":"案件 2026-411 核查来源"})", officer}).status,
      200u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/police/access-audit", "", officer}).status, 403u)
      << "officers do not see the audit";

  auto supervisor = LogIn("police.supervisor");
  auto r = server_->Call({"GET", "/api/v1/police/access-audit", "", supervisor});
  ASSERT_EQ(r.status, 200u) << r.body;
  auto items = json::parse(r.body).as_object()["items"].as_array();
  ASSERT_EQ(items.size(), 1u) << r.body;
  const auto& e = items[0].as_object();
  EXPECT_EQ(e.at("viewer_username"), "police.chaoyang");
  EXPECT_EQ(e.at("viewer_display_name"), "赵警官");
  EXPECT_EQ(e.at("reason"), "案件 2026-411 核查来源");
  EXPECT_EQ(e.at("acquisition_id"), receipt["id"]);
  EXPECT_EQ(e.at("item").as_object().at("model"), "Mate 60");
  EXPECT_EQ(e.at("acquisition").as_object().at("outlet_id").as_string(), outlet_id_);
  EXPECT_EQ(e.at("acquisition").as_object().at("number"), receipt["number"]);
  EXPECT_EQ(e.at("acquisition").as_object().at("region_code"), "110105");
  EXPECT_EQ(r.body.find("李四"), std::string::npos) << "the audit names no seller";
  EXPECT_EQ(r.body.find("11010519491231002X"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Db, PoliceListsHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
