#pragma once
// The parties of the market tests (docs/security.md, "Who may act on a best offer or an order"):
// the demo shop's clerk (the seller) and the demo buyer, and two outsiders: another operator's
// staff (`other_`) and a second buyer account (`stranger_`). Helpers put an offer, a best offer
// or an order in the state a route needs, and `Refused` checks that an outsider is turned away
// and that nothing the parties see has changed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <vector>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/market_payloads.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {

class MarketTenancyTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string imei_;  // the last registered phone's IMEI
  struct Listed {
    std::string item, offer, report;
    std::string version;  // the disclosure version, as JSON
  };
  enum class Stage { kPlaced, kPaid, kDispatched, kReceived };

  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 0;  // offered at once; holds are tested elsewhere
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org_);
    inspector_ = LogInDemo(*server_, "inspector");
    buyer_ = LogInDemo(*server_, "buyer");
    auto& directory = server_->app().directory();
    const auto system = identity::Principal::System();
    auto other =
        directory.CreateOrganisation(system, {"operator", "别家回收", std::nullopt, "110105"});
    ASSERT_TRUE(other) << other.error().message;
    ASSERT_TRUE(directory.CreateUser(
        system, OrganisationId::Stored(other->id),
        {"other.clerk", "别家店员", "operator_staff", std::string(app::kDemoPassword)}));
    other_ = LogInDemo(*server_, "other.clerk");
    auto r = server_->Call({"POST", "/api/v1/buyers",
                            R"({"username":"buyer.two","password":"a long password",)"
                            R"("display_name":"另一位买家"})"});
    ASSERT_EQ(r.status, 201u) << r.body;
    auto login = server_->Call(
        {"POST", "/api/v1/session", R"({"username":"buyer.two","password":"a long password"})"});
    ASSERT_EQ(login.status, 200u) << login.body;
    const std::string cookie = login.Header("Set-Cookie");
    stranger_ = {{"Cookie", cookie.substr(0, cookie.find(';'))},
                 {"X-CSRF-Token", Str(boost::json::parse(login.body).at("csrf_token"))}};
  }

  static std::string Str(const boost::json::value& v) { return std::string(v.as_string()); }

  boost::json::value Call(const std::string& method, const std::string& path,
                          const std::string& body, const Headers& who, unsigned expected) {
    auto r = server_->Call({method, path, body, who});
    EXPECT_EQ(r.status, expected) << method << " " << path << " " << body << ": " << r.body;
    if (r.body.empty()) return nullptr;
    boost::system::error_code ec;
    auto v = boost::json::parse(r.body, ec);
    return ec ? boost::json::value(r.body) : v;
  }
  boost::json::value Post(const std::string& path, const std::string& body, const Headers& who,
                          unsigned expected) {
    return Call("POST", path, body, who, expected);
  }
  boost::json::value Get(const std::string& path, const Headers& who) {
    return Call("GET", path, "", who, 200);
  }

  // A phone registered, inspected and sanitized at the shop, offered online at 4 200 yuan
  // (best offers taken when `best_offer`; sold from the shop's first outlet when `from_outlet`)
  // and published.
  Listed Publish(bool best_offer = false, bool from_outlet = false) {
    const std::string fourteen = "8672340512" + std::to_string(3400 + phones_++);
    const std::string imei = fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
    imei_ = imei;  // the dispatch records it (checked against the registered identifiers)
    auto outlets = Get("/api/v1/organisations/" + shop_org_ + "/outlets", clerk_);
    const std::string outlet = Str(outlets.at("items").at(0).at("id"));
    Listed l;
    l.item = Str(Post("/api/v1/acquisitions",
                      R"({"outlet_id":")" + outlet +
                          R"(","kind":"purchase","channel":"store","price_fen":150000,)"
                          R"("payment_method":"cash","person_matches_id":true,)"
                          R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
                          R"("name":"李四","id_type":"resident_id",)"
                          R"("id_number":"11010519491231002X"},)"
                          R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
                          R"("identifiers":{"imei":")" +
                          imei + R"("},"condition":"九成新"}})",
                      clerk_, 201)
                     .at("item_id"));
    l.report =
        Str(Post("/api/v1/items/" + l.item + "/inspections", kPhoneInspection, inspector_, 201)
                .at("report")
                .at("id"));
    Post("/api/v1/items/" + l.item + "/sanitizations", kMate60Wipe, clerk_, 201);
    l.offer = Str(Post("/api/v1/offers",
                       R"({"item_id":")" + l.item +
                           (from_outlet ? R"(","outlet_id":")" + outlet : std::string()) +
                           R"(","channel":"online","title":"Mate 60","price_fen":420000,)"
                           R"("warranty_months":3,"return_days":7,"best_offer":{"enabled":)" +
                           (best_offer ? "true" : "false") + "}}",
                       clerk_, 201)
                      .at("id"));
    l.version = boost::json::serialize(
        Get("/api/v1/items/" + l.item + "/disclosure", clerk_).at("version"));
    Post("/api/v1/offers/" + l.offer + "/publish", R"({"disclosure_version":)" + l.version + "}",
         clerk_, 200);
    return l;
  }

  // The demo buyer's own order (simulated payment), brought to `stage`; returns its id.
  std::string Order(const Listed& l, Stage stage) {
    const std::string id =
        Str(Post("/api/v1/orders",
                 R"({"offer_id":")" + l.offer +
                     R"(","provider":"simulated","accepted_disclosure_version":)" + l.version + "}",
                 buyer_, 201)
                .at("id"));
    const std::string path = "/api/v1/orders/" + id;
    if (stage == Stage::kPlaced) return id;
    Post(path + "/pay", R"({"amount_fen":420000})", buyer_, 200);
    if (stage == Stage::kPaid) return id;
    const std::string photo = UploadOrderPhoto(*server_, id, "dispatch", clerk_);
    Post(path + "/dispatch",
         R"({"method":"shipping","serials":[")" + imei_ + R"("],"photos":[")" + photo + R"("]})",
         clerk_, 200);
    if (stage == Stage::kDispatched) return id;
    Post(path + "/receive", R"({"condition":"as_described"})", buyer_, 200);
    return id;
  }

  // What the parties see at `watch` (each read by `reader`, the seller's clerk by default).
  std::vector<std::string> Seen(const std::vector<std::string>& watch, const Headers& reader) {
    std::vector<std::string> out;
    for (const auto& path : watch) {
      auto r = server_->Call({"GET", path, "", reader});
      EXPECT_EQ(r.status, 200u) << path << ": " << r.body;
      out.push_back(r.body);
    }
    return out;
  }

  // `who` is refused with `status`, and nothing at `watch` has changed.
  void Refused(const std::string& method, const std::string& path, const std::string& body,
               const Headers& who, unsigned status, const std::vector<std::string>& watch,
               const Headers* reader = nullptr) {
    const Headers& r = reader ? *reader : clerk_;
    const auto before = Seen(watch, r);
    Call(method, path, body, who, status);
    EXPECT_EQ(Seen(watch, r), before) << method << " " << path << " changed something";
  }

  std::unique_ptr<TestServer> server_;
  std::string shop_org_;
  Headers clerk_, inspector_, buyer_, other_, stranger_;
  int phones_ = 0;
};

}  // namespace recirc::testing
