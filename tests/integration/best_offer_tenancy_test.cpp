// Who may act on a best offer, one test per route, on both databases: the buyer who made it (a
// buyer account, or the seller's staff for a buyer_ref at its counter) and the selling
// organisation's staff; another operator's staff and another buyer are refused (404 where they
// would learn that it exists, 403 where they can see the offer but may not act) and nothing
// changes (docs/security.md, "Who may act on a best offer or an order").
#include "integration/market_tenancy_fixture.hpp"

namespace recirc::testing {
namespace {

class BestOfferTenancyTest : public MarketTenancyTest {
 protected:
  // The demo buyer's best offer of 3 800 yuan, countered by the shop at 4 000 yuan.
  std::string Countered(const Listed& l, const Headers& who, const std::string& buyer_ref = "") {
    const std::string ref = buyer_ref.empty() ? "" : R"("buyer_ref":")" + buyer_ref + "\",";
    const std::string id = Str(Post("/api/v1/offers/" + l.offer + "/best-offers",
                                    "{" + ref + R"("amount_fen":380000})", who, 201)
                                   .at("id"));
    Post("/api/v1/best-offers/" + id + "/respond", R"({"action":"counter","counter_fen":400000})",
         clerk_, 200);
    return id;
  }
};

TEST_P(BestOfferTenancyTest, AnotherOperatorsStaffCannotMakeABestOfferOnTheShopsOffer) {
  const Listed l = Publish(true);
  const std::string list = "/api/v1/offers/" + l.offer + "/best-offers";
  Refused("POST", list, R"({"buyer_ref":"B-7","amount_fen":380000})", other_, 403, {list});
  EXPECT_TRUE(Get(list, clerk_).at("items").as_array().empty());
  // The shop's own counter and any buyer account may.
  Post(list, R"({"buyer_ref":"B-7","amount_fen":380000})", clerk_, 201);
  Post(list, R"({"amount_fen":380000})", stranger_, 201);
}

TEST_P(BestOfferTenancyTest, OnlyTheSellerListsTheBestOffersOfAnOffer) {
  const Listed l = Publish(true);
  const std::string id = Countered(l, buyer_);
  const std::string list = "/api/v1/offers/" + l.offer + "/best-offers";
  Refused("GET", list, "", other_, 404, {list});
  Refused("GET", list, "", stranger_, 403, {list});
  EXPECT_EQ(Str(Get(list, clerk_).at("items").at(0).at("id")), id);
}

TEST_P(BestOfferTenancyTest, MyBestOffersListsTheCallersOwnOnly) {
  const Listed l = Publish(true);
  Countered(l, buyer_);
  EXPECT_TRUE(Get("/api/v1/best-offers/mine", stranger_).at("items").as_array().empty());
  EXPECT_TRUE(Get("/api/v1/best-offers/mine", other_).at("items").as_array().empty());
  EXPECT_EQ(Get("/api/v1/best-offers/mine", buyer_).at("items").as_array().size(), 1u);
}

TEST_P(BestOfferTenancyTest, ABestOfferIsReadByItsBuyerAndTheSellerOnly) {
  const Listed l = Publish(true);
  const std::string mine = "/api/v1/best-offers/" + Countered(l, buyer_);
  const std::string counter = "/api/v1/best-offers/" + Countered(Publish(true), clerk_, "B-1");
  for (const auto& path : {mine, counter}) {
    Refused("GET", path, "", other_, 404, {path});
    Refused("GET", path, "", stranger_, 404, {path});
    Get(path, clerk_);
  }
  Get(mine, buyer_);
}

TEST_P(BestOfferTenancyTest, OnlyTheSellerAnswersABestOffer) {
  const Listed l = Publish(true);
  const std::string id = Str(
      Post("/api/v1/offers/" + l.offer + "/best-offers", R"({"amount_fen":380000})", buyer_, 201)
          .at("id"));
  const std::string path = "/api/v1/best-offers/" + id;
  for (const char* body : {R"({"action":"accept"})", R"({"action":"decline"})",
                           R"({"action":"counter","counter_fen":400000})"}) {
    Refused("POST", path + "/respond", body, other_, 404, {path});
    Refused("POST", path + "/respond", body, stranger_, 403, {path});
    Refused("POST", path + "/respond", body, buyer_, 403, {path});
  }
  EXPECT_EQ(Get(path, clerk_).at("status"), "pending");
}

TEST_P(BestOfferTenancyTest, OnlyTheBuyerTakesACounter) {
  const std::string mine = Countered(Publish(true), buyer_);
  const std::string counter = Countered(Publish(true), clerk_, "B-1");
  const std::string take = R"({"counter_fen":400000})";
  const std::string take_for = R"({"buyer_ref":"B-1","counter_fen":400000})";
  auto path = [](const std::string& id) { return "/api/v1/best-offers/" + id; };
  // Another operator's staff naming the counter's buyer_ref, and another buyer.
  Refused("POST", path(counter) + "/accept-counter", take_for, other_, 404, {path(counter)});
  Refused("POST", path(mine) + "/accept-counter", take, stranger_, 404, {path(mine)});
  Refused("POST", path(counter) + "/accept-counter", take, stranger_, 404, {path(counter)});
  EXPECT_EQ(Get(path(counter), clerk_).at("status"), "countered");
  EXPECT_EQ(Get(path(mine), clerk_).at("status"), "countered");
  EXPECT_EQ(Post(path(mine) + "/accept-counter", take, buyer_, 200).at("status"), "accepted");
  EXPECT_EQ(Post(path(counter) + "/accept-counter", take_for, clerk_, 200).at("status"),
            "accepted");
}

TEST_P(BestOfferTenancyTest, NobodyElseOrdersAtTheAgreedPrice) {
  const Listed l = Publish(true);
  const std::string id = Countered(l, clerk_, "B-1");
  const std::string best = "/api/v1/best-offers/" + id;
  Post(best + "/accept-counter", R"({"buyer_ref":"B-1","counter_fen":400000})", clerk_, 200);
  const std::vector<std::string> watch = {best, "/api/v1/offers/" + l.offer, "/api/v1/orders"};
  const std::string order = R"({"offer_id":")" + l.offer +
                            R"(","provider":"simulated","accepted_disclosure_version":)" +
                            l.version + R"(,"best_offer_id":")" + id + "\"";
  // Another operator's staff, for the same buyer_ref or another, with the best offer or without.
  Refused("POST", "/api/v1/orders", order + R"(,"buyer_ref":"B-1"})", other_, 403, watch);
  Refused("POST", "/api/v1/orders",
          R"({"offer_id":")" + l.offer +
              R"(","buyer_ref":"B-9","provider":"simulated","accepted_disclosure_version":)" +
              l.version + "}",
          other_, 403, watch);
  // Another buyer cannot use it (it names the field).
  auto refused = Post("/api/v1/orders", order + "}", stranger_, 400);
  EXPECT_EQ(refused.at("error").at("field"), "best_offer_id");
  EXPECT_EQ(Get(best, clerk_).at("status"), "accepted");
  auto placed = Post("/api/v1/orders", order + R"(,"buyer_ref":"B-1"})", clerk_, 201);
  EXPECT_EQ(placed.at("price_fen").as_int64(), 400000);
}

INSTANTIATE_TEST_SUITE_P(Db, BestOfferTenancyTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
