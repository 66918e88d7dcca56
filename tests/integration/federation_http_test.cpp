// Federation end to end (docs/federation.md): a city node on PostgreSQL and two shop nodes on
// SQLite, each a whole server on loopback with its own database and keys.
// - A registration at shop A reaches the police of its district at the city, with the seller
//   sealed to the city's key (never plaintext in the city's tables).
// - A stolen-item report entered at the city holds, at shop B, an item registered there before
//   and an item registered after.
// - With the city cut away, shop A goes on registering; the backlog shows in /metrics; when the
//   link returns, every registration reaches the city and the backlog is 0.
// - The same IMEI at shop A and shop B raises a cross-operator signal for the police.
// Skipped without PostgreSQL (RECIRC_TEST_POSTGRES), like every PostgreSQL case.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "app/demo.hpp"
#include "app/federation_client.hpp"
#include "app/keys.hpp"
#include "core/validators.hpp"
#include "support/test_server.hpp"
#include "tlog/sealed_box.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

std::string Slurp(const std::filesystem::path& path) {
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  std::string s = text.str();
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string Imei(int n) {
  std::string body = std::to_string(86723405000000 + n);
  return body + std::string(1, core::ImeiCheckDigit(body).value());
}

// Runs `step` until `done` holds; false after many tries. The nodes' own background jobs run
// meanwhile, so this waits for an outcome, never for a time.
bool Eventually(const std::function<void()>& step, const std::function<bool()>& done) {
  for (int i = 0; i < 500; ++i) {
    step();
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

class FederationHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string tag =
        std::to_string(::getpid()) + "_" + std::to_string(reinterpret_cast<uintptr_t>(this));
    const auto base = std::filesystem::temp_directory_path() / ("recirc_federation_" + tag);
    const auto city_dir = base.string() + "_city";
    const auto a_dir = base.string() + "_a";
    const auto b_dir = base.string() + "_b";
    crypto::SecureRandom random;
    ASSERT_TRUE(app::InitKeys(city_dir, "city.test/log", random));
    ASSERT_TRUE(app::InitKeys(a_dir, "shop-a.test/log", random));
    ASSERT_TRUE(app::InitKeys(b_dir, "shop-b.test/log", random));
    city_signer_ = Slurp(std::filesystem::path(city_dir) / "keys" / "log.key");

    app::Config city;
    city.federation.shops.push_back({*app::LogVerifierKey(a_dir), "110"});
    city.federation.shops.push_back({*app::LogVerifierKey(b_dir), "110"});
    city_ = TestServer::Start(Backend::kPostgres, city, city_dir);
    if (!city_) GTEST_SKIP() << "PostgreSQL unavailable";
    ASSERT_TRUE(app::SeedDemo(city_->app().directory(), city_->db()));

    app::Config shop;
    shop.federation.city_url = "http://127.0.0.1:" + std::to_string(city_->port());
    shop.federation.city_key = *app::LogVerifierKey(city_dir);
    shop.federation.retry = std::chrono::milliseconds(1);
    shop.federation.retry_max = std::chrono::milliseconds(1);
    shop_a_ = TestServer::Start(Backend::kSqlite, shop, a_dir);
    shop_b_ = TestServer::Start(Backend::kSqlite, shop, b_dir);
    ASSERT_TRUE(shop_a_ && shop_b_);
    ASSERT_TRUE(app::SeedDemo(shop_a_->app().directory(), shop_a_->db()));
    ASSERT_TRUE(app::SeedDemo(shop_b_->app().directory(), shop_b_->db()));
  }

  // The demo shop's Chaoyang outlet (110105) on `shop`, and its clerk's session.
  std::pair<std::string, Headers> Clerk(const TestServer& shop) {
    std::string org;
    auto clerk = LogInDemo(shop, "shop.clerk", &org);
    auto outlets = json::parse(
        shop.Call({"GET", "/api/v1/organisations/" + org + "/outlets", "", clerk}).body);
    for (const auto& o : outlets.as_object()["items"].as_array()) {
      if (o.as_object().at("region_code") == "110105") {
        return {std::string(o.as_object().at("id").as_string()), clerk};
      }
    }
    ADD_FAILURE() << "no Chaoyang outlet";
    return {};
  }

  // Registers a phone with `imei` at `shop`; returns the receipt.
  json::object Register(const TestServer& shop, const std::string& imei) {
    auto [outlet, clerk] = Clerk(shop);
    const std::string body =
        R"({"outlet_id":")" + outlet +
        R"(","kind":"purchase","channel":"store",)"
        R"("price_fen":150000,"payment_method":"cash","person_matches_id":true,)"
        R"("origin_statement":"自用一年","seller":{"kind":"individual","name":"李四",)"
        R"("id_type":"resident_id","id_number":"11010519491231002X","phone":"13912345678"},)"
        R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
        R"("identifiers":{"imei":")" +
        imei + R"("},"condition":"九成新"}})";
    auto r = shop.Call({"POST", "/api/v1/acquisitions", body, clerk});
    EXPECT_EQ(r.status, 201u) << r.body;
    return json::parse(r.body).as_object();
  }

  // The IMEIs of the registrations the city's Chaoyang police see pushed by shops.
  std::set<std::string> CityImeis() {
    auto police = LogInDemo(*city_, "police.chaoyang");
    auto r = city_->Call({"GET", "/api/v1/police/federation/registrations", "", police});
    EXPECT_EQ(r.status, 200u) << r.body;
    std::set<std::string> out;
    const auto answer = json::parse(r.body);
    for (const auto& item : answer.as_object().at("items").as_array()) {
      for (const auto& id : item.as_object().at("identifiers").as_array()) {
        out.insert(std::string(id.as_object().at("value").as_string()));
      }
    }
    return out;
  }

  int64_t Backlog(const TestServer& shop) {
    auto metrics = shop.Call({"GET", "/metrics"}).body;
    const std::string name = "recirc_federation_backlog_events ";
    const auto at = metrics.find("\n" + name);
    if (at == std::string::npos) return -2;
    return std::stoll(metrics.substr(at + 1 + name.size()));
  }

  // The first column of the first row of `sql` on the city's database, as text.
  Result<std::string> TextOf(const std::string& sql) {
    return storage::ReadValue<std::string>(city_->db(),
                                           [&](storage::Session& s) -> Result<std::string> {
                                             RECIRC_TRY(auto row, s.QueryOne(sql, {}, "row"));
                                             return row.Text(0);
                                           });
  }

  std::string city_signer_;
  std::unique_ptr<TestServer> city_;
  std::unique_ptr<TestServer> shop_a_;
  std::unique_ptr<TestServer> shop_b_;
};

TEST_F(FederationHttpTest, ARegistrationAtShopAReachesTheCitysPoliceWithTheSellerSealed) {
  const std::string imei = Imei(1);
  Register(*shop_a_, imei);
  ASSERT_TRUE(Eventually([&] { (void)shop_a_->app().RunFederationOnce(); },
                         [&] { return CityImeis().contains(imei); }));
  // The seller reached the city sealed to its key: not in plaintext in any of its federation
  // rows, and the city's key opens it.
  auto sealed = TextOf("SELECT seller_sealed FROM federated_registrations");
  ASSERT_TRUE(sealed);
  EXPECT_EQ(sealed->find("李四"), std::string::npos);
  auto plain = TextOf("SELECT string_agg(payload, ' ') FROM federation_inbox");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->find("李四"), std::string::npos);
  EXPECT_EQ(plain->find("13912345678"), std::string::npos);
  auto opened = tlog::OpenSealed(*tlog::Signer::FromPrivateKey(city_signer_), *sealed);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_NE(opened->find("李四"), std::string::npos);
  EXPECT_NE(opened->find("11010519491231002X"), std::string::npos);
  // Another district's police see nothing of it.
  auto haidian = LogInDemo(*city_, "police.haidian");
  auto other = city_->Call({"GET", "/api/v1/police/federation/registrations", "", haidian});
  EXPECT_EQ(json::parse(other.body).as_object()["items"].as_array().size(), 0u);
}

TEST_F(FederationHttpTest, AStolenItemReportAtTheCityHoldsTheItemAtShopB) {
  const std::string on_shelf = Imei(2);
  const std::string later = Imei(3);
  auto before = Register(*shop_b_, on_shelf);
  ASSERT_EQ(before.at("status"), "registered");
  auto police = LogInDemo(*city_, "police.chaoyang");
  for (const auto& imei : {on_shelf, later}) {
    auto report = city_->Call(
        {"POST", "/api/v1/police/watchlist",
         R"({"identifier_kind":"imei","identifier_value":")" + imei + R"(","note":"失窃报案"})",
         police});
    ASSERT_EQ(report.status, 201u) << report.body;
  }
  // One pull brings both entries (RunFederationOnce pulls whether or not a push is due).
  ASSERT_TRUE(shop_b_->app().RunFederationOnce());
  // The item already on the shelf is held for verification now.
  auto [outlet, clerk] = Clerk(*shop_b_);
  auto held = shop_b_->Call(
      {"GET", "/api/v1/acquisitions/" + std::string(before.at("id").as_string()), "", clerk});
  ASSERT_EQ(held.status, 200u) << held.body;
  const auto view = json::parse(held.body);
  EXPECT_FALSE(view.as_object().at("sellable").as_bool()) << held.body;
  // Held for verification (the police's hold), not only in its statutory period.
  bool verification = false;
  for (const auto& h : view.as_object().at("holds").as_array()) {
    if (h.as_object().at("kind").as_string() == "verification") verification = true;
  }
  EXPECT_TRUE(verification) << held.body;
  // An item registered afterwards is held at once by the shop's own screening.
  EXPECT_EQ(Register(*shop_b_, later).at("status"), "held_for_verification");
}

TEST_F(FederationHttpTest, NothingIsLostWhileTheCityIsCutAway) {
  ASSERT_TRUE(Eventually([&] { (void)shop_a_->app().RunFederationOnce(); },
                         [&] { return Backlog(*shop_a_) == 0; }));
  shop_a_->app().SetFederationTransport([](const std::string&, const std::string&) {
    return Result<federation::PostAnswer>(Error::Unavailable("the link to the city is cut"));
  });
  const std::vector<std::string> imeis = {Imei(11), Imei(12), Imei(13)};
  for (const auto& imei : imeis) Register(*shop_a_, imei);  // the shop keeps working
  EXPECT_FALSE(shop_a_->app().RunFederationOnce());
  EXPECT_GT(Backlog(*shop_a_), 0);
  for (const auto& imei : imeis) EXPECT_FALSE(CityImeis().contains(imei));

  shop_a_->app().SetFederationTransport([](const std::string& url, const std::string& body) {
    return app::PostNote(url, body, std::chrono::seconds(30));
  });
  ASSERT_TRUE(Eventually([&] { (void)shop_a_->app().RunFederationOnce(); },
                         [&] { return Backlog(*shop_a_) == 0; }));
  const auto seen = CityImeis();
  for (const auto& imei : imeis) EXPECT_TRUE(seen.contains(imei)) << imei;
  // Each once, however often the shop tried.
  auto rows = TextOf("SELECT COUNT(*) FROM federated_registrations");
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, "3");
}

TEST_F(FederationHttpTest, TheSameImeiAtTwoShopsAlertsTheCitysPolice) {
  const std::string imei = Imei(21);
  Register(*shop_a_, imei);
  Register(*shop_b_, imei);
  auto police = LogInDemo(*city_, "police.chaoyang");
  auto signalled = [&] {
    auto r = city_->Call({"GET", "/api/v1/police/federation/signals", "", police});
    const auto answer = json::parse(r.body);
    for (const auto& s : answer.as_object().at("items").as_array()) {
      if (s.as_object().at("identifier_value").as_string() == imei) return true;
    }
    return false;
  };
  ASSERT_TRUE(Eventually(
      [&] {
        (void)shop_a_->app().RunFederationOnce();
        (void)shop_b_->app().RunFederationOnce();
      },
      signalled));
}

}  // namespace
}  // namespace recirc::testing
