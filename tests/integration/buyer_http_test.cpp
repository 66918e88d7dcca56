// Buyer accounts over HTTP on both databases (docs/market.md "Buyer accounts"): opening an
// account (bad fields named, a taken username 409, rate limited), logging in with market.buy,
// buying without a buyer_ref, the buyer's own orders (another buyer's order is a 404), and the
// public photos of an offer (item photos only, never the ID document, only while it is public).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <set>
#include <thread>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "crypto/token.hpp"
#include "support/market_payloads.hpp"
#include "support/test_images.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

const char* kWipe =
    R"({"manufacturer":"Apple","model":"iPhone 13","serial":"SN123","media_type":"flash",)"
    R"("media_source":"internal storage","level":"purge","method":"block_erase",)"
    R"("tool":"wipe","tool_version":"1.0","verification_method":"read-back",)"
    R"("verification_result":"passed",)"
    R"("sanitizer":{"name":"A","title":"tech","date":"2026-12-01","place":"Beijing"},)"
    R"("verifier":{"name":"B","title":"lead","date":"2026-12-01","place":"Beijing"},)"
    R"("consent":{"given":true,"scope":"all user data","method_explained":true,"date":"2026-12-01"},)"
    R"("destination":"resale"})";

std::string Png(const std::string& marker) {
  return std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR-test-" + marker;
}

class BuyerHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string imei_;  // the last registered phone's IMEI
  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 0;  // the hold period is tested in market_test.cpp
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogIn("shop.clerk", "recirc-demo", &shop_org_);
    inspector_ = LogIn("inspector", "recirc-demo");
  }
  Headers LogIn(const std::string& username, const std::string& password,
                std::string* organisation_id = nullptr, json::object* session = nullptr) {
    auto r =
        server_->Call({"POST", "/api/v1/session",
                       R"({"username":")" + username + R"(","password":")" + password + "\"}"});
    EXPECT_EQ(r.status, 200u) << r.body;
    auto body = json::parse(r.body).as_object();
    if (organisation_id)
      *organisation_id = std::string(body["organisation"].as_object()["id"].as_string());
    if (session) *session = body;
    const std::string cookie = r.Header("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", std::string(body["csrf_token"].as_string())}};
  }
  HttpResult Register(const std::string& body) {
    return server_->Call({"POST", "/api/v1/buyers", body});
  }
  // Opens an account and logs in.
  Headers NewBuyer(const std::string& username) {
    auto r = Register(R"({"username":")" + username +
                      R"(","password":"a long password","display_name":"买家 )" + username + "\"}");
    EXPECT_EQ(r.status, 201u) << r.body;
    return LogIn(username, "a long password");
  }
  json::object Post(const std::string& path, const std::string& body, const Headers& who,
                    unsigned expected) {
    auto r = server_->Call({"POST", path, body, who});
    EXPECT_EQ(r.status, expected) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  // A member's text; "(absent)" when the object has none.
  static std::string Member(const json::value& v, const std::string& key) {
    const auto* m = v.as_object().if_contains(key);
    return m && m->is_string() ? std::string(m->as_string()) : "(absent)";
  }
  static std::string FieldOf(const HttpResult& r) {
    return Str(json::parse(r.body).at("error").at("field"));
  }
  // Registers a phone at the shop; returns {item id, acquisition id}.
  std::pair<std::string, std::string> RegisterPhone(const std::string& fourteen) {
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
                      R"("item":{"category":"phone","brand":"Apple","model":"iPhone 13",)"
                      R"("identifiers":{"imei":")" +
                      imei + R"("},"condition":"九成新"}})",
                  clerk_, 201);
    return {Str(r.at("item_id")), Str(r.at("id"))};
  }
  void UploadPhoto(const std::string& acquisition, const std::string& kind,
                   const std::string& bytes) {
    Headers who = clerk_;
    who.emplace_back("Content-Type", "image/png");
    auto r = server_->Call(
        {"POST", "/api/v1/acquisitions/" + acquisition + "/photos?kind=" + kind, bytes, who});
    EXPECT_EQ(r.status, 201u) << r.body;
  }
  int64_t DisclosureVersion(const std::string& item) {
    auto r = server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"});
    return json::parse(r.body).at("version").as_int64();
  }
  // An inspected, sanitized phone offered online; returns the offer id (a draft unless
  // `publish`).
  std::string OfferPhone(const std::string& item, bool publish = true) {
    Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
    Post("/api/v1/items/" + item + "/sanitizations", kWipe, clerk_, 201);
    auto offer = Post("/api/v1/offers",
                      R"({"item_id":")" + item +
                          R"(","channel":"online","title":"iPhone 13 手机","price_fen":420000,)"
                          R"("warranty_months":3,"return_days":7})",
                      clerk_, 201);
    const std::string id = Str(offer.at("id"));
    if (publish) {
      Post("/api/v1/offers/" + id + "/publish",
           R"({"disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}", clerk_,
           200);
    }
    return id;
  }
  std::string OrderBody(const std::string& offer, const std::string& item,
                        const std::string& extra = "") {
    return R"({"offer_id":")" + offer + R"(","provider":"simulated",)" + extra +
           R"("accepted_disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}";
  }

  std::unique_ptr<TestServer> server_;
  std::string shop_org_;
  Headers clerk_, inspector_;
};

TEST_P(BuyerHttpTest, ABuyerOpensAnAccountAndLogsInWithMarketBuy) {
  auto created =
      Register(R"({"username":"mei.chen","password":"a long password","display_name":"陈美"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  auto user = json::parse(created.body).at("user").as_object();
  EXPECT_EQ(user.at("username"), "mei.chen");
  EXPECT_EQ(user.at("display_name"), "陈美");
  EXPECT_EQ(user.at("role"), "buyer");
  EXPECT_EQ(created.body.find("password"), std::string::npos);

  json::object session;
  std::string organisation;
  LogIn("mei.chen", "a long password", &organisation, &session);
  EXPECT_EQ(session.at("user").at("role"), "buyer");
  EXPECT_EQ(session.at("organisation").at("kind"), "buyers");
  std::set<std::string> permissions;
  for (const auto& p : session.at("permissions").as_array()) permissions.insert(Str(p));
  EXPECT_EQ(permissions, std::set<std::string>{"market.buy"});

  // A second buyer joins the same node-wide organisation (the demo buyer is in it too).
  std::string second_organisation;
  NewBuyer("li.wei");
  LogIn("li.wei", "a long password", &second_organisation);
  EXPECT_EQ(second_organisation, organisation);
  std::string demo_organisation;
  LogIn("buyer", "recirc-demo", &demo_organisation);
  EXPECT_EQ(demo_organisation, organisation);
  // Nobody makes another buyers organisation by hand.
  auto admin = LogIn("admin", "recirc-demo");
  auto refused =
      server_->Call({"POST", "/api/v1/organisations",
                     R"({"kind":"buyers","name":"Other buyers","region_code":"110000"})", admin});
  EXPECT_EQ(refused.status, 400u) << refused.body;
  EXPECT_EQ(FieldOf(refused), "kind");
}

TEST_P(BuyerHttpTest, BadFieldsAreNamedAndATakenUsernameIsAConflict) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"password":"a long password","display_name":"A"})", "username"},
      {R"({"username":"ab","password":"a long password","display_name":"A"})", "username"},
      {R"({"username":"Upper Case","password":"a long password","display_name":"A"})", "username"},
      {R"({"username":"good.name","password":"short","display_name":"A"})", "password"},
      {R"({"username":"good.name","password":"a long password"})", "display_name"},
      {R"({"username":"good.name","password":"a long password","display_name":" A"})",
       "display_name"},
      {R"({"username":"good.name","password":"a long password","display_name":"A","role":"x"})",
       "role"},
  };
  for (const auto& [body, field] : cases) {
    auto r = Register(body);
    EXPECT_EQ(r.status, 400u) << body << ": " << r.body;
    EXPECT_EQ(FieldOf(r), field) << body;
  }
  // Taken: by another buyer, and by a staff account.
  ASSERT_EQ(
      Register(R"({"username":"mei","password":"a long password","display_name":"A"})").status,
      201u);
  for (const std::string name : {"mei", "shop.clerk"}) {
    auto taken = Register(R"({"username":")" + name +
                          R"(","password":"a long password","display_name":"B"})");
    EXPECT_EQ(taken.status, 409u) << taken.body;
    EXPECT_EQ(FieldOf(taken), "username");
  }
  // The staff account is unchanged: its password still works.
  LogIn("shop.clerk", "recirc-demo");
}

TEST_P(BuyerHttpTest, RegistrationIsRateLimitedPerAddressLikeLogin) {
  // Every attempt counts (each name here is too short), so a client cannot keep probing.
  unsigned last = 0;
  int attempts = 0;
  for (; attempts < 40 && last != 429; ++attempts) {
    last = Register(R"({"username":"u)" + std::to_string(attempts) +
                    R"(","password":"a long password","display_name":"A"})")
               .status;
  }
  EXPECT_EQ(last, 429u);
  EXPECT_EQ(attempts, 31) << "30 attempts per address in 15 minutes, as for login";
  auto blocked =
      Register(R"({"username":"fine.name","password":"a long password","display_name":"A"})");
  EXPECT_EQ(blocked.status, 429u);
  EXPECT_FALSE(blocked.Header("Retry-After").empty());
}

TEST_P(BuyerHttpTest, ABuyerBuysWithoutABuyerRefAndSeesOnlyTheirOwnOrders) {
  const Headers a = NewBuyer("buyer.a");
  const Headers b = NewBuyer("buyer.b");
  const auto [item, acquisition] = RegisterPhone("86723405123461");
  const std::string offer = OfferPhone(item);

  // A buyer account names no buyer_ref: refused, naming it.
  auto with_ref =
      server_->Call({"POST", "/api/v1/orders", OrderBody(offer, item, R"("buyer_ref":"B-1",)"), a});
  EXPECT_EQ(with_ref.status, 400u) << with_ref.body;
  EXPECT_EQ(FieldOf(with_ref), "buyer_ref");
  // Staff at the counter still must name one.
  auto no_ref = server_->Call({"POST", "/api/v1/orders", OrderBody(offer, item), clerk_});
  EXPECT_EQ(no_ref.status, 400u) << no_ref.body;
  EXPECT_EQ(FieldOf(no_ref), "buyer_ref");

  auto order = Post("/api/v1/orders", OrderBody(offer, item), a, 201);
  const std::string id = Str(order.at("id"));
  EXPECT_TRUE(order.at("buyer_ref").is_null());
  EXPECT_EQ(order.at("state"), "placed");

  // Buyer A sees it in their own list and by id; buyer B sees nothing and gets 404 for it.
  auto mine = server_->Call({"GET", "/api/v1/orders/mine", "", a});
  ASSERT_EQ(mine.status, 200u) << mine.body;
  auto items = json::parse(mine.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Str(items[0].at("id")), id);
  EXPECT_EQ(json::parse(server_->Call({"GET", "/api/v1/orders/mine", "", b}).body)
                .at("items")
                .as_array()
                .size(),
            0u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id, "", a}).status, 200u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id, "", b}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id + "/after-sales", "", b}).status, 404u);
  EXPECT_EQ(server_->Call({"POST", "/api/v1/orders/" + id + "/pay", R"({"amount_fen":420000})", b})
                .status,
            404u);
  EXPECT_EQ(
      server_->Call({"POST", "/api/v1/orders/" + id + "/cancel", R"({"reason":"not mine"})", b})
          .status,
      404u);
  // A buyer does not see the shop's order list.
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders", "", a}).status, 403u);

  // A pays; the shop (which sees its organisation's orders as before) dispatches; A receives.
  Post("/api/v1/orders/" + id + "/pay", R"({"amount_fen":420000})", a, 200);
  const std::string photo = UploadOrderPhoto(*server_, id, "dispatch", clerk_);
  ASSERT_FALSE(photo.empty());
  Post("/api/v1/orders/" + id + "/dispatch",
       R"({"method":"shipping","serials":[")" + imei_ + R"("],"photos":[")" + photo +
           R"("],"tracking":"SF1"})",
       clerk_, 200);
  EXPECT_EQ(server_
                ->Call({"POST", "/api/v1/orders/" + id + "/receive",
                        R"({"condition":"as_described"})", b})
                .status,
            404u);
  auto received =
      Post("/api/v1/orders/" + id + "/receive", R"({"condition":"as_described"})", a, 200);
  EXPECT_EQ(received.at("state"), "received");
  EXPECT_EQ(server_
                ->Call({"POST", "/api/v1/orders/" + id + "/warranty-claims",
                        R"({"fault":"screen flickers"})", b})
                .status,
            404u);
  EXPECT_EQ(server_
                ->Call({"POST", "/api/v1/orders/" + id + "/returns",
                        R"({"serials":[")" + imei_ + R"("],"reason":"changed my mind"})", b})
                .status,
            404u);
  Post("/api/v1/orders/" + id + "/warranty-claims", R"({"fault":"screen flickers"})", a, 201);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id + "/after-sales", "", a}).status, 200u);
}

TEST_P(BuyerHttpTest, MyOrdersArePagedNewestFirstWithACursor) {
  const Headers a = NewBuyer("buyer.pages");
  std::vector<std::string> ids;
  for (const std::string fourteen : {"86723405123462", "86723405123463", "86723405123464"}) {
    const auto [item, acquisition] = RegisterPhone(fourteen);
    const std::string offer = OfferPhone(item);
    ids.push_back(Str(Post("/api/v1/orders", OrderBody(offer, item), a, 201).at("id")));
  }
  auto first =
      json::parse(server_->Call({"GET", "/api/v1/orders/mine?limit=2", "", a}).body).as_object();
  ASSERT_EQ(first.at("items").as_array().size(), 2u);
  EXPECT_EQ(Str(first.at("items").at(0).at("id")), ids[2]);
  EXPECT_EQ(Str(first.at("items").at(1).at("id")), ids[1]);
  ASSERT_TRUE(first.at("next_cursor").is_string());
  auto second =
      json::parse(
          server_
              ->Call({"GET", "/api/v1/orders/mine?limit=2&cursor=" + Str(first.at("next_cursor")),
                      "", a})
              .body)
          .as_object();
  ASSERT_EQ(second.at("items").as_array().size(), 1u);
  EXPECT_EQ(Str(second.at("items").at(0).at("id")), ids[0]);
  EXPECT_TRUE(second.at("next_cursor").is_null());
  auto bad = server_->Call({"GET", "/api/v1/orders/mine?limit=1000", "", a});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(FieldOf(bad), "limit");
  auto bad_cursor = server_->Call({"GET", "/api/v1/orders/mine?cursor=nonsense", "", a});
  EXPECT_EQ(bad_cursor.status, 400u);
  EXPECT_EQ(FieldOf(bad_cursor), "cursor");
}

TEST_P(BuyerHttpTest, OfferPhotosArePublicItemPhotosNeverTheIdDocument) {
  const auto [item, acquisition] = RegisterPhone("86723405123465");
  const std::string front = ColourPng(), id_card = Png("id-card");  // item photos are decoded
  UploadPhoto(acquisition, "item", front);
  UploadPhoto(acquisition, "id_document", id_card);
  const std::string offer = OfferPhone(item, /*publish=*/false);
  const std::string base = "/api/v1/offers/" + offer + "/photos";
  // A draft is not public: neither are its photos.
  EXPECT_EQ(server_->Call({"GET", base}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", base + "/" + crypto::Sha256Hex(front)}).status, 404u);
  Post("/api/v1/offers/" + offer + "/publish",
       R"({"disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}", clerk_, 200);

  auto list = server_->Call({"GET", base});  // no session
  ASSERT_EQ(list.status, 200u) << list.body;
  auto items = json::parse(list.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u) << "the item photo only";
  EXPECT_EQ(Str(items[0].at("sha256")), crypto::Sha256Hex(front));
  EXPECT_EQ(items[0].at("content_type"), "image/png");

  auto bytes = server_->Call({"GET", base + "/" + crypto::Sha256Hex(front)});
  ASSERT_EQ(bytes.status, 200u);
  EXPECT_EQ(bytes.body, front);
  EXPECT_EQ(bytes.Header("Content-Type"), "image/png");
  EXPECT_NE(bytes.Header("Cache-Control").find("immutable"), std::string::npos);
  // The ID document is never served here, not even to its own shop or by its exact hash.
  EXPECT_EQ(server_->Call({"GET", base + "/" + crypto::Sha256Hex(id_card)}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", base + "/" + crypto::Sha256Hex(id_card), "", clerk_}).status,
            404u);
  EXPECT_EQ(server_->Call({"GET", base + "/" + std::string(64, '0')}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", base + "/not-a-hash"}).status, 404u);

  // Withdrawn: no longer public.
  Post("/api/v1/offers/" + offer + "/withdraw", R"({"reason":"sold elsewhere"})", clerk_, 200);
  EXPECT_EQ(server_->Call({"GET", base}).status, 404u);
}

// What a buyer sees of an offer besides its terms (issue 15 item 7): the selling shop's name and
// outlet on the offer page and the result card, the first photo on the card, and on their own
// order list the title, seller and photo of what they bought.
TEST_P(BuyerHttpTest, OfferPageCardsAndMyOrdersNameTheSellerTitleAndPhoto) {
  const Headers a = NewBuyer("buyer.cards");
  const auto [item, acquisition] = RegisterPhone("86723405123466");
  const std::string front = ColourPng();
  UploadPhoto(acquisition, "item", front);
  Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
  Post("/api/v1/items/" + item + "/sanitizations", kWipe, clerk_, 201);
  auto outlets = json::parse(
      server_->Call({"GET", "/api/v1/organisations/" + shop_org_ + "/outlets", "", clerk_}).body);
  const std::string outlet = Str(outlets.at("items").at(0).at("id"));
  const std::string outlet_name = Str(outlets.at("items").at(0).at("name"));
  auto created =
      Post("/api/v1/offers",
           R"({"item_id":")" + item + R"(","outlet_id":")" + outlet +
               R"(","channel":"online","title":"Apple iPhone13 128GB","price_fen":420000,)"
               R"("warranty_months":3,"return_days":7})",
           clerk_, 201);
  const std::string offer = Str(created.at("id"));
  Post("/api/v1/offers/" + offer + "/publish",
       R"({"disclosure_version":)" + std::to_string(DisclosureVersion(item)) + "}", clerk_, 200);

  // The offer page, without a session: the shop and its outlet by name.
  auto page = json::parse(server_->Call({"GET", "/api/v1/offers/" + offer}).body).as_object();
  EXPECT_EQ(Member(page, "seller_name"), "绿循环回收 Green Loop Recycling");
  EXPECT_EQ(Member(page, "outlet_name"), outlet_name);

  // The result card: found by 苹果 and by iphone 13, with the seller and the first photo.
  json::object hit;
  for (int i = 0; i < 500 && hit.empty(); ++i) {  // the journal runner indexes it on its thread
    auto found = json::parse(server_->Call({"GET", "/api/v1/search?q=%E8%8B%B9%E6%9E%9C"}).body);
    if (!found.at("items").as_array().empty())
      hit = found.at("items").at(0).as_object();
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(hit.empty()) << "苹果 finds the Apple phone";
  EXPECT_EQ(Str(hit.at("listing_id")), offer);
  EXPECT_EQ(Member(hit, "seller_name"), "绿循环回收 Green Loop Recycling");
  EXPECT_EQ(Member(hit, "outlet_name"), outlet_name);
  EXPECT_EQ(Member(hit, "photo"), crypto::Sha256Hex(front));
  auto split = json::parse(server_->Call({"GET", "/api/v1/search?q=iphone%2013"}).body);
  EXPECT_EQ(split.at("items").as_array().size(), 1u);

  // The buyer's own orders: what was bought, by whom, with its photo.
  Post("/api/v1/orders", OrderBody(offer, item), a, 201);
  auto mine = json::parse(server_->Call({"GET", "/api/v1/orders/mine", "", a}).body);
  ASSERT_EQ(mine.at("items").as_array().size(), 1u);
  const auto& line = mine.at("items").at(0);
  EXPECT_EQ(Member(line, "title"), "Apple iPhone13 128GB");
  EXPECT_EQ(Member(line, "seller_name"), "绿循环回收 Green Loop Recycling");
  EXPECT_EQ(Member(line, "photo"), crypto::Sha256Hex(front));
}

INSTANTIATE_TEST_SUITE_P(Db, BuyerHttpTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace recirc::testing
