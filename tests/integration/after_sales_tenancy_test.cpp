// Who may act in after-sales, one test per route, on both databases: returns, warranty claims and
// disputes are asked for by the order's buyer (the seller's staff get 403 on an account's order;
// another operator's staff and another buyer 404), and decided by the selling organisation's
// staff only (another operator's staff 404, buyers 403); nothing changes (docs/security.md, "Who
// may act on a best offer or an order").
#include "integration/market_tenancy_fixture.hpp"

namespace recirc::testing {
namespace {

class AfterSalesTenancyTest : public MarketTenancyTest {
 protected:
  std::string Path(const std::string& id) { return "/api/v1/orders/" + id; }
  // What both parties see of the order and its cases.
  std::vector<std::string> Watch(const std::string& id) {
    return {Path(id), Path(id) + "/after-sales", "/api/v1/after-sales"};
  }
};

TEST_P(AfterSalesTenancyTest, OnlyTheBuyerAsksForAReturn) {
  const std::string id = Order(Publish(), Stage::kReceived);
  const std::string body = R"({"serials":["SN123"],"reason":"不想要了"})";
  Refused("POST", Path(id) + "/returns", body, other_, 404, Watch(id));
  Refused("POST", Path(id) + "/returns", body, stranger_, 404, Watch(id));
  Refused("POST", Path(id) + "/returns", body, clerk_, 403, Watch(id));
  EXPECT_EQ(Get(Path(id), clerk_).at("state"), "received");
  Post(Path(id) + "/returns", body, buyer_, 201);
}

TEST_P(AfterSalesTenancyTest, OnlyTheBuyerClaimsTheWarranty) {
  const std::string id = Order(Publish(), Stage::kReceived);
  const std::string body = R"({"fault":"屏幕闪烁"})";
  Refused("POST", Path(id) + "/warranty-claims", body, other_, 404, Watch(id));
  Refused("POST", Path(id) + "/warranty-claims", body, stranger_, 404, Watch(id));
  Refused("POST", Path(id) + "/warranty-claims", body, clerk_, 403, Watch(id));
  Post(Path(id) + "/warranty-claims", body, buyer_, 201);
}

TEST_P(AfterSalesTenancyTest, OnlyTheBuyerOpensADispute) {
  const Listed l = Publish();
  const std::string id = Order(l, Stage::kReceived);
  const std::string body = R"({"report_id":")" + l.report + R"(","claim":"电池不是报告说的"})";
  Refused("POST", Path(id) + "/disputes", body, other_, 404, Watch(id));
  Refused("POST", Path(id) + "/disputes", body, stranger_, 404, Watch(id));
  Refused("POST", Path(id) + "/disputes", body, clerk_, 403, Watch(id));
  Post(Path(id) + "/disputes", body, buyer_, 201);
}

TEST_P(AfterSalesTenancyTest, AnOrdersCasesAreReadByItsBuyerAndTheSellerOnly) {
  const std::string id = Order(Publish(), Stage::kReceived);
  Post(Path(id) + "/warranty-claims", R"({"fault":"屏幕闪烁"})", buyer_, 201);
  Refused("GET", Path(id) + "/after-sales", "", other_, 404, Watch(id));
  Refused("GET", Path(id) + "/after-sales", "", stranger_, 404, Watch(id));
  EXPECT_EQ(Get(Path(id) + "/after-sales", buyer_).at("items").as_array().size(), 1u);
  EXPECT_TRUE(Get("/api/v1/after-sales", other_).at("items").as_array().empty());
  EXPECT_EQ(Get("/api/v1/after-sales", clerk_).at("items").as_array().size(), 1u);
}

TEST_P(AfterSalesTenancyTest, OnlyTheSellerAcceptsOrRefusesAReturn) {
  const std::string id = Order(Publish(), Stage::kReceived);
  const std::string ret =
      "/api/v1/returns/" +
      Str(Post(Path(id) + "/returns", R"({"serials":["SN123"],"reason":"不想要了"})", buyer_, 201)
              .at("id"));
  const std::string accept = R"({"refund_fen":420000,"override_flag":true})";
  const std::string refuse = R"({"reason":"不是原机"})";
  for (const Headers* who : {&stranger_, &buyer_}) {
    Refused("POST", ret + "/accept", accept, *who, 403, Watch(id));
    Refused("POST", ret + "/refuse", refuse, *who, 403, Watch(id));
  }
  Refused("POST", ret + "/accept", accept, other_, 404, Watch(id));
  Refused("POST", ret + "/refuse", refuse, other_, 404, Watch(id));
  EXPECT_EQ(Get(Path(id), clerk_).at("state"), "return_requested");
  Post(ret + "/refuse", refuse, clerk_, 200);
}

TEST_P(AfterSalesTenancyTest, OnlyTheSellerSettlesADispute) {
  const Listed l = Publish();
  const std::string id = Order(l, Stage::kReceived);
  const std::string dispute =
      "/api/v1/disputes/" +
      Str(Post(Path(id) + "/disputes", R"({"report_id":")" + l.report + R"(","claim":"电池"})",
               buyer_, 201)
              .at("id"));
  const std::string body = R"({"reinspection_report_id":")" + l.report + R"(","outcome":"refund"})";
  Refused("POST", dispute + "/settle", body, other_, 404, Watch(id));
  Refused("POST", dispute + "/settle", body, stranger_, 403, Watch(id));
  Refused("POST", dispute + "/settle", body, buyer_, 403, Watch(id));
  EXPECT_EQ(Get(Path(id), clerk_).at("refunded_fen").as_int64(), 0);
}

TEST_P(AfterSalesTenancyTest, OnlyTheSellerDecidesAndCompletesAWarrantyClaim) {
  const std::string id = Order(Publish(), Stage::kReceived);
  const std::string claim =
      "/api/v1/warranty-claims/" +
      Str(Post(Path(id) + "/warranty-claims", R"({"fault":"屏幕闪烁"})", buyer_, 201).at("id"));
  const std::string decide = R"({"outcome":"repair"})";
  const std::string complete = R"({"note":"换了屏幕"})";
  Refused("POST", claim + "/decision", decide, other_, 404, Watch(id));
  Refused("POST", claim + "/decision", decide, stranger_, 403, Watch(id));
  Refused("POST", claim + "/decision", decide, buyer_, 403, Watch(id));
  Post(claim + "/decision", decide, clerk_, 200);
  Refused("POST", claim + "/complete", complete, other_, 404, Watch(id));
  Refused("POST", claim + "/complete", complete, stranger_, 403, Watch(id));
  Refused("POST", claim + "/complete", complete, buyer_, 403, Watch(id));
  EXPECT_EQ(Post(claim + "/complete", complete, clerk_, 200).at("status"), "completed");
}

INSTANTIATE_TEST_SUITE_P(Db, AfterSalesTenancyTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
