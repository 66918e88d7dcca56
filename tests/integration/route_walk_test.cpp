// Walks every route of the table with every role (and with no login) and checks the answer
// against the route's declared permission; and keeps the OpenAPI document equal to the table.
#include <gtest/gtest.h>

#include <boost/beast/http/verb.hpp>
#include <boost/json.hpp>

#include <set>

#include "app/demo.hpp"
#include "http/router.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;
using identity::Permission;

struct Caller {
  std::string username;  // empty: anonymous
  std::string cookie;
  std::string csrf;
  std::string organisation_id;
  std::set<std::string> permissions;
};

std::string Fill(std::string pattern, const Caller& caller) {
  // The log's tile route takes the rest of the path: a tile of an empty log.
  if (const auto tail = pattern.find("{path...}"); tail != std::string::npos) {
    pattern.replace(tail, 9, "0/000");
  }
  if (const auto index = pattern.find("{index}"); index != std::string::npos) {
    pattern.replace(index, 7, "0");
  }
  // Parameters other than {id} (a photo's {sha256}) get a value that names nothing.
  for (auto open = pattern.find('{'); open != std::string::npos;
       open = pattern.find('{', open + 1)) {
    const auto close = pattern.find('}', open);
    if (pattern.compare(open, close - open + 1, "{id}") != 0) {
      pattern.replace(open, close - open + 1, std::string(64, '0'));
    }
  }
  const auto pos = pattern.find("{id}");
  if (pos == std::string::npos) return pattern;
  // Organisation routes get the caller's own organisation; API-key routes an unknown key id.
  const bool organisation = pattern.starts_with("/api/v1/organisations/");
  const std::string id = organisation && !caller.organisation_id.empty()
                             ? caller.organisation_id
                             : "01M82QGDFSEZ4VR0P0J7CYX2FC";
  return pattern.replace(pos, 4, id);
}

unsigned Expected(const http::Route& route, const Caller& caller, std::string_view method) {
  const bool is_public = route.permission == Permission::kPublic;
  if (!is_public && caller.username.empty()) return 401;
  if (!is_public && route.permission != Permission::kAuthenticated &&
      !caller.permissions.contains(std::string(identity::PermissionName(route.permission)))) {
    return 403;
  }
  // Marking notifications read takes no body: all of them (200), or an id naming none (404).
  if (route.pattern == "/api/v1/notifications/read") return 200;
  if (route.pattern == "/api/v1/notifications/{id}/read") return 404;
  // A consignment sale or reversal takes no fields: an id naming no consigned item is 404.
  if (route.pattern == "/api/v1/consignment/items/{id}/sale" ||
      route.pattern == "/api/v1/consignment/items/{id}/reversal") {
    return 404;
  }
  if (method == "POST") return 400;  // an empty object: the first required field is named
  // An empty object changes nothing: the caller's own organisation answers, an unknown outlet not.
  if (method == "PATCH") return route.pattern.starts_with("/api/v1/organisations/") ? 200 : 404;
  if (method == "DELETE") return route.pattern == "/api/v1/session" ? 204 : 404;
  // Searches without any criterion are refused, naming the missing parameter.
  if (route.pattern == "/api/v1/police/register" || route.pattern == "/api/v1/inspection/lookup") {
    return 400;
  }
  // The demo has no item yet, so the transparency log has no tile.
  if (route.pattern == "/log/tile/{path...}") return 404;
  // GET of one record by an id that does not exist (only organisation ids are real).
  if (route.pattern.find("{id}") != std::string::npos &&
      !route.pattern.starts_with("/api/v1/organisations/")) {
    return 404;
  }
  return 200;
}

class RouteWalkTest : public ::testing::TestWithParam<Backend> {};

TEST_P(RouteWalkTest, EveryRouteWithEveryRole) {
  auto server = TestServer::Start(GetParam());
  if (!server) GTEST_SKIP() << "database unavailable";
  auto logins = app::SeedDemo(server->app().directory(), server->db());
  ASSERT_TRUE(logins) << logins.error().message;

  std::vector<Caller> callers = {Caller{}};
  std::set<std::string> roles;
  for (const auto& l : *logins) {
    auto r = server->Call({"POST", "/api/v1/session",
                           R"({"username":")" + l.username + R"(","password":"recirc-demo"})"});
    ASSERT_EQ(r.status, 200u) << l.username << ": " << r.body;
    auto body = json::parse(r.body).as_object();
    Caller c{l.username,
             r.Header("Set-Cookie").substr(0, r.Header("Set-Cookie").find(';')),
             std::string(body["csrf_token"].as_string()),
             std::string(body["organisation"].as_object()["id"].as_string()),
             {}};
    for (const auto& p : body["permissions"].as_array())
      c.permissions.insert(std::string(p.as_string()));
    callers.push_back(std::move(c));
    roles.insert(l.role);
  }
  EXPECT_EQ(roles.size(), 11u) << "the demo has a user for every role";

  // DELETE /api/v1/session logs the caller out, so it goes last.
  std::vector<const http::Route*> routes;
  for (const auto& r : server->app().router().routes()) routes.push_back(&r);
  std::stable_partition(routes.begin(), routes.end(), [](const http::Route* r) {
    return !(r->method == http::Verb::delete_ && r->pattern == "/api/v1/session");
  });

  for (const Caller& caller : callers) {
    for (const http::Route* route : routes) {
      const std::string method(boost::beast::http::to_string(route->method));
      // A logged-in caller's notification stream never ends: notification_stream_test reads it.
      if (route->pattern == "/api/v1/notifications/stream" && !caller.username.empty()) continue;
      HttpCall call{method,
                    Fill(route->pattern, caller),
                    method == "POST" || method == "PATCH" ? "{}" : "",
                    {}};
      if (!caller.username.empty()) {
        call.headers = {{"Cookie", caller.cookie}, {"X-CSRF-Token", caller.csrf}};
      }
      const auto result = server->Call(call);
      const unsigned expected = Expected(*route, caller, method);
      EXPECT_EQ(result.status, expected)
          << method << " " << route->pattern << " as "
          << (caller.username.empty() ? "anonymous" : caller.username) << ": " << result.body;
      if (expected == 400 && result.status == 400) {
        EXPECT_FALSE(
            json::parse(result.body).as_object()["error"].as_object()["field"].as_string().empty())
            << method << " " << route->pattern;
      }
    }
  }
  EXPECT_EQ(callers.size(), 13u) << "anonymous and the twelve demo users";
}

INSTANTIATE_TEST_SUITE_P(Db, RouteWalkTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

TEST(OpenApiTest, DocumentMatchesTheRouteTable) {
  auto server = TestServer::Start(Backend::kSqlite);
  ASSERT_TRUE(server);
  auto r = server->Call({"GET", "/api/v1/openapi.json"});
  ASSERT_EQ(r.status, 200u);
  auto doc = json::parse(r.body).as_object();
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::string> documented;
  std::map<std::string, std::string> permission_of;
  for (const auto& [path, item] : doc["paths"].as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      std::string m(method);
      std::transform(m.begin(), m.end(), m.begin(), ::toupper);
      const std::string key = m + " " + std::string(path);
      documented.insert(key);
      const auto* perm = op.as_object().if_contains("x-permission");
      permission_of[key] = perm ? std::string(perm->as_string()) : "(none)";
    }
  }
  std::set<std::string> served;
  for (const auto& route : server->app().router().routes()) {
    const std::string key =
        std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
    served.insert(key);
    EXPECT_EQ(permission_of[key], identity::PermissionName(route.permission)) << key;
  }
  EXPECT_EQ(documented, served);
}

}  // namespace
}  // namespace recirc::testing
