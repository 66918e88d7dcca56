// The HTTP contract over real sockets: errors, limits, CSRF, idempotency, static files, metrics.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>

#include "app/demo.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class HttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam(), config_);
    if (!server_) GTEST_SKIP() << "database unavailable";
    auto seeded = app::SeedDemo(server_->app().directory(), server_->db());
    ASSERT_TRUE(seeded) << seeded.error().message;
  }

  // Logs in through the API; returns {cookie header value, csrf token, organisation id}.
  struct Login {
    std::string cookie;
    std::string csrf;
    std::string organisation_id;
  };
  Login LogIn(const std::string& username) {
    auto r = server_->Call({"POST", "/api/v1/session",
                            R"({"username":")" + username + R"(","password":"recirc-demo"})"});
    EXPECT_EQ(r.status, 200u) << r.body;
    const std::string set_cookie = r.Header("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    auto body = json::parse(r.body).as_object();
    return {set_cookie.substr(0, set_cookie.find(';')), std::string(body["csrf_token"].as_string()),
            std::string(body["organisation"].as_object()["id"].as_string())};
  }

  static json::object Error(const HttpResult& r) {
    return json::parse(r.body).as_object()["error"].as_object();
  }

  app::Config config_;
  std::unique_ptr<TestServer> server_;
};

TEST_P(HttpTest, WrongPasswordIsAClearUnauthenticatedError) {
  auto r = server_->Call(
      {"POST", "/api/v1/session", R"({"username":"shop.admin","password":"nope-nope-nope"})"});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(Error(r)["code"], "unauthenticated");
  EXPECT_TRUE(r.Header("Set-Cookie").empty());
}

TEST_P(HttpTest, MalformedBodyNamesTheProblem) {
  auto login = LogIn("shop.admin");
  const std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", login.cookie},
                                                                    {"X-CSRF-Token", login.csrf}};
  const std::string target = "/api/v1/organisations/" + login.organisation_id + "/outlets";
  auto broken = server_->Call({"POST", target, "{\"name\": ", headers});
  EXPECT_EQ(broken.status, 400u);
  EXPECT_EQ(Error(broken)["field"], "body");
  auto not_object = server_->Call({"POST", target, "[1,2]", headers});
  EXPECT_EQ(not_object.status, 400u);
  auto wrong_type = server_->Call(
      {"POST", target, R"({"name": 5, "region_code": "110105", "address": "x"})", headers});
  EXPECT_EQ(wrong_type.status, 400u);
  EXPECT_EQ(Error(wrong_type)["field"], "name");
  auto unknown = server_->Call(
      {"POST", target, R"({"name": "A", "regoin_code": "110105", "address": "x"})", headers});
  EXPECT_EQ(unknown.status, 400u);
  EXPECT_EQ(Error(unknown)["field"], "regoin_code");
  auto bad_region = server_->Call(
      {"POST", target, R"({"name": "A", "region_code": "123", "address": "x"})", headers});
  EXPECT_EQ(bad_region.status, 400u);
  EXPECT_EQ(Error(bad_region)["field"], "region_code");
  EXPECT_FALSE(Error(bad_region)["request_id"].as_string().empty());

  // Nothing of the refused requests was written.
  auto list = server_->Call({"GET", target, "", headers});
  ASSERT_EQ(list.status, 200u);
  EXPECT_EQ(json::parse(list.body).as_object()["items"].as_array().size(), 2u)
      << "only the demo outlets";
}

TEST_P(HttpTest, OversizedBodyIsRefusedBeforeItIsRead) {
  auto login = LogIn("shop.admin");
  const std::string huge(200 * 1024, 'x');
  auto r = server_->Call({"POST",
                          "/api/v1/organisations/" + login.organisation_id + "/outlets",
                          "{\"name\":\"" + huge + "\"}",
                          {{"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}}});
  EXPECT_EQ(r.status, 413u);
  EXPECT_EQ(Error(r)["code"], "resource_exhausted");
}

// Beyond the 16 KiB header limit: 431 Request Header Fields Too Large (RFC 6585).
TEST_P(HttpTest, OversizedHeadersAre431) {
  auto r = server_->Call({"GET", "/healthz", "", {{"X-Padding", std::string(20'000, 'a')}}});
  EXPECT_EQ(r.status, 431u);
  EXPECT_EQ(server_->Call({"GET", "/healthz"}).status, 200u);
}

TEST_P(HttpTest, UnknownRouteAndWrongMethod) {
  auto missing = server_->Call({"GET", "/api/v1/nothing-here"});
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(Error(missing)["code"], "not_found");
  auto wrong = server_->Call({"PUT", "/api/v1/session"});
  EXPECT_EQ(wrong.status, 405u);
  EXPECT_NE(wrong.Header("Allow").find("POST"), std::string::npos);
}

TEST_P(HttpTest, PermissionsAndLogin) {
  EXPECT_EQ(server_->Call({"GET", "/api/v1/organisations"}).status, 401u);
  auto police = LogIn("police.chaoyang");
  auto r = server_->Call({"GET",
                          "/api/v1/organisations/" + police.organisation_id + "/users",
                          "",
                          {{"Cookie", police.cookie}}});
  EXPECT_EQ(r.status, 403u);
  EXPECT_NE(Error(r)["message"].as_string().find("users.read"), std::string::npos);
  auto bad_bearer =
      server_->Call({"GET", "/api/v1/session", "", {{"Authorization", "Bearer rk_forged"}}});
  EXPECT_EQ(bad_bearer.status, 401u);
}

TEST_P(HttpTest, CookieSessionsNeedTheCsrfTokenForWrites) {
  auto login = LogIn("shop.admin");
  const std::string target = "/api/v1/organisations/" + login.organisation_id + "/outlets";
  const std::string body = R"({"name":"新店","region_code":"110105","address":"朝阳路 2 号"})";
  auto without = server_->Call({"POST", target, body, {{"Cookie", login.cookie}}});
  EXPECT_EQ(without.status, 403u);
  EXPECT_EQ(Error(without)["field"], "X-CSRF-Token");
  auto with = server_->Call(
      {"POST", target, body, {{"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}}});
  EXPECT_EQ(with.status, 201u) << with.body;

  auto logout = server_->Call(
      {"DELETE", "/api/v1/session", "", {{"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}}});
  EXPECT_EQ(logout.status, 204u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/session", "", {{"Cookie", login.cookie}}}).status, 401u);
}

TEST_P(HttpTest, ReplayedIdempotentWriteCreatesOneRecord) {
  auto login = LogIn("shop.admin");
  const std::string target = "/api/v1/organisations/" + login.organisation_id + "/outlets";
  const std::string body = R"({"name":"重试店","region_code":"110105","address":"朝阳路 3 号"})";
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}, {"Idempotency-Key", "retry-1"}};
  auto first = server_->Call({"POST", target, body, headers});
  ASSERT_EQ(first.status, 201u) << first.body;
  auto second = server_->Call({"POST", target, body, headers});
  EXPECT_EQ(second.status, 201u);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.Header("Idempotent-Replayed"), "true");
  auto other_body = server_->Call(
      {"POST", target, R"({"name":"别的","region_code":"110105","address":"x"})", headers});
  EXPECT_EQ(other_body.status, 409u);
  EXPECT_EQ(Error(other_body)["field"], "Idempotency-Key");

  auto list = server_->Call({"GET", target, "", headers});
  const json::value listed = json::parse(list.body);
  int named = 0;
  for (const auto& o : listed.as_object().at("items").as_array()) {
    named += o.as_object().at("name") == "重试店";
  }
  EXPECT_EQ(named, 1);
}

TEST_P(HttpTest, FailedIdempotentWriteMayBeRetried) {
  auto login = LogIn("shop.admin");
  const std::string target = "/api/v1/organisations/" + login.organisation_id + "/outlets";
  const std::vector<std::pair<std::string, std::string>> headers = {
      {"Cookie", login.cookie}, {"X-CSRF-Token", login.csrf}, {"Idempotency-Key", "retry-2"}};
  const std::string body = R"({"name":"X","region_code":"000000","address":"x"})";
  EXPECT_EQ(server_->Call({"POST", target, body, headers}).status, 400u);
  EXPECT_EQ(server_->Call({"POST", target, body, headers}).status, 400u)
      << "a refused write leaves the key free, so the retry is judged again";
}

TEST_P(HttpTest, HealthReadinessMetricsAndRequestIds) {
  auto health = server_->Call({"GET", "/healthz", "", {{"X-Request-Id", "trace-abc-1"}}});
  EXPECT_EQ(health.status, 200u);
  EXPECT_EQ(health.Header("X-Request-Id"), "trace-abc-1");
  EXPECT_EQ(server_->Call({"GET", "/readyz"}).status, 200u);
  server_->Call({"GET", "/api/v1/organisations"});
  auto metrics = server_->Call({"GET", "/metrics"});
  EXPECT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.body.find("recirc_http_requests_total{route=\"GET /healthz\",code=\"2xx\"} 1"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("route=\"GET /api/v1/organisations\",code=\"4xx\""),
            std::string::npos);
  EXPECT_NE(metrics.body.find("recirc_journal_head "), std::string::npos);
}

TEST_P(HttpTest, EventsAreJournaledAndVisibleToThePlatformAdmin) {
  auto admin = LogIn("admin");
  auto r = server_->Call({"GET", "/api/v1/journal/events", "", {{"Cookie", admin.cookie}}});
  ASSERT_EQ(r.status, 200u) << r.body;
  auto items = json::parse(r.body).as_object()["items"].as_array();
  int users = 0;
  for (const auto& e : items) {
    const auto& o = e.as_object();
    if (o.at("type") == "user.created") {
      users++;
      EXPECT_FALSE(o.at("payload").as_object().contains("username"))
          << "no personal data in events";
    }
  }
  EXPECT_EQ(users, 12)
      << "one user.created per demo user (the buyer, police supervisor and police admin too)";
}

TEST_P(HttpTest, RegionsCascadeFromProvincesToDistricts) {
  auto login = LogIn("shop.clerk");
  const std::vector<std::pair<std::string, std::string>> headers = {{"Cookie", login.cookie}};
  auto provinces = json::parse(server_->Call({"GET", "/api/v1/regions", "", headers}).body);
  const auto& items = provinces.as_object().at("items").as_array();
  ASSERT_GE(items.size(), 31u);
  EXPECT_EQ(items[0].as_object().at("code"), "110000");
  EXPECT_EQ(items[0].as_object().at("level"), "province");
  auto beijing = server_->Call({"GET", "/api/v1/regions?parent=110000", "", headers});
  EXPECT_NE(beijing.body.find("朝阳区"), std::string::npos);
  auto bad = server_->Call({"GET", "/api/v1/regions?parent=12", "", headers});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(Error(bad)["field"], "parent");
}

INSTANTIATE_TEST_SUITE_P(Db, HttpTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() / ("recirc_web_" + std::to_string(::getpid()));
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><title>recirc</title>";
    std::ofstream(root_ / "assets" / "app-1a2b3c.js") << std::string(4096, 'a') << "console.log(1)";
    app::Config config;
    config.web_root = root_;
    server_ = TestServer::Start(Backend::kSqlite, config);
    ASSERT_TRUE(server_);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(root_);
  }
  std::filesystem::path root_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(StaticFilesTest, HashedAssetsAreImmutableAndCompressed) {
  auto js = server_->Call({"GET", "/assets/app-1a2b3c.js", "", {{"Accept-Encoding", "gzip, br"}}});
  EXPECT_EQ(js.status, 200u);
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js.Header("Content-Encoding"), "gzip");
  EXPECT_LT(js.body.size(), 1000u);
  auto plain = server_->Call({"GET", "/assets/app-1a2b3c.js"});
  EXPECT_EQ(plain.Header("Content-Encoding"), "");
  EXPECT_EQ(plain.body.size(), 4096u + 14);
  auto again = server_->Call(
      {"GET", "/assets/app-1a2b3c.js", "", {{"If-None-Match", plain.Header("ETag")}}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_EQ(server_->Call({"GET", "/assets/missing.js"}).status, 404u);
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndexWithoutCaching) {
  auto page = server_->Call({"GET", "/outlets/new"});
  EXPECT_EQ(page.status, 200u);
  EXPECT_EQ(page.Header("Cache-Control"), "no-cache");
  EXPECT_NE(page.body.find("<title>recirc</title>"), std::string::npos);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/unknown"}).status, 404u) << "API paths never fall back";
}

}  // namespace
}  // namespace recirc::testing
