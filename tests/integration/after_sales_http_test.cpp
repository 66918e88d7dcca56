// After-sales decisions over HTTP with the demo users, on both databases: the shop refuses a
// return (the reason is required and named, a refused return cannot be accepted, another
// shop's staff get 404), the buyer sees the refusal and disputes it; warranty claims decided
// refund (never above what was paid, never twice), reject (a note needed) and repair, then
// completed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/market_payloads.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

struct Sold {
  std::string item, order, report;
};

class AfterSalesHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string imei_;  // the last registered phone's IMEI
  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 0;  // offered at once; holds are tested elsewhere
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org_);
    inspector_ = LogInDemo(*server_, "inspector");
    buyer_ = LogInDemo(*server_, "buyer");
    // Another shop, with its own market staff.
    auto& directory = server_->app().directory();
    const auto system = identity::Principal::System();
    auto other =
        directory.CreateOrganisation(system, {"operator", "别家回收", std::nullopt, "110105"});
    ASSERT_TRUE(other) << other.error().message;
    ASSERT_TRUE(directory.CreateUser(
        system, OrganisationId::Stored(other->id),
        {"other.clerk", "别家店员", "operator_staff", std::string(app::kDemoPassword)}));
    other_ = LogInDemo(*server_, "other.clerk");
  }
  json::object Post(const std::string& path, const std::string& body, const Headers& who,
                    unsigned expected) {
    auto r = server_->Call({"POST", path, body, who});
    EXPECT_EQ(r.status, expected) << path << " " << body << ": " << r.body;
    auto v = json::parse(r.body);
    return v.is_object() ? v.as_object() : json::object{};
  }
  std::string Field(const json::object& e) {
    const auto* f = e.at("error").as_object().if_contains("field");
    return f ? std::string(f->as_string()) : "";
  }
  std::string Message(const json::object& e) {
    return std::string(e.at("error").at("message").as_string());
  }
  std::string Str(const json::value& v) { return std::string(v.as_string()); }
  json::object Get(const std::string& path, const Headers& who) {
    auto r = server_->Call({"GET", path, "", who});
    EXPECT_EQ(r.status, 200u) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  // A phone sold online to the demo buyer's account, dispatched and received.
  Sold Received(const std::string& fourteen) {
    auto outlets = Get("/api/v1/organisations/" + shop_org_ + "/outlets", clerk_);
    const std::string outlet = Str(outlets.at("items").at(0).at("id"));
    const std::string imei = fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
    imei_ = imei;  // the dispatch records it (checked against the registered identifiers)
    Sold s;
    s.item =
        Str(Post("/api/v1/acquisitions",
                 R"({"outlet_id":")" + outlet +
                     R"(","kind":"purchase","channel":"store","price_fen":150000,)"
                     R"("payment_method":"cash","person_matches_id":true,)"
                     R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
                     R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X"},)"
                     R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
                     R"("identifiers":{"imei":")" +
                     imei + R"("},"condition":"九成新"}})",
                 clerk_, 201)
                .at("item_id"));
    s.report =
        Str(Post("/api/v1/items/" + s.item + "/inspections", kPhoneInspection, inspector_, 201)
                .at("report")
                .at("id"));
    Post("/api/v1/items/" + s.item + "/sanitizations", kMate60Wipe, clerk_, 201);
    const std::string offer =
        Str(Post("/api/v1/offers",
                 R"({"item_id":")" + s.item +
                     R"(","channel":"online","title":"Mate 60","price_fen":420000,)"
                     R"("warranty_months":3,"return_days":7})",
                 clerk_, 201)
                .at("id"));
    const auto version = Get("/api/v1/items/" + s.item + "/disclosure", clerk_).at("version");
    Post("/api/v1/offers/" + offer + "/publish",
         R"({"disclosure_version":)" + json::serialize(version) + "}", clerk_, 200);
    s.order = Str(Post("/api/v1/orders",
                       R"({"offer_id":")" + offer +
                           R"(","provider":"simulated","accepted_disclosure_version":)" +
                           json::serialize(version) + "}",
                       buyer_, 201)
                      .at("id"));
    Post("/api/v1/orders/" + s.order + "/pay", R"({"amount_fen":420000})", buyer_, 200);
    const std::string photo = UploadOrderPhoto(*server_, s.order, "dispatch", clerk_);
    Post("/api/v1/orders/" + s.order + "/dispatch",
         R"({"method":"shipping","serials":[")" + imei_ + R"("],"photos":[")" + photo + R"("]})",
         clerk_, 200);
    Post("/api/v1/orders/" + s.order + "/receive", R"({"condition":"as_described"})", buyer_, 200);
    return s;
  }
  std::unique_ptr<TestServer> server_;
  std::string shop_org_;
  Headers clerk_, inspector_, buyer_, other_;
};

TEST_P(AfterSalesHttpTest, TheShopRefusesAReturnAndTheBuyerDisputesTheRefusal) {
  const Sold s = Received("86723405123460");
  auto ret = Post("/api/v1/orders/" + s.order + "/returns",
                  R"({"serials":["SN999"],"reason":"不想要了"})", buyer_, 201);
  const std::string path = "/api/v1/returns/" + Str(ret.at("id"));

  EXPECT_EQ(Field(Post(path + "/refuse", "{}", clerk_, 400)), "reason");
  EXPECT_EQ(Field(Post(path + "/refuse", R"({"reason":""})", clerk_, 400)), "reason");
  EXPECT_EQ(Field(Post(path + "/refuse", R"({"reason":")" + std::string(501, 'x') + R"("})", clerk_,
                       400)),
            "reason");
  Post(path + "/refuse", R"({"reason":"不是原机"})", other_, 404);
  Post(path + "/refuse", R"({"reason":"不是原机"})", buyer_, 403);
  Post("/api/v1/returns/01M82QGDFSEZ4VR0P0J7CYX2FC/refuse", R"({"reason":"不是原机"})", clerk_,
       404);

  // The shop's list of open cases has it; the other shop's has nothing.
  auto open = Get("/api/v1/after-sales?status=open", clerk_);
  ASSERT_EQ(open.at("items").as_array().size(), 1u);
  EXPECT_EQ(open.at("items").at(0).at("id"), ret.at("id"));
  EXPECT_TRUE(Get("/api/v1/after-sales", other_).at("items").as_array().empty());
  auto bad_status = server_->Call({"GET", "/api/v1/after-sales?status=bogus", "", clerk_});
  EXPECT_EQ(bad_status.status, 400u);
  EXPECT_NE(bad_status.body.find("\"field\":\"status\""), std::string::npos) << bad_status.body;
  EXPECT_EQ(server_->Call({"GET", "/api/v1/after-sales", "", buyer_}).status, 403u);

  auto refused =
      Post(path + "/refuse", R"({"reason":"退回的机器序列号 SN999 与售出的不符"})", clerk_, 200);
  EXPECT_EQ(refused.at("status"), "refused");
  EXPECT_EQ(Get("/api/v1/orders/" + s.order, buyer_).at("state"), "received");
  auto accept =
      Post(path + "/accept", R"({"refund_fen":420000,"override_flag":true})", clerk_, 409);
  EXPECT_TRUE(Message(accept).starts_with("return_not_open:")) << accept;
  EXPECT_NE(Message(accept).find("refused"), std::string::npos);
  Post(path + "/refuse", R"({"reason":"again"})", clerk_, 409);

  // The buyer sees the refusal and its reason on the order, and disputes it.
  auto mine = Get("/api/v1/orders/" + s.order + "/after-sales", buyer_);
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  EXPECT_EQ(mine.at("items").at(0).at("status"), "refused");
  EXPECT_EQ(mine.at("items").at(0).at("details").at("refusal_reason"),
            "退回的机器序列号 SN999 与售出的不符");
  auto dispute =
      Post("/api/v1/orders/" + s.order + "/disputes",
           R"({"report_id":")" + s.report + R"(","claim":"退回的就是原机"})", buyer_, 201);
  const std::string again =
      Str(Post("/api/v1/items/" + s.item + "/inspections", kPhoneInspection, inspector_, 201)
              .at("report")
              .at("id"));
  Post("/api/v1/disputes/" + Str(dispute.at("id")) + "/settle",
       R"({"reinspection_report_id":")" + again + R"(","outcome":"refund"})", clerk_, 200);
  auto order = Get("/api/v1/orders/" + s.order, buyer_);
  EXPECT_EQ(order.at("state"), "refunded");
  EXPECT_EQ(order.at("refunded_fen"), 420000);
}

TEST_P(AfterSalesHttpTest, WarrantyClaimsAreDecidedOnceAndARefundNeverExceedsThePayment) {
  const Sold s = Received("86723405123478");
  const std::string claims = "/api/v1/orders/" + s.order + "/warranty-claims";
  const std::string first = Str(Post(claims, R"({"fault":"无法充电"})", buyer_, 201).at("id"));
  const std::string path = "/api/v1/warranty-claims/" + first;

  EXPECT_EQ(Field(Post(path + "/decision", "{}", clerk_, 400)), "outcome");
  EXPECT_EQ(Field(Post(path + "/decision", R"({"outcome":"fix"})", clerk_, 400)), "outcome");
  EXPECT_EQ(Field(Post(path + "/decision", R"({"outcome":"reject"})", clerk_, 400)), "note");
  EXPECT_EQ(Field(Post(path + "/decision", R"({"outcome":"repair","amount_fen":5})", clerk_, 400)),
            "amount_fen");
  EXPECT_EQ(
      Field(Post(path + "/decision", R"({"outcome":"refund","amount_fen":"many"})", clerk_, 400)),
      "amount_fen");
  Post(path + "/decision", R"({"outcome":"refund"})", other_, 404);
  Post(path + "/decision", R"({"outcome":"refund"})", buyer_, 403);
  auto over = Post(path + "/decision", R"({"outcome":"refund","amount_fen":420001})", clerk_, 422);
  EXPECT_TRUE(Message(over).starts_with("refund_exceeds_payment:")) << over;
  EXPECT_EQ(Get("/api/v1/orders/" + s.order, clerk_).at("refunded_fen"), 0);

  auto refund = Post(path + "/decision",
                     R"({"outcome":"refund","amount_fen":100000,"note":"部分退款"})", clerk_, 200);
  EXPECT_EQ(refund.at("status"), "refunded");
  EXPECT_EQ(refund.at("details").at("refund_fen"), 100000);
  auto twice = Post(path + "/decision", R"({"outcome":"refund","amount_fen":100000})", clerk_, 409);
  EXPECT_TRUE(Message(twice).starts_with("warranty_claim_decided:")) << twice;
  auto order = Get("/api/v1/orders/" + s.order, buyer_);
  EXPECT_EQ(order.at("refunded_fen"), 100000);
  EXPECT_EQ(order.at("state"), "received");

  // A second claim: repaired, then completed; a third rejected with a note.
  const std::string second = Str(Post(claims, R"({"fault":"屏幕闪烁"})", buyer_, 201).at("id"));
  const std::string p2 = "/api/v1/warranty-claims/" + second;
  Post(p2 + "/complete", R"({"note":"已修好"})", clerk_, 409);
  Post(p2 + "/decision", R"({"outcome":"repair","note":"更换屏幕排线"})", clerk_, 200);
  EXPECT_EQ(Field(Post(p2 + "/complete", "{}", clerk_, 400)), "note");
  Post(p2 + "/complete", R"({"note":"已修好"})", other_, 404);
  auto done = Post(p2 + "/complete", R"({"note":"已修好，顾客取回"})", clerk_, 200);
  EXPECT_EQ(done.at("status"), "completed");
  Post(p2 + "/complete", R"({"note":"again"})", clerk_, 409);
  const std::string third = Str(Post(claims, R"({"fault":"进水"})", buyer_, 201).at("id"));
  Post("/api/v1/warranty-claims/" + third + "/decision",
       R"({"outcome":"reject","note":"液体指示贴已触发"})", clerk_, 200);

  // The buyer sees every decision and its note.
  auto mine = Get("/api/v1/orders/" + s.order + "/after-sales", buyer_);
  std::map<std::string, json::object> by_id;
  for (const auto& a : mine.at("items").as_array()) by_id[Str(a.at("id"))] = a.as_object();
  EXPECT_EQ(by_id[first].at("details").at("outcome"), "refund");
  EXPECT_EQ(by_id[first].at("details").at("note"), "部分退款");
  EXPECT_EQ(by_id[second].at("details").at("completion_note"), "已修好，顾客取回");
  EXPECT_EQ(by_id[third].at("status"), "rejected");
  EXPECT_EQ(by_id[third].at("details").at("note"), "液体指示贴已触发");
  // A return id is not a warranty claim.
  Post("/api/v1/warranty-claims/01M82QGDFSEZ4VR0P0J7CYX2FC/decision", R"({"outcome":"repair"})",
       clerk_, 404);
}

INSTANTIATE_TEST_SUITE_P(Db, AfterSalesHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
