// Rentals over HTTP on both databases: a rental offer made with POST /rentals/offers and
// published like any offer, a buyer's booking at the cheapest period price, an overlapping
// booking refused (409 naming start), the public calendar without renters, cancellation, and
// pick-up and return by the shop with the deposit settled. Late returns are tested with a fake
// clock in the market module (rental_service_test.cpp); this server runs on the system clock.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "domain/market/rental_rules.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;
using market::rental::FormatDay;

class RentalHttpTest : public ::testing::TestWithParam<Backend> {
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
                                R"(","password":"a long password","display_name":"租客"})"});
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

  // Takes a published demo offer off the market and offers its item for rent; returns the
  // rental offer's id.
  std::string RentalOffer() {
    auto offers = Call("GET", "/api/v1/offers", "", clerk_, 200);
    const json::object* fixed = nullptr;
    for (const auto& o : offers.at("items").as_array()) {
      // A phone (its checklist grades "functional" and "cosmetic").
      if (o.at("status") == "published" && Str(o.at("title")).find("手机") != std::string::npos) {
        fixed = &o.as_object();
      }
    }
    EXPECT_NE(fixed, nullptr);
    if (fixed == nullptr) return "";
    const std::string item = Str(fixed->at("item_id"));
    const int64_t version = fixed->at("disclosure_version").as_int64();
    Call("POST", "/api/v1/offers/" + Str(fixed->at("id")) + "/withdraw", R"({"reason":"to rent"})",
         clerk_, 200);
    const std::string body = R"({"item_id":")" + item +
                             R"(","channel":"online","title":"iPhone 出租","day_fen":5000,)"
                             R"("week_fen":25000,"deposit_fen":100000,"min_days":1,)"
                             R"("max_days":30,"damage_fen_per_step":20000)";
    auto bad = Call("POST", "/api/v1/rentals/offers", body + R"(,"max_days":0})", clerk_, 400);
    EXPECT_EQ(Str(bad.at("error").at("field")), "max_days");
    auto made = Call("POST", "/api/v1/rentals/offers", body + "}", clerk_, 201);
    EXPECT_EQ(Str(made.at("sale_mode")), "rental");
    const std::string id = Str(made.at("id"));
    Call("POST", "/api/v1/offers/" + id + "/publish",
         R"({"disclosure_version":)" + std::to_string(version) + "}", clerk_, 200);
    return id;
  }

  std::unique_ptr<TestServer> server_;
  Headers clerk_;
};

TEST_P(RentalHttpTest, BookRefuseOverlapCancelPickUpAndReturnOverHttp) {
  const Headers a = NewBuyer("renter.a");
  const Headers b = NewBuyer("renter.b");
  const std::string id = RentalOffer();
  ASSERT_FALSE(id.empty());
  const auto today = market::rental::DayOf(SystemClock().Now());
  auto span = [&](int64_t from, int64_t to) {
    return R"({"start":")" + FormatDay(today + from) + R"(","end":")" + FormatDay(today + to) +
           "\"}";
  };
  const std::string offer = "/api/v1/rentals/offers/" + id;

  auto first = Call("POST", offer + "/bookings", span(0, 6), a, 201);
  EXPECT_EQ(first.at("price_fen").as_int64(), 25000);  // a week costs less than six days
  EXPECT_EQ(Str(first.at("status")), "booked");
  auto clash = Call("POST", offer + "/bookings", span(5, 8), b, 409);
  EXPECT_EQ(Str(clash.at("error").at("field")), "start");
  auto bad_day = Call("POST", offer + "/bookings", R"({"start":"2026-02-30","end":"x"})", b, 400);
  EXPECT_EQ(Str(bad_day.at("error").at("field")), "start");
  auto later = Call("POST", offer + "/bookings", span(10, 12), b, 201);

  auto calendar = Call("GET", offer + "/calendar", "", {}, 200);
  EXPECT_EQ(calendar.at("taken").as_array().size(), 2u);
  EXPECT_EQ(calendar.at("deposit_fen").as_int64(), 100000);
  EXPECT_EQ(json::serialize(calendar).find("renter"), std::string::npos);

  const std::string later_path = "/api/v1/rentals/bookings/" + Str(later.at("id"));
  Call("GET", later_path, "", a, 404);  // another buyer's booking
  Call("POST", later_path + "/cancel", R"({"reason":"plans changed"})", b, 200);
  EXPECT_EQ(Call("GET", offer + "/calendar", "", {}, 200).at("taken").as_array().size(), 1u);

  const std::string path = "/api/v1/rentals/bookings/" + Str(first.at("id"));
  Call("POST", path + "/pickup", R"({"grades":{"functional":"0","cosmetic":"B"}})", a, 403);
  auto missing = Call("POST", path + "/pickup", R"({"grades":{"functional":"0"}})", clerk_, 400);
  EXPECT_EQ(Str(missing.at("error").at("field")), "grades.cosmetic");
  auto picked =
      Call("POST", path + "/pickup",
           R"({"grades":{"functional":"0","cosmetic":"B"},"notes":"屏幕完好"})", clerk_, 200);
  EXPECT_EQ(Str(picked.at("status")), "picked_up");
  auto back = Call("POST", path + "/return", R"({"grades":{"functional":"0","cosmetic":"C"}})",
                   clerk_, 200);
  EXPECT_EQ(Str(back.at("status")), "returned");
  EXPECT_EQ(back.at("damage_fen").as_int64(), 20000);
  EXPECT_EQ(back.at("deposit_released_fen").as_int64(), 80000);
  EXPECT_EQ(back.at("owed_fen").as_int64(), 0);
  EXPECT_EQ(Str(Call("GET", path, "", a, 200).at("status")), "returned");
}

INSTANTIATE_TEST_SUITE_P(Db, RentalHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
