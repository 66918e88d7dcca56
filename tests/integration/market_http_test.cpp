// The marketplace over HTTP with the demo users, on both databases: an item without its
// certificate cannot be offered and the answer names the rule; a blocked listing reaches market
// supervision; a buyer's order goes through escrow; a second order for the same item is a 409;
// a return with a different serial is flagged.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>
#include <tuple>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/market_payloads.hpp"
#include "support/test_images.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class MarketHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string imei_;  // the last registered phone's IMEI
  // Search is fed by the journal on the runner's thread: ask (bounded) until the listing is
  // present, or absent, in the public search for `word`.
  bool SearchShows(const std::string& word, const std::string& listing, bool present) {
    for (int i = 0; i < 500; ++i) {
      auto r = server_->Call({"GET", "/api/v1/search?q=" + word});
      const bool found =
          r.status == 200 && r.body.find("\"listing_id\":\"" + listing + "\"") != std::string::npos;
      if (found == present) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  void SetUp() override {
    // No statutory hold period here, so a registered phone can be offered at once (the hold
    // itself is tested in src/domain/market/market_test.cpp and the registry tests).
    app::Config config;
    config.hold_policy.default_days = 0;
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogIn("shop.clerk", &shop_org_);
    inspector_ = LogIn("inspector");
  }
  Headers LogIn(const std::string& username, std::string* organisation_id = nullptr) {
    return LogInDemo(*server_, username, organisation_id);
  }
  json::object Post(const std::string& path, const std::string& body, const Headers& who,
                    unsigned expected) {
    auto r = server_->Call({"POST", path, body, who});
    EXPECT_EQ(r.status, expected) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  std::string Str(const json::value& v) { return std::string(v.as_string()); }
  std::string OrderPhoto(const std::string& order, const std::string& stage, Headers who) {
    return UploadOrderPhoto(*server_, order, stage, std::move(who));
  }
  std::string RegisterPhone(const std::string& fourteen) {
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org_ + "/outlets", "", clerk_}).body);
    const std::string outlet = Str(outlets.at("items").at(0).at("id"));
    const std::string imei = fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
    imei_ = imei;  // the dispatch records it (checked against the registered identifiers)
    auto r = Post("/api/v1/acquisitions",
                  R"({"outlet_id":")" + outlet +
                      R"(","kind":"purchase","channel":"store","price_fen":150000,)"
                      R"("payment_method":"cash","person_matches_id":true,)"
                      R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
                      R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X"},)"
                      R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
                      R"("identifiers":{"imei":")" +
                      imei + R"("},"condition":"九成新"}})",
                  clerk_, 201);
    return Str(r.at("item_id"));
  }
  std::string Offer(const std::string& item, const std::string& title) {
    auto r = Post("/api/v1/offers",
                  R"({"item_id":")" + item + R"(","channel":"online","title":")" + title +
                      R"(","price_fen":420000,"warranty_months":3,"return_days":7})",
                  clerk_, 201);
    return Str(r.at("id"));
  }
  int64_t DisclosureVersion(const std::string& item) {
    auto r = server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"});
    return json::parse(r.body).at("version").as_int64();
  }
  std::unique_ptr<TestServer> server_;
  std::string shop_org_;
  Headers clerk_, inspector_;
};

TEST_P(MarketHttpTest, APhoneIsOfferedBoughtReceivedAndReturnedWithTheWrongSerialFlagged) {
  const std::string item = RegisterPhone("86723405123460");
  Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
  // Too short a warranty for a phone, by rule.
  auto short_warranty = Post(
      "/api/v1/offers",
      R"({"item_id":")" + item +
          R"(","channel":"online","title":"Mate 60","price_fen":420000,"warranty_months":1,"return_days":7})",
      clerk_, 422);
  EXPECT_TRUE(Str(short_warranty.at("error").at("message")).starts_with("warranty_minimum:"));
  const std::string offer = Offer(item, "Mate 60 12+256");
  // Without its data sanitization certificate the phone cannot be offered; the answer says why.
  auto refused = Post("/api/v1/offers/" + offer + "/publish",
                      R"({"disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}",
                      clerk_, 422);
  EXPECT_TRUE(Str(refused.at("error").at("message")).starts_with("sanitization_required:"))
      << refused;
  Post("/api/v1/items/" + item + "/sanitizations", kMate60Wipe, clerk_, 201);
  const int64_t version = DisclosureVersion(item);
  auto published = Post("/api/v1/offers/" + offer + "/publish",
                        R"({"disclosure_version":)" + std::to_string(version) + "}", clerk_, 200);
  EXPECT_EQ(published.at("offer").at("status"), "published");
  EXPECT_EQ(server_->Call({"GET", "/api/v1/offers/" + offer}).status, 200u);
  // The published phone is found in the public search, and leaves it once ordered.
  EXPECT_TRUE(SearchShows("Mate", offer, true));

  auto order =
      Post("/api/v1/orders",
           R"({"offer_id":")" + offer +
               R"(","buyer_ref":"B-77","provider":"simulated","accepted_disclosure_version":)" +
               std::to_string(version) + "}",
           clerk_, 201);
  const std::string id = Str(order.at("id"));
  EXPECT_EQ(order.at("simulated"), true);
  EXPECT_TRUE(SearchShows("Mate", offer, false));
  auto second =
      Post("/api/v1/orders",
           R"({"offer_id":")" + offer +
               R"(","buyer_ref":"B-78","provider":"simulated","accepted_disclosure_version":)" +
               std::to_string(version) + "}",
           clerk_, 409);
  EXPECT_TRUE(Str(second.at("error").at("message")).starts_with("offer_taken:"));
  Post("/api/v1/orders/" + id + "/pay", R"({"amount_fen":1})", clerk_, 400);
  Post("/api/v1/orders/" + id + "/pay", R"({"amount_fen":420000})", clerk_, 200);
  const std::string photo = OrderPhoto(id, "dispatch", clerk_);
  Post("/api/v1/orders/" + id + "/dispatch",
       R"({"method":"shipping","serials":[")" + imei_ + R"("],"photos":[")" + photo + R"("]})",
       clerk_, 200);
  Post("/api/v1/orders/" + id + "/receive", R"({"condition":"as_described"})", clerk_, 200);
  auto ret = Post("/api/v1/orders/" + id + "/returns",
                  R"({"serials":["SN999"],"reason":"不想要了"})", clerk_, 201);
  EXPECT_EQ(ret.at("flagged"), true);
  auto flagged = Post("/api/v1/returns/" + Str(ret.at("id")) + "/accept",
                      R"({"refund_fen":420000})", clerk_, 422);
  EXPECT_TRUE(Str(flagged.at("error").at("message")).starts_with("serial_mismatch:"));
  auto refunded = Post("/api/v1/returns/" + Str(ret.at("id")) + "/accept",
                       R"({"refund_fen":420000,"override_flag":true})", clerk_, 200);
  auto after = json::parse(server_->Call({"GET", "/api/v1/orders/" + id, "", clerk_}).body);
  EXPECT_EQ(after.at("state"), "refunded");
  EXPECT_EQ(after.at("refunded_fen"), 420000);
  // Another shop's user, and an anonymous caller, do not see the order.
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id, "", inspector_}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id}).status, 401u);
}

TEST_P(MarketHttpTest, ACheckoutWithADeliveryAddressShowsItOnTheShopsOrderOnly) {
  const std::string item = RegisterPhone("86723405123478");
  Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
  const std::string offer = Offer(item, "Mate 60 12+256");
  Post("/api/v1/items/" + item + "/sanitizations", kMate60Wipe, clerk_, 201);
  const int64_t version = DisclosureVersion(item);
  Post("/api/v1/offers/" + offer + "/publish",
       R"({"disclosure_version":)" + std::to_string(version) + "}", clerk_, 200);
  const std::string head =
      R"({"offer_id":")" + offer +
      R"(","buyer_ref":"B-90","provider":"simulated","accepted_disclosure_version":)" +
      std::to_string(version);
  auto bad_phone =
      Post("/api/v1/orders",
           head + R"(,"delivery":{"mode":"delivery","recipient":"李四","phone":"12345",)"
                  R"("address":"建国路 88 号","region_code":"110105"}})",
           clerk_, 400);
  EXPECT_EQ(Str(bad_phone.at("error").at("field")), "delivery.phone");
  auto no_address = Post("/api/v1/orders",
                         head + R"(,"delivery":{"mode":"delivery","recipient":"李四",)"
                                R"("phone":"13800138000","region_code":"110105"}})",
                         clerk_, 400);
  EXPECT_EQ(Str(no_address.at("error").at("field")), "delivery.address");
  auto order =
      Post("/api/v1/orders",
           head + R"(,"delivery":{"mode":"delivery","recipient":"李四",)"
                  R"("phone":"13800138000","address":"建国路 88 号","region_code":"110105"}})",
           clerk_, 201);
  const std::string id = Str(order.at("id"));
  auto seen = json::parse(server_->Call({"GET", "/api/v1/orders/" + id, "", clerk_}).body);
  const auto& delivery = seen.at("delivery");
  EXPECT_EQ(delivery.at("mode"), "delivery");
  EXPECT_EQ(delivery.at("phone"), "13800138000");
  EXPECT_EQ(delivery.at("address"), "建国路 88 号");
  EXPECT_EQ(delivery.at("region_code"), "110105");
  // Not in the shop's order list, and not for staff of another organisation.
  auto list = server_->Call({"GET", "/api/v1/orders", "", clerk_});
  EXPECT_EQ(list.body.find("13800138000"), std::string::npos);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id, "", inspector_}).status, 404u);
}

TEST_P(MarketHttpTest, TheShopsInventoryShowsStatusAndFindsAnItemByImei) {
  const std::string item = RegisterPhone("86723405123486");
  const std::string imei = imei_;
  RegisterPhone("86723405123494");
  Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
  auto get = [&](const std::string& query, const Headers& who) {
    return server_->Call({"GET", "/api/v1/inventory" + query, "", who});
  };
  auto all = get("", clerk_);
  ASSERT_EQ(all.status, 200u) << all.body;
  EXPECT_EQ(json::parse(all.body).at("items").as_array().size(), 2u);
  auto found = get("?imei=" + imei, clerk_);
  ASSERT_EQ(found.status, 200u) << found.body;
  const auto items = json::parse(found.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Str(items[0].at("item_id")), item);
  EXPECT_EQ(items[0].at("status"), "inspected");  // no hold period in this server
  EXPECT_EQ(items[0].at("next_step"), "offer");
  EXPECT_EQ(json::parse(get("?status=inspected", clerk_).body).at("items").as_array().size(), 1u);
  auto bad = get("?status=lost", clerk_);
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(Str(json::parse(bad.body).at("error").at("field")), "status");
  EXPECT_EQ(get("", inspector_).status, 403u);
}

TEST_P(MarketHttpTest, TheSellerListsTheBestOffersOfAnOffer) {
  const std::string item = RegisterPhone("86723405123478");
  Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
  Post("/api/v1/items/" + item + "/sanitizations", kMate60Wipe, clerk_, 201);
  auto created = Post("/api/v1/offers",
                      R"({"item_id":")" + item +
                          R"(","channel":"online","title":"Mate 60","price_fen":420000,)"
                          R"("warranty_months":3,"return_days":7,)"
                          R"("best_offer":{"enabled":true,"auto_decline_fen":300000}})",
                      clerk_, 201);
  const std::string offer = Str(created.at("id"));
  Post("/api/v1/offers/" + offer + "/publish",
       R"({"disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}", clerk_, 200);
  auto pending = Post("/api/v1/offers/" + offer + "/best-offers",
                      R"({"buyer_ref":"B-9","amount_fen":380000})", clerk_, 201);
  Post("/api/v1/offers/" + offer + "/best-offers", R"({"buyer_ref":"B-10","amount_fen":100000})",
       clerk_, 201);
  auto r = server_->Call({"GET", "/api/v1/offers/" + offer + "/best-offers", "", clerk_});
  ASSERT_EQ(r.status, 200u) << r.body;
  auto items = json::parse(r.body).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  for (const auto& b : items) {
    if (b.at("id") == pending.at("id")) {
      EXPECT_EQ(b.at("status"), "pending");
      EXPECT_EQ(b.at("amount_fen"), 380000);
      EXPECT_EQ(b.at("buyer_ref"), "B-9");
    } else {
      EXPECT_EQ(b.at("status"), "declined");
      EXPECT_EQ(b.at("amount_fen"), 100000);
    }
  }
  // Only the offering organisation's market staff see them.
  EXPECT_EQ(
      server_->Call({"GET", "/api/v1/offers/" + offer + "/best-offers", "", inspector_}).status,
      403u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/offers/" + offer + "/best-offers"}).status, 401u);
  EXPECT_EQ(
      server_->Call({"GET", "/api/v1/offers/01M82QGDFSEZ4VR0P0J7CYX2FC/best-offers", "", clerk_})
          .status,
      404u);
}

TEST_P(MarketHttpTest, ABlockedListingIsSeenAppealedAndLiftedByMarketSupervision) {
  const std::string item = RegisterPhone("86723405123461");
  Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
  Post("/api/v1/items/" + item + "/sanitizations", kMate60Wipe, clerk_, 201);
  const std::string offer = Offer(item, "Mate 60 高仿");
  auto blocked = Post("/api/v1/offers/" + offer + "/publish",
                      R"({"disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}",
                      clerk_, 200);
  EXPECT_EQ(blocked.at("offer").at("status"), "blocked");
  EXPECT_EQ(blocked.at("block").at("rule"), "counterfeit_wording");
  const std::string block = Str(blocked.at("block").at("id"));
  auto market = LogIn("market");
  auto seen =
      json::parse(server_->Call({"GET", "/api/v1/supervision/listing-blocks", "", market}).body);
  ASSERT_EQ(seen.at("items").as_array().size(), 1u);
  EXPECT_EQ(seen.at("items").at(0).at("id"), json::value(block));
  Post("/api/v1/listing-blocks/" + block + "/appeal", R"({"statement":"正品，附发票"})", clerk_,
       200);
  Post("/api/v1/listing-blocks/" + block + "/decision", R"({"decision":"lift","note":"ok"})",
       clerk_, 403);
  auto lifted = Post("/api/v1/listing-blocks/" + block + "/decision",
                     R"({"decision":"lift","note":"发票属实"})", market, 200);
  EXPECT_EQ(lifted.at("status"), "lifted");
}

TEST_P(MarketHttpTest, AMalformedListingBlockIdIsRefusedNamingTheField) {
  auto market = LogIn("market");
  for (const auto& [method, path, body] :
       {std::tuple<std::string, std::string, std::string>{"GET", "/api/v1/listing-blocks/nope", ""},
        {"POST", "/api/v1/listing-blocks/nope/decision", R"({"decision":"lift","note":"x"})"}}) {
    auto r = server_->Call({method, path, body, market});
    EXPECT_EQ(r.status, 400u) << path << ": " << r.body;
    EXPECT_EQ(json::parse(r.body).at("error").at("field"), "id") << path;
  }
  auto appeal =
      server_->Call({"POST", "/api/v1/listing-blocks/nope/appeal", R"({"statement":"x"})", clerk_});
  EXPECT_EQ(appeal.status, 400u) << appeal.body;
  // A well-formed id that names no block is still not found.
  auto missing =
      server_->Call({"GET", "/api/v1/listing-blocks/01M82QGDFSEZ4VR0P0J7CYX2FC", "", market});
  EXPECT_EQ(missing.status, 404u) << missing.body;
}

INSTANTIATE_TEST_SUITE_P(Db, MarketHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
