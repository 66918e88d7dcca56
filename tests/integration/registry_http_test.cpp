// The acquisition register over HTTP, as a shop and the police use it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class RegistryHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  Headers LogIn(const std::string& username, std::string* organisation_id = nullptr) {
    return LogInDemo(*server_, username, organisation_id);
  }
  std::string Acquisition(const std::string& outlet_id, const std::string& imei) {
    return R"({"outlet_id":")" + outlet_id +
           R"(","kind":"purchase","channel":"store",)"
           R"("price_fen":150000,"payment_method":"cash","person_matches_id":true,)"
           R"("origin_statement":"自用一年","seller":{"kind":"individual","name":"李四",)"
           R"("id_type":"resident_id","id_number":"11010519491231002X","phone":"13912345678"},)"
           R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
           R"("identifiers":{"imei":")" +
           imei + R"("},"condition":"九成新"}})";
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(RegistryHttpTest, WatchlistHitIsHeldAndOnlyThatRegionsPoliceSeeIt) {
  const std::string imei =
      "86723405123456" + std::string(1, core::ImeiCheckDigit("86723405123456").value());
  auto police = LogIn("police.chaoyang");
  auto report = server_->Call({"POST", "/api/v1/police/watchlist",
                               R"({"identifier_kind":"imei","identifier_value":")" + imei +
                                   R"(","note":"失窃报案 2026-11-20"})",
                               police});
  ASSERT_EQ(report.status, 201u) << report.body;

  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
  // The Chaoyang outlet: the alert goes to the police of the outlet's district.
  std::string outlet_id;
  for (const auto& o : outlets.as_object()["items"].as_array()) {
    if (o.as_object().at("region_code") == "110105")
      outlet_id = std::string(o.as_object().at("id").as_string());
  }
  ASSERT_FALSE(outlet_id.empty());

  Headers idempotent = clerk;
  idempotent.emplace_back("Idempotency-Key", "intake-0001");
  auto first =
      server_->Call({"POST", "/api/v1/acquisitions", Acquisition(outlet_id, imei), idempotent});
  ASSERT_EQ(first.status, 201u) << first.body;
  auto receipt = json::parse(first.body).as_object();
  EXPECT_EQ(receipt["status"], "held_for_verification");
  EXPECT_EQ(first.body.find("watchlist"), std::string::npos) << "the shop is never told why";
  auto retry =
      server_->Call({"POST", "/api/v1/acquisitions", Acquisition(outlet_id, imei), idempotent});
  EXPECT_EQ(retry.status, 201u);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.Header("Idempotent-Replayed"), "true");

  auto alerts = server_->Call({"GET", "/api/v1/police/alerts", "", police});
  ASSERT_EQ(alerts.status, 200u) << alerts.body;
  auto items = json::parse(alerts.body).as_object()["items"].as_array();
  ASSERT_EQ(items.size(), 1u) << "one registration despite the retry";
  EXPECT_NE(alerts.body.find("watchlist_black"), std::string::npos);
  EXPECT_EQ(alerts.body.find("李四"), std::string::npos) << "no seller name in the alert list";

  // Police of another region see nothing, and cannot decide this alert.
  auto& directory = server_->app().directory();
  auto shenzhen = directory.CreateOrganisation(identity::Principal::System(),
                                               {"police", "深圳市公安局", std::nullopt, "440300"});
  ASSERT_TRUE(shenzhen);
  ASSERT_TRUE(
      directory.CreateUser(identity::Principal::System(), OrganisationId::Stored(shenzhen->id),
                           {"police.shenzhen", "Officer", "police_officer", "recirc-demo"}));
  auto other = LogIn("police.shenzhen");
  auto theirs = server_->Call({"GET", "/api/v1/police/alerts", "", other});
  EXPECT_TRUE(json::parse(theirs.body).as_object()["items"].as_array().empty());
  const std::string alert_id(items[0].as_object()["id"].as_string());
  const std::string decide = "/api/v1/police/alerts/" + alert_id + "/decision";
  EXPECT_EQ(server_->Call({"POST", decide, R"({"decision":"release"})", other}).status, 404u);
  auto malformed = server_->Call(
      {"POST", "/api/v1/police/alerts/not-an-id/decision", R"({"decision":"release"})", other});
  EXPECT_EQ(malformed.status, 400u) << malformed.body;
  EXPECT_EQ(json::parse(malformed.body).as_object()["error"].as_object()["field"], "id");
  EXPECT_EQ(server_->Call({"GET", "/api/v1/police/alerts", "", clerk}).status, 403u);

  const std::string acquisition_id(receipt["id"].as_string());
  auto masked =
      server_->Call({"GET", "/api/v1/acquisitions/" + acquisition_id + "/seller", "", clerk});
  ASSERT_EQ(masked.status, 200u) << masked.body;
  EXPECT_EQ(json::parse(masked.body).as_object()["name"], "李*");
  EXPECT_EQ(json::parse(masked.body).as_object()["id_number"], "110105********002X");
  const std::string seller_path = "/api/v1/police/acquisitions/" + acquisition_id + "/seller";
  EXPECT_EQ(server_->Call({"POST", seller_path, R"({"reason":"x"})", police}).status, 400u);
  EXPECT_EQ(
      server_->Call({"POST", seller_path, R"({"reason":"案件 2026-301 核查"})", other}).status,
      404u);
  auto full = server_->Call({"POST", seller_path, R"({"reason":"案件 2026-301 核查"})", police});
  ASSERT_EQ(full.status, 200u) << full.body;
  EXPECT_EQ(json::parse(full.body).as_object()["name"], "李四");

  const std::string daily = "/api/v1/police/register?outlet_id=" + outlet_id;
  auto csv = server_->Call({"GET", daily + "&format=csv", "", police});
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_TRUE(csv.Header("Content-Type").starts_with("text/csv"));
  EXPECT_NE(csv.body.find("Mate 60"), std::string::npos);
  EXPECT_EQ(csv.body.find("李四"), std::string::npos) << "reports carry no seller data";
  auto xlsx = server_->Call({"GET", daily + "&format=xlsx", "", police});
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(server_->Call({"GET", daily + "&format=pdf", "", police}).status, 400u);

  auto released = server_->Call({"POST", decide, R"({"decision":"release"})", police});
  EXPECT_EQ(released.status, 200u) << released.body;
  auto after = server_->Call(
      {"GET", "/api/v1/acquisitions/" + std::string(receipt["id"].as_string()), "", clerk});
  EXPECT_EQ(json::parse(after.body).as_object()["status"], "registered");
}

// Amounts are capped at 10^12 fen (core/money.hpp) where they come in, naming the field.
TEST_P(RegistryHttpTest, PricesAboveTheCapAreRejectedNamingTheField) {
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
  const std::string outlet_id(
      outlets.as_object()["items"].as_array()[0].as_object()["id"].as_string());
  const std::string imei =
      "86723405123458" + std::string(1, core::ImeiCheckDigit("86723405123458").value());
  std::string body = Acquisition(outlet_id, imei);
  body.replace(body.find("\"price_fen\":150000"), 18, "\"price_fen\":1000000000001");
  auto r = server_->Call({"POST", "/api/v1/acquisitions", body, clerk});
  EXPECT_EQ(r.status, 400u) << r.body;
  EXPECT_EQ(json::parse(r.body).as_object()["error"].as_object()["field"], "price_fen");
  body.replace(body.find("1000000000001"), 13, "1000000000000");
  EXPECT_EQ(server_->Call({"POST", "/api/v1/acquisitions", body, clerk}).status, 201u);
}

TEST_P(RegistryHttpTest, InvalidIdentifiersAreRejectedNamingTheField) {
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
  const std::string outlet_id(
      outlets.as_object()["items"].as_array()[0].as_object()["id"].as_string());
  const char check = core::ImeiCheckDigit("86723405123456").value();
  const std::string wrong =
      "86723405123456" + std::string(1, static_cast<char>('0' + (check - '0' + 1) % 10));
  auto r = server_->Call({"POST", "/api/v1/acquisitions", Acquisition(outlet_id, wrong), clerk});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(json::parse(r.body).as_object()["error"].as_object()["field"],
            "item.identifiers[0].imei");
  std::string body = Acquisition(outlet_id, "86723405123456" + std::string(1, check));
  body.replace(body.find("11010519491231002X"), 18, "110105194912310021");
  auto bad_id = server_->Call({"POST", "/api/v1/acquisitions", body, clerk});
  EXPECT_EQ(bad_id.status, 400u);
  EXPECT_EQ(json::parse(bad_id.body).as_object()["error"].as_object()["field"], "seller.id_number");
}

// The body is read by its description (api/registry/dto.hpp): a nested field is named by its
// whole path, an unknown one too.
TEST_P(RegistryHttpTest, NestedBodyErrorsNameTheWholePath) {
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
  const std::string outlet_id(
      outlets.as_object()["items"].as_array()[0].as_object()["id"].as_string());
  const std::string imei =
      "86723405123452" + std::string(1, core::ImeiCheckDigit("86723405123452").value());
  const std::string body = Acquisition(outlet_id, imei);
  const auto field_of = [&](std::string changed) {
    auto r = server_->Call({"POST", "/api/v1/acquisitions", changed, clerk});
    EXPECT_EQ(r.status, 400u) << r.body;
    return std::string(json::parse(r.body).as_object()["error"].as_object()["field"].as_string());
  };
  std::string agent = body;
  agent.replace(agent.find("\"seller\":{") + 10, 0, R"("agent":{"name":"A"},)");
  EXPECT_EQ(field_of(agent), "seller.agent.id_type");
  std::string unknown = body;
  unknown.replace(unknown.find("\"item\":{") + 8, 0, R"("colour_name":"red",)");
  EXPECT_EQ(field_of(unknown), "item.colour_name");
  std::string not_string = body;
  not_string.replace(not_string.find("\"" + imei + "\""), imei.size() + 2, "7");
  EXPECT_EQ(field_of(not_string), "item.identifiers.imei");
}

TEST_P(RegistryHttpTest, BlockListImportIsAllOrNothingAndScreens) {
  auto police = LogIn("police.chaoyang");
  const std::string good =
      "86723405999999" + std::string(1, core::ImeiCheckDigit("86723405999999").value());
  const std::string csv_bad = "identifier_kind,identifier_value,status,note\nimei," + good +
                              ",black,GSMA list, 2026-11\nimei,123,black,typo\n";
  auto bad = server_->Call({"POST", "/api/v1/police/watchlist/import", csv_bad, police});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_NE(bad.body.find("line 3"), std::string::npos) << bad.body;

  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
  const std::string outlet_id(
      outlets.as_object()["items"].as_array()[0].as_object()["id"].as_string());
  auto before =
      server_->Call({"POST", "/api/v1/acquisitions", Acquisition(outlet_id, good), clerk});
  EXPECT_EQ(json::parse(before.body).as_object()["status"], "registered")
      << "the refused file imported nothing";

  const std::string other =
      "86723405888888" + std::string(1, core::ImeiCheckDigit("86723405888888").value());
  const std::string csv_good = "identifier_kind,identifier_value,status,note\r\nimei," + other +
                               ",black,GSMA list, 2026-11\r\n";
  auto ok = server_->Call({"POST", "/api/v1/police/watchlist/import", csv_good, police});
  EXPECT_EQ(ok.status, 201u) << ok.body;
  EXPECT_EQ(json::parse(ok.body).as_object()["imported"], 1);
  auto after =
      server_->Call({"POST", "/api/v1/acquisitions", Acquisition(outlet_id, other), clerk});
  EXPECT_EQ(json::parse(after.body).as_object()["status"], "held_for_verification");
}

TEST_P(RegistryHttpTest, BlockListsLargerThanOneMebibyteAreAccepted) {
  auto police = LogIn("police.chaoyang");
  std::string csv = "identifier_kind,identifier_value,status,note\n";
  for (int i = 0; csv.size() < 1'500'000; ++i) {
    csv += "serial,SN" + std::to_string(1'000'000 + i) +
           ",grey,bulk list of the operator association\n";
  }
  auto r = server_->Call({"POST", "/api/v1/police/watchlist/import", csv, police});
  EXPECT_EQ(r.status, 201u) << r.body.substr(0, 300);
}

TEST_P(RegistryHttpTest, TheShopListsCorrectsAndSeesHolds) {
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
  const std::string outlet_id(
      outlets.as_object()["items"].as_array()[0].as_object()["id"].as_string());
  const std::string imei =
      "86723405123457" + std::string(1, core::ImeiCheckDigit("86723405123457").value());
  auto reg = server_->Call({"POST", "/api/v1/acquisitions", Acquisition(outlet_id, imei), clerk});
  ASSERT_EQ(reg.status, 201u) << reg.body;
  const std::string id(json::parse(reg.body).as_object()["id"].as_string());

  auto list =
      server_->Call({"GET", "/api/v1/acquisitions?limit=10&outlet_id=" + outlet_id, "", clerk});
  ASSERT_EQ(list.status, 200u) << list.body;
  auto items = json::parse(list.body).as_object()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].as_object()["id"].as_string(), id);
  EXPECT_EQ(items[0].as_object()["item"].as_object()["model"], "Mate 60");
  for (const char* personal : {"李四", "11010519491231002X", "13912345678", "自用一年"}) {
    EXPECT_EQ(list.body.find(personal), std::string::npos) << personal;
  }
  auto bad = server_->Call({"GET", "/api/v1/acquisitions?from=yesterday", "", clerk});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(json::parse(bad.body).as_object()["error"].as_object()["field"], "from");

  auto one = server_->Call({"GET", "/api/v1/acquisitions/" + id, "", clerk});
  ASSERT_EQ(one.status, 200u) << one.body;
  auto view = json::parse(one.body).as_object();
  EXPECT_EQ(view["sellable"], false);
  EXPECT_EQ(view["holds"].as_array()[0].as_object()["kind"], "statutory");
  EXPECT_EQ(one.body.find("李四"), std::string::npos);

  auto no_reason = server_->Call({"POST", "/api/v1/acquisitions/" + id + "/corrections",
                                  R"({"item":{"model":"Mate 60 Pro"}})", clerk});
  EXPECT_EQ(no_reason.status, 400u);
  EXPECT_EQ(json::parse(no_reason.body).as_object()["error"].as_object()["field"], "reason");
  // A malformed registration id is 400 naming the field; a well-formed unknown one 404.
  auto malformed = server_->Call({"GET", "/api/v1/acquisitions/not-an-id/seller", "", clerk});
  EXPECT_EQ(malformed.status, 400u) << malformed.body;
  EXPECT_EQ(json::parse(malformed.body).at("error").at("field"), "id");
  EXPECT_EQ(
      server_->Call({"GET", "/api/v1/acquisitions/01M82QGDFSEZ4VR0P0J7CYX2FC/seller", "", clerk})
          .status,
      404u);
  // An error inside "item" names its whole path.
  auto bad_quantity = server_->Call({"POST", "/api/v1/acquisitions/" + id + "/corrections",
                                     R"({"reason":"数量录错","item":{"quantity":"two"}})", clerk});
  EXPECT_EQ(bad_quantity.status, 400u);
  EXPECT_EQ(json::parse(bad_quantity.body).at("error").at("field"), "item.quantity");
  auto fixed = server_->Call({"POST", "/api/v1/acquisitions/" + id + "/corrections",
                              R"({"reason":"型号录错","item":{"model":"Mate 60 Pro"}})", clerk});
  ASSERT_EQ(fixed.status, 201u) << fixed.body;
  auto corrected = json::parse(fixed.body).as_object();
  EXPECT_EQ(corrected["item"].as_object()["model"], "Mate 60 Pro");
  auto chain = corrected["corrections"].as_array();
  ASSERT_EQ(chain.size(), 1u);
  EXPECT_EQ(chain[0].as_object()["corrects"].as_string(), id);
  EXPECT_EQ(chain[0].as_object()["changes"].as_array()[0].as_object()["old"], "Mate 60");
}

INSTANTIATE_TEST_SUITE_P(Db, RegistryHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
