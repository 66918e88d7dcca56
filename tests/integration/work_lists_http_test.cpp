// Work lists over HTTP with the demo users, on both databases (issue 15 item 4): the inspector's
// queue and lookup by IMEI or receipt number, the inspection form's item check, the receipt's QR
// label, and the police alert list (IMEI, outlet names, region filter), outlet directory and
// seizure with a required note.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class WorkListsHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org_);
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org_ + "/outlets", "", clerk_}).body);
    for (const auto& o : outlets.as_object()["items"].as_array()) {
      const std::string id(o.as_object().at("id").as_string());
      (o.as_object().at("region_code") == "110105" ? chaoyang_ : haidian_) = id;
    }
    ASSERT_FALSE(chaoyang_.empty());
    ASSERT_FALSE(haidian_.empty());
  }
  static std::string Imei(const std::string& fourteen) {
    return fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
  }
  // Registers a phone at `outlet`; returns the receipt (id, item_id, number, status).
  json::object Register(const std::string& outlet, const std::string& imei) {
    auto r = server_->Call(
        {"POST", "/api/v1/acquisitions",
         R"({"outlet_id":")" + outlet +
             R"(","kind":"purchase","channel":"store","price_fen":150000,"payment_method":"cash",)"
             R"("person_matches_id":true,"origin_statement":"自用一年","seller":{"kind":"individual",)"
             R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X",)"
             R"("phone":"13912345678"},"item":{"category":"phone","brand":"Huawei",)"
             R"("model":"Mate 60","identifiers":{"imei":")" +
             imei + R"("},"condition":"九成新"}})",
         clerk_});
    EXPECT_EQ(r.status, 201u) << r.body;
    return json::parse(r.body).as_object();
  }
  // A new organisation of `kind` in `region` with one user of `role`; returns its session.
  Headers NewUser(const std::string& kind, const std::string& region, const std::string& username,
                  const std::string& role) {
    auto& directory = server_->app().directory();
    auto org = directory.CreateOrganisation(identity::Principal::System(),
                                            {kind, username + " org", std::nullopt, region});
    EXPECT_TRUE(org);
    EXPECT_TRUE(directory.CreateUser(identity::Principal::System(), OrganisationId::Stored(org->id),
                                     {username, "Someone", role, "recirc-demo"}));
    return LogInDemo(*server_, username);
  }
  json::value Get(const std::string& path, const Headers& who, unsigned status = 200) {
    auto r = server_->Call({"GET", path, "", who});
    EXPECT_EQ(r.status, status) << path << ": " << r.body;
    return r.body.empty() || r.body[0] != '{' ? json::value() : json::parse(r.body);
  }
  static std::vector<std::string> ItemIds(const json::value& list) {
    std::vector<std::string> out;
    if (!list.is_object()) return out;
    for (const auto& i : list.as_object().at("items").as_array())
      out.emplace_back(i.as_object().at("item_id").as_string());
    return out;
  }
  static std::string ErrorField(const json::value& v) {
    return v.is_object() ? std::string(v.at("error").at("field").as_string()) : "";
  }
  std::string Decide(const Headers& who, const std::string& alert_id, const std::string& body,
                     unsigned status) {
    auto r = server_->Call({"POST", "/api/v1/police/alerts/" + alert_id + "/decision", body, who});
    EXPECT_EQ(r.status, status) << body << ": " << r.body;
    return r.body;
  }

  std::unique_ptr<TestServer> server_;
  Headers clerk_;
  std::string shop_org_, chaoyang_, haidian_;
};

const char* kResults =
    R"({"results":{"powers_on":"pass","display":"pass","touch":"pass","cameras":"pass",)"
    R"("audio":"pass","buttons":"pass","charging":"pass","connectivity":"pass",)"
    R"("battery_health":91,"liquid_indicator":"not_triggered","activation_lock":"off",)"
    R"("screen_glass":"flawless","housing":"light_wear",)"
    R"("photo_front":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
    R"("photo_back":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}})";

TEST_P(WorkListsHttpTest, InspectorQueueHoldsUninspectedItemsOfItsRegionOldestFirst) {
  const auto first = Register(chaoyang_, Imei("86723405700001"));
  const auto second = Register(haidian_, Imei("86723405700002"));
  const auto third = Register(chaoyang_, Imei("86723405700003"));
  const std::string a(first.at("item_id").as_string()), b(second.at("item_id").as_string()),
      c(third.at("item_id").as_string());
  auto inspector = LogInDemo(*server_, "inspector");
  EXPECT_EQ(ItemIds(Get("/api/v1/inspection/queue", inspector)),
            (std::vector<std::string>{a, b, c}));

  auto signed_report =
      server_->Call({"POST", "/api/v1/items/" + b + "/inspections", kResults, inspector});
  ASSERT_EQ(signed_report.status, 201u) << signed_report.body;
  auto queue = Get("/api/v1/inspection/queue", inspector);
  EXPECT_EQ(ItemIds(queue), (std::vector<std::string>{a, c})) << "inspected items leave it";
  const auto& head = queue.at("items").as_array()[0].as_object();
  EXPECT_EQ(head.at("outlet_name"), "朝阳门店");
  EXPECT_EQ(head.at("receipt_number"), first.at("number"));
  EXPECT_EQ(head.at("identifiers").as_array()[0].at("value"), json::value(Imei("86723405700001")));
  EXPECT_EQ(queue.as_object().find("next_cursor"), queue.as_object().end())
      << "the whole queue fitted";

  // Paging: a cursor to the rest, still oldest first.
  auto page = Get("/api/v1/inspection/queue?limit=1", inspector);
  EXPECT_EQ(ItemIds(page), (std::vector<std::string>{a}));
  const std::string cursor(page.at("next_cursor").as_string());
  EXPECT_EQ(ItemIds(Get("/api/v1/inspection/queue?limit=1&cursor=" + cursor, inspector)),
            (std::vector<std::string>{c}));

  // An inspection body of another region sees none of it; a shop has no queue.
  auto far = NewUser("inspection_body", "440300", "inspector.shenzhen", "inspector");
  EXPECT_TRUE(ItemIds(Get("/api/v1/inspection/queue", far)).empty());
  Get("/api/v1/inspection/queue", clerk_, 403);
}

TEST_P(WorkListsHttpTest, InspectorFindsAnItemByImeiOrReceipt) {
  const std::string imei = Imei("86723405700011");
  const auto receipt = Register(haidian_, imei);
  const std::string item(receipt.at("item_id").as_string());
  auto inspector = LogInDemo(*server_, "inspector");
  // As typed on a keypad: grouped with spaces; normalised as registration normalises it.
  const std::string spaced =
      imei.substr(0, 6) + "%20" + imei.substr(6, 4) + "%20" + imei.substr(10);
  auto by_imei = Get("/api/v1/inspection/lookup?imei=" + spaced, inspector);
  EXPECT_EQ(ItemIds(by_imei), (std::vector<std::string>{item}));
  EXPECT_EQ(by_imei.at("items").as_array()[0].at("inspected"), false);
  EXPECT_EQ(by_imei.at("items").as_array()[0].at("outlet_name"), "海淀社区寄卖店");
  EXPECT_EQ(ItemIds(Get("/api/v1/inspection/lookup?receipt=" +
                            std::to_string(receipt.at("number").as_int64()),
                        inspector)),
            (std::vector<std::string>{item}));
  EXPECT_EQ(
      ItemIds(Get("/api/v1/inspection/lookup?receipt=" + std::string(receipt.at("id").as_string()),
                  inspector)),
      (std::vector<std::string>{item}));
  EXPECT_TRUE(
      ItemIds(Get("/api/v1/inspection/lookup?imei=" + Imei("86723405799999"), inspector)).empty());
  EXPECT_EQ(ErrorField(Get("/api/v1/inspection/lookup?imei=12345", inspector, 400)), "imei");
  EXPECT_EQ(ErrorField(Get("/api/v1/inspection/lookup", inspector, 400)), "imei");
  EXPECT_EQ(ErrorField(Get("/api/v1/inspection/lookup?receipt=%3F%3F", inspector, 400)), "receipt");
  // Outside the body's region nothing is found.
  auto far = NewUser("inspection_body", "440300", "inspector.shenzhen", "inspector");
  EXPECT_TRUE(ItemIds(Get("/api/v1/inspection/lookup?imei=" + imei, far)).empty());
}

TEST_P(WorkListsHttpTest, InspectionFormRefusesAnUnknownItemAtOnce) {
  const auto receipt = Register(chaoyang_, Imei("86723405700021"));
  const std::string item(receipt.at("item_id").as_string());
  auto inspector = LogInDemo(*server_, "inspector");
  auto found = Get("/api/v1/inspection/items/" + item, inspector);
  EXPECT_EQ(found.at("item_id"), json::value(item));
  EXPECT_EQ(found.at("category"), "phone");
  EXPECT_EQ(found.at("inspected"), false);

  auto unknown = Get("/api/v1/inspection/items/01KBX0000000000000000000AA", inspector, 404);
  EXPECT_EQ(unknown.at("error").at("message_id"), "inspection.item_not_found");
  EXPECT_EQ(ErrorField(Get("/api/v1/inspection/items/not-an-id", inspector, 400)), "id");
  auto signing = server_->Call(
      {"POST", "/api/v1/items/01KBX0000000000000000000AA/inspections", kResults, inspector});
  EXPECT_EQ(signing.status, 404u);
  EXPECT_EQ(json::parse(signing.body).at("error").at("message_id"), "inspection.item_not_found");
}

TEST_P(WorkListsHttpTest, ReceiptQrLabelIsAnSvgOfTheItemPage) {
  const auto receipt = Register(chaoyang_, Imei("86723405700031"));
  const std::string item(receipt.at("item_id").as_string());
  auto r = server_->Call({"GET", "/api/v1/items/" + item + "/label.svg", "", clerk_});
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_TRUE(r.Header("Content-Type").starts_with("image/svg+xml"));
  EXPECT_EQ(r.body.rfind("<svg", 0), 0u) << r.body.substr(0, 80);
  EXPECT_NE(r.body.find("<path"), std::string::npos);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/items/01KBX0000000000000000000AA/label.svg", "", clerk_})
                .status,
            404u);
}

TEST_P(WorkListsHttpTest, AlertsShowImeiAndOutletNameAndFilterByRegion) {
  auto police = LogInDemo(*server_, "police.chaoyang");
  const std::string imei = Imei("86723405700041");
  ASSERT_EQ(server_
                ->Call({"POST", "/api/v1/police/watchlist",
                        R"({"identifier_kind":"imei","identifier_value":")" + imei +
                            R"(","note":"失窃报案"})",
                        police})
                .status,
            201u);
  Register(chaoyang_, imei);
  auto list = Get("/api/v1/police/alerts", police);
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  const auto& alert = list.at("items").as_array()[0];
  EXPECT_EQ(alert.at("acquisition").at("outlet_name"), "朝阳门店");
  EXPECT_EQ(alert.at("item").at("identifiers").as_array()[0].at("kind"), "imei");
  EXPECT_EQ(alert.at("item").at("identifiers").as_array()[0].at("value"), json::value(imei));

  // The city bureau sees both districts and narrows by one; a region outside is refused.
  auto city = NewUser("police", "110000", "police.beijing", "police_officer");
  EXPECT_EQ(Get("/api/v1/police/alerts", city).at("items").as_array().size(), 1u);
  EXPECT_EQ(Get("/api/v1/police/alerts?region=110105", city).at("items").as_array().size(), 1u);
  EXPECT_TRUE(Get("/api/v1/police/alerts?region=110108", city).at("items").as_array().empty());
  EXPECT_EQ(ErrorField(Get("/api/v1/police/alerts?region=440300", city, 403)), "region");
  EXPECT_EQ(ErrorField(Get("/api/v1/police/alerts?region=11x", city, 400)), "region");
}

TEST_P(WorkListsHttpTest, PoliceReportsPickOutletsFromTheDirectory) {
  auto police = LogInDemo(*server_, "police.chaoyang");
  auto outlets = Get("/api/v1/police/outlets", police);
  ASSERT_EQ(outlets.at("items").as_array().size(), 1u) << "its district only";
  const auto& o = outlets.at("items").as_array()[0];
  EXPECT_EQ(o.at("id"), json::value(chaoyang_));
  EXPECT_EQ(o.at("name"), "朝阳门店");
  EXPECT_EQ(o.at("organisation_name"), "绿循环回收 Green Loop Recycling");
  auto city = NewUser("police", "110000", "police.beijing", "police_officer");
  EXPECT_EQ(Get("/api/v1/police/outlets", city).at("items").as_array().size(), 2u);
  Get("/api/v1/police/outlets", clerk_, 403);
}

TEST_P(WorkListsHttpTest, SeizureNeedsANote) {
  auto police = LogInDemo(*server_, "police.chaoyang");
  const std::string imei = Imei("86723405700051");
  ASSERT_EQ(server_
                ->Call({"POST", "/api/v1/police/watchlist",
                        R"({"identifier_kind":"imei","identifier_value":")" + imei +
                            R"(","note":"失窃报案"})",
                        police})
                .status,
            201u);
  Register(chaoyang_, imei);
  auto list = Get("/api/v1/police/alerts", police);
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  const std::string id(list.at("items").as_array()[0].at("id").as_string());
  auto bare = json::parse(Decide(police, id, R"({"decision":"seize"})", 400));
  EXPECT_EQ(bare.at("error").at("field"), "note");
  EXPECT_EQ(bare.at("error").at("message_id"), "police.seize_note_required");
  EXPECT_EQ(ErrorField(json::parse(Decide(police, id, R"({"decision":"seize","note":"  "})", 400))),
            "note");
  EXPECT_EQ(Get("/api/v1/police/alerts", police).at("items").as_array()[0].at("status"), "open")
      << "nothing was decided";
  auto seized =
      json::parse(Decide(police, id, R"({"decision":"seize","note":"案件 2026-512 扣押"})", 200));
  EXPECT_EQ(seized.at("status"), "seized");
  EXPECT_EQ(seized.at("decision_note"), "案件 2026-512 扣押");
}

INSTANTIATE_TEST_SUITE_P(Db, WorkListsHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
