// Consignment over HTTP on both databases: a consignor (masked in every answer), an intake with
// its agreement registered as a consignment acquisition, a counter sale paying the agreed split,
// a payout, the statement's ledger, and field errors. Markdowns and expiry by the clock are
// tested with a fake clock in the consignment module (consignment_service_test.cpp).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

class ConsignmentHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 0;  // a counter sale right after the intake
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org_);
    auto outlets = Call("GET", "/api/v1/organisations/" + shop_org_ + "/outlets", "", clerk_, 200);
    outlet_ = std::string(outlets.at("items").at(0).at("id").as_string());
  }
  json::object Call(const std::string& method, const std::string& path, const std::string& body,
                    const Headers& who, unsigned expected) {
    auto r = server_->Call({method, path, body, who});
    EXPECT_EQ(r.status, expected) << method << " " << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  std::string Intake(const std::string& consignor, const std::string& agreement) {
    return R"({"consignor_id":")" + consignor + R"(","outlet_id":")" + outlet_ +
           R"(","person_matches_id":true,"origin_statement":"自用","list_price_fen":120000,)"
           R"("agreement":)" +
           agreement +
           R"(,"item":{"category":"bicycle","brand":"Giant","model":"ATX 660",)"
           R"("identifiers":[{"kind":"serial","value":"GIANT-ATX-0001"}],"condition":"八成新"}})";
  }
  std::unique_ptr<TestServer> server_;
  Headers clerk_;
  std::string shop_org_, outlet_;
};

TEST_P(ConsignmentHttpTest, IntakeSaleAndPayoutKeepTheLedgerExact) {
  auto consignor = Call("POST", "/api/v1/consignment/consignors",
                        R"({"kind":"individual","name":"王小明","id_type":"resident_id",)"
                        R"("id_number":"11010519491231002X","phone":"13912345678"})",
                        clerk_, 201);
  const std::string id(consignor.at("id").as_string());
  EXPECT_EQ(consignor.at("name_masked"), "王*明");
  EXPECT_EQ(consignor.at("phone_masked"), "139****5678");

  // A tiered split: 60% below 1000 yuan, 75% from 1000 yuan; a 2 yuan fee per sale.
  const std::string agreement =
      R"({"split":[{"from_fen":0,"consignor_percent":60},{"from_fen":100000,"consignor_percent":75}],)"
      R"("period_days":60,"grace_days":7,"expiry_action":"return",)"
      R"("markdowns":[{"after_days":30,"percent":10}],"minimum_payout_fen":1000,"sale_fee_fen":200})";
  auto bad = Call("POST", "/api/v1/consignment/intakes",
                  Intake(id, R"({"split":[],"period_days":60,"grace_days":7,)"
                             R"("expiry_action":"return","markdowns":[]})"),
                  clerk_, 400);
  EXPECT_EQ(bad.at("error").at("field"), "agreement.split") << bad;

  auto intake = Call("POST", "/api/v1/consignment/intakes", Intake(id, agreement), clerk_, 201);
  const std::string item(intake.at("item_id").as_string());
  EXPECT_EQ(intake.at("agreement").at("status"), "active");
  EXPECT_EQ(intake.at("agreement").at("current_price_fen"), 120000);
  // The law's acquisition record says consignment_intake, with the consignor as its seller.
  auto acquisition =
      Call("GET", "/api/v1/acquisitions/" + std::string(intake.at("acquisition_id").as_string()),
           "", clerk_, 200);
  EXPECT_EQ(acquisition.at("kind"), "consignment_intake") << acquisition;

  auto sale = Call("POST", "/api/v1/consignment/items/" + item + "/sale", "", clerk_, 200);
  EXPECT_EQ(sale.at("sale_fen"), 120000);
  EXPECT_EQ(sale.at("consignor_fen"), 90000);
  EXPECT_EQ(sale.at("shop_fen"), 30000);
  Call("POST", "/api/v1/consignment/items/" + item + "/sale", "", clerk_, 422);

  auto over = Call("POST", "/api/v1/consignment/consignors/" + id + "/payouts",
                   R"({"amount_fen":89801,"method":"cash"})", clerk_, 422);
  EXPECT_EQ(over.at("error").at("message_id"), "consignment.overdrawn") << over;
  auto paid = Call("POST", "/api/v1/consignment/consignors/" + id + "/payouts",
                   R"({"amount_fen":80000,"method":"cash"})", clerk_, 200);
  EXPECT_EQ(paid.at("balances").at("payable_fen"), 9800);

  auto statement =
      Call("GET", "/api/v1/consignment/consignors/" + id + "/statement", "", clerk_, 200);
  ASSERT_EQ(statement.at("entries").as_array().size(), 2u);
  for (const auto& e : statement.at("entries").as_array()) {
    int64_t sum = 0;
    for (const auto& p : e.at("postings").as_array()) sum += p.at("amount_fen").as_int64();
    EXPECT_EQ(sum, 0) << e;
  }
  EXPECT_EQ(statement.at("consignor").at("balances").at("cash_fen"), 40000);
}

INSTANTIATE_TEST_SUITE_P(Db, ConsignmentHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
