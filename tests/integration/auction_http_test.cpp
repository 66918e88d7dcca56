// English auctions over HTTP on both databases: an auction offer made with POST /offers
// (sale_mode english_auction), proxy bids from two buyer accounts, the state each may see (never
// the other's maximum), errors naming the field, a typing-error retraction, Buy-It-Now gone after
// the first bid, and a fixed-price order refused. Closing by time is tested with a fake clock in
// the market module (auction_service_test.cpp); this server runs on the system clock.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

class AuctionHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    auto market = server_->app().SeedDemoMarket();
    ASSERT_TRUE(market) << market.error().message;
    clerk_ = LogIn("shop.clerk", "recirc-demo");
  }
  Headers LogIn(const std::string& username, const std::string& password) {
    auto r =
        server_->Call({"POST", "/api/v1/session",
                       R"({"username":")" + username + R"(","password":")" + password + "\"}"});
    EXPECT_EQ(r.status, 200u) << r.body;
    auto body = json::parse(r.body).as_object();
    const std::string cookie = r.Header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", std::string(body["csrf_token"].as_string())}};
  }
  Headers NewBuyer(const std::string& username) {
    auto r = server_->Call({"POST", "/api/v1/buyers",
                            R"({"username":")" + username +
                                R"(","password":"a long password","display_name":"买家"})"});
    EXPECT_EQ(r.status, 201u) << r.body;
    return LogIn(username, "a long password");
  }
  json::object Call(const std::string& method, const std::string& path, const std::string& body,
                    const Headers& who, unsigned expected) {
    auto r = server_->Call({method, path, body, who});
    EXPECT_EQ(r.status, expected) << method << " " << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  static std::string FieldOf(const json::object& error) {
    return Str(error.at("error").at("field"));
  }

  // Takes a published demo offer off the market and puts its item up for auction; returns the
  // auction offer's id.
  std::string AuctionOffer() {
    auto offers = Call("GET", "/api/v1/offers", "", clerk_, 200);
    const json::object* fixed = nullptr;
    for (const auto& o : offers.at("items").as_array()) {
      if (o.at("status") == "published") fixed = &o.as_object();
    }
    EXPECT_NE(fixed, nullptr);
    if (fixed == nullptr) return "";
    const std::string item = Str(fixed->at("item_id"));
    const int64_t version = fixed->at("disclosure_version").as_int64();
    Call("POST", "/api/v1/offers/" + Str(fixed->at("id")) + "/withdraw",
         R"({"reason":"to auction"})", clerk_, 200);
    const std::string ends = FormatRfc3339(SystemClock().Now() + std::chrono::hours(24));
    const std::string common = R"({"item_id":")" + item +
                               R"(","sale_mode":"english_auction","channel":"online",)"
                               R"("title":"iPhone 竞拍","price_fen":100000,)"
                               R"("warranty_months":3,"return_days":7)";
    auto missing = Call("POST", "/api/v1/offers", common + "}", clerk_, 400);
    EXPECT_EQ(FieldOf(missing), "auction");
    auto bad_reserve = Call(
        "POST", "/api/v1/offers",
        common + R"(,"auction":{"ends_at":")" + ends + R"(","reserve_fen":50000}})", clerk_, 400);
    EXPECT_EQ(FieldOf(bad_reserve), "reserve_fen");
    auto made = Call("POST", "/api/v1/offers",
                     common + R"(,"auction":{"ends_at":")" + ends +
                         R"(","reserve_fen":250000,"buy_it_now_fen":900000,)"
                         R"("soft_close_minutes":5,"extension_minutes":5}})",
                     clerk_, 201);
    EXPECT_EQ(Str(made.at("sale_mode")), "english_auction");
    const std::string id = Str(made.at("id"));
    Call("POST", "/api/v1/offers/" + id + "/publish",
         R"({"disclosure_version":)" + std::to_string(version) + "}", clerk_, 200);
    return id;
  }

  std::unique_ptr<TestServer> server_;
  Headers clerk_;
};

TEST_P(AuctionHttpTest, ProxyBidsStateAndRetractionOverHttp) {
  const Headers a = NewBuyer("bidder.a");
  const Headers b = NewBuyer("bidder.b");
  const std::string id = AuctionOffer();
  ASSERT_FALSE(id.empty());
  const std::string base = "/api/v1/offers/" + id;

  // The reserve is hidden from the public.
  auto offer = Call("GET", base, "", {}, 200);
  EXPECT_FALSE(offer.at("mode_terms").as_object().contains("reserve_fen"));
  EXPECT_EQ(offer.at("mode_terms").at("has_reserve"), json::value(true));

  auto open = Call("GET", base + "/auction", "", {}, 200);
  EXPECT_EQ(Str(open.at("phase")), "open");
  EXPECT_EQ(open.at("buy_it_now_fen").as_int64(), 900000);

  auto first = Call("POST", base + "/bids", R"({"max_fen":300000})", a, 201);
  EXPECT_EQ(first.at("price_fen").as_int64(), 250000);  // the reserve is met: the price moves
  EXPECT_EQ(first.at("winning"), json::value(true));
  auto second = Call("POST", base + "/bids", R"({"max_fen":260000})", b, 201);
  EXPECT_EQ(second.at("price_fen").as_int64(), 262500);  // 2,600 + 25 yuan
  EXPECT_EQ(second.at("winning"), json::value(false));
  EXPECT_EQ(json::serialize(second).find("300000"), std::string::npos);  // never a's maximum

  auto low = Call("POST", base + "/bids", R"({"max_fen":262500})", b, 400);
  EXPECT_EQ(FieldOf(low), "max_fen");
  auto anonymous = Call("GET", base + "/auction", "", {}, 200);
  EXPECT_EQ(anonymous.at("bid_count").as_int64(), 2);
  EXPECT_FALSE(anonymous.contains("winning"));
  EXPECT_FALSE(anonymous.contains("buy_it_now_fen"));  // gone with the first bid
  EXPECT_NE(server_->Call({"POST", base + "/buy-it-now", R"({"amount_fen":900000})", b}).status,
            201u);

  // A fixed-price order on an auction is refused, naming the offer.
  auto order = server_->Call(
      {"POST", "/api/v1/orders",
       R"({"offer_id":")" + id + R"(","provider":"simulated","accepted_disclosure_version":1})",
       a});
  EXPECT_NE(order.status, 201u) << order.body;

  const std::string seq = std::to_string(second.at("your_bid_seq").as_int64());
  auto why = Call("POST", base + "/bids/retract",
                  R"({"seq":)" + seq + R"(,"reason":"changed my mind"})", b, 400);
  EXPECT_EQ(FieldOf(why), "reason");
  auto retracted = Call("POST", base + "/bids/retract",
                        R"({"seq":)" + seq + R"(,"reason":"typing_error"})", b, 200);
  EXPECT_EQ(retracted.at("bid_count").as_int64(), 1);
  EXPECT_EQ(Call("GET", base + "/auction", "", a, 200).at("price_fen").as_int64(), 250000);
}

TEST_P(AuctionHttpTest, BuyItNowBeforeAnyBidPlacesTheOrder) {
  const Headers a = NewBuyer("bidder.a");
  const std::string id = AuctionOffer();
  ASSERT_FALSE(id.empty());
  auto bought =
      Call("POST", "/api/v1/offers/" + id + "/buy-it-now", R"({"amount_fen":900000})", a, 201);
  EXPECT_EQ(Str(bought.at("phase")), "bought_now");
  const std::string order_id = Str(bought.at("order_id"));
  auto order = Call("GET", "/api/v1/orders/" + order_id, "", a, 200);
  EXPECT_EQ(order.at("price_fen").as_int64(), 900000);
}

// Issue 15 item 6: while the platform administrator has suspended the seller's organisation, its
// auctions take no bid and no Buy-It-Now (rule seller_suspended); after reactivation they do.
TEST_P(AuctionHttpTest, ASuspendedSellersAuctionTakesNoBids) {
  const Headers a = NewBuyer("bidder.a");
  const std::string id = AuctionOffer();
  ASSERT_FALSE(id.empty());
  const Headers admin = LogIn("admin", "recirc-demo");
  const std::string shop =
      Str(Call("GET", "/api/v1/offers/" + id, "", clerk_, 200).at("organisation_id"));
  const std::string path = "/api/v1/organisations/" + shop + "/status";
  Call("POST", path, R"({"status":"suspended","reason":"licence check"})", admin, 200);
  auto bid = Call("POST", "/api/v1/offers/" + id + "/bids", R"({"max_fen":120000})", a, 422);
  EXPECT_EQ(Str(bid.at("error").at("message_id")), "rule.seller_suspended");
  auto bin =
      Call("POST", "/api/v1/offers/" + id + "/buy-it-now", R"({"amount_fen":900000})", a, 422);
  EXPECT_EQ(Str(bin.at("error").at("message_id")), "rule.seller_suspended");
  Call("POST", path, R"({"status":"active","reason":"licence shown"})", admin, 200);
  Call("POST", "/api/v1/offers/" + id + "/bids", R"({"max_fen":120000})", a, 201);
}

// Issue 17 item 6 over HTTP: a Buy-It-Now ends the auction; after the sequencer has run, the
// item's public passport shows the auction opened and closed (a price band, the number of
// bidders), and nothing that names the buyer. The label is 竞价 (bidding) for an operator without
// an auction licence.
TEST_P(AuctionHttpTest, PassportShowsAuctionOpenedAndClosedWithoutTheBidder) {
  const Headers a = NewBuyer("bidder.a");
  const std::string buyer_id = Str(Call("GET", "/api/v1/session", "", a, 200).at("user").at("id"));
  const std::string id = AuctionOffer();
  ASSERT_FALSE(id.empty());
  auto state = Call("GET", "/api/v1/offers/" + id + "/auction", "", {}, 200);
  EXPECT_EQ(Str(state.at("label")), "bidding");
  auto bought =
      Call("POST", "/api/v1/offers/" + id + "/buy-it-now", R"({"amount_fen":900000})", a, 201);
  EXPECT_EQ(Str(bought.at("phase")), "bought_now");
  const std::string item = Str(Call("GET", "/api/v1/offers/" + id, "", {}, 200).at("item_id"));
  ASSERT_TRUE(server_->app().RunJournalOnce());

  auto passport = server_->Call({"GET", "/api/v1/items/" + item + "/passport"});
  ASSERT_EQ(passport.status, 200u) << passport.body;
  EXPECT_NE(passport.body.find("item.auction_opened"), std::string::npos) << passport.body;
  const auto closed = passport.body.find("item.auction_closed");
  ASSERT_NE(closed, std::string::npos) << passport.body;
  EXPECT_NE(passport.body.find("\"bidders\":1", closed), std::string::npos) << passport.body;
  EXPECT_NE(passport.body.find("\"outcome\":\"bought_now\"", closed), std::string::npos);
  EXPECT_EQ(passport.body.find(buyer_id), std::string::npos) << "the buyer's id is public";
  EXPECT_EQ(passport.body.find("bidder.a"), std::string::npos);
  EXPECT_EQ(passport.body.find("900000"), std::string::npos) << "an exact price is public";
}

INSTANTIATE_TEST_SUITE_P(Db, AuctionHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
