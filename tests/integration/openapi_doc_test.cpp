// The OpenAPI document comes from the route table alone (src/api/openapi.cpp): every route is
// documented (RouteDoc) with its answers, every $ref resolves, and every query parameter a
// handler reads is declared next to the route (RouteDoc::Query).
#include <gtest/gtest.h>

#include <boost/beast/http/verb.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "domain/identity/principal.hpp"
#include "http/route.hpp"
#include "http/router.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

std::string Key(const http::Route& route) {
  return std::string(boost::beast::http::to_string(route.method)) + " " + route.pattern;
}

json::object Document(const TestServer& server) {
  auto r = server.Call({"GET", "/api/v1/openapi.json"});
  EXPECT_EQ(r.status, 200u);
  return json::parse(r.body).as_object();
}

const json::value* Resolve(const json::object& doc, const json::value& v) {
  const auto* o = v.if_object();
  if (o == nullptr || !o->contains("$ref")) return &v;
  std::string ref(o->at("$ref").as_string());
  if (!ref.starts_with("#/")) return nullptr;
  const json::object* obj = &doc;
  const json::value* at = nullptr;
  for (size_t start = 2; start <= ref.size();) {
    const auto end = std::min(ref.find('/', start), ref.size());
    if (obj == nullptr) return nullptr;
    at = obj->if_contains(ref.substr(start, end - start));
    if (at == nullptr) return nullptr;
    obj = at->if_object();
    start = end + 1;
  }
  return at;
}

void EveryRefResolves(const json::object& doc, const json::value& v, std::set<std::string>& bad) {
  if (const auto* o = v.if_object()) {
    if (o->contains("$ref") && Resolve(doc, v) == nullptr) {
      bad.insert(std::string(o->at("$ref").as_string()));
    }
    for (const auto& [k, child] : *o) EveryRefResolves(doc, child, bad);
  } else if (const auto* a = v.if_array()) {
    for (const auto& child : *a) EveryRefResolves(doc, child, bad);
  }
}

TEST(OpenApiDocTest, EveryOperationDocumentsItsAnswers) {
  auto server = TestServer::Start(Backend::kSqlite);
  ASSERT_TRUE(server);
  auto doc = Document(*server);
  std::set<std::string> bad_refs;
  EveryRefResolves(doc, doc, bad_refs);
  EXPECT_TRUE(bad_refs.empty()) << *bad_refs.begin();
  for (const auto& route : server->app().router().routes()) {
    const std::string key = Key(route);
    EXPECT_TRUE(route.doc.has_value()) << key << ": no RouteDoc (http::Describe)";
    std::string method(boost::beast::http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    const auto& op = doc["paths"].at(route.pattern).at(method).as_object();
    EXPECT_FALSE(op.at("summary").as_string().empty()) << key;
    const auto& responses = op.at("responses").as_object();
    bool success = false;
    for (const auto& [status, answer] : responses) {
      const auto* resolved = Resolve(doc, answer);
      ASSERT_NE(resolved, nullptr) << key << " " << status;
      EXPECT_TRUE(resolved->as_object().contains("description")) << key << " " << status;
      success = success || status.starts_with("2");
    }
    EXPECT_TRUE(success) << key << ": no success answer";
    const bool api = route.pattern.starts_with("/api/");
    std::set<std::string> statuses;
    for (const auto& [status, answer] : responses) statuses.emplace(status);
    EXPECT_TRUE(!api || statuses.contains("400")) << key;
    EXPECT_TRUE(route.permission == identity::Permission::kPublic ||
                (statuses.contains("401") && statuses.contains("403")))
        << key;
    EXPECT_TRUE(!api || route.pattern.find('{') == std::string::npos || statuses.contains("404"))
        << key;
  }
}

// Query parameters a handler reads only to refuse them, with the reason.
const std::set<std::string> kRefused = {
    // An ID number never goes into a URL: a search by it is POST …/by-id-number (400).
    "GET /api/v1/police/register id_number",
    "GET /api/v1/police/register id_type",
};

// Calls every handler directly as the system principal (every permission) with an empty body,
// and holds the query names it asked for against the route's documented ones. A handler that
// stops early (an empty body, an unknown id) asks for fewer: what it asks for is what counts.
TEST(OpenApiDocTest, EveryQueryParameterAHandlerReadsIsDocumented) {
  auto server = TestServer::Start(Backend::kSqlite);
  ASSERT_TRUE(server);
  const auto principal = identity::Principal::System();
  size_t asked = 0;
  for (const auto& route : server->app().router().routes()) {
    if (!route.doc) continue;  // the test above fails
    const std::string key = Key(route);
    http::HttpRequest request{route.method, route.pattern, 11};
    http::RequestContext ctx{request, "openapi-test", "127.0.0.1", {}, {}, &principal};
    std::vector<std::string> queried;
    ctx.queried = &queried;
    for (auto open = route.pattern.find('{'); open != std::string::npos;
         open = route.pattern.find('{', open + 1)) {
      const auto close = route.pattern.find('}', open);
      std::string name = route.pattern.substr(open + 1, close - open - 1);
      if (name.ends_with("...")) name.resize(name.size() - 3);
      ctx.path_params.emplace_back(name, "0");
    }
    (void)route.handler(ctx);
    std::set<std::string> documented;
    for (const auto& q : route.doc->query) documented.insert(q.name);
    for (const auto& name : queried) {
      ++asked;
      EXPECT_TRUE(documented.contains(name) || kRefused.contains(key + " " + name))
          << key << " reads ?" << name << " but does not declare it (RouteDoc::Query)";
    }
  }
  EXPECT_GT(asked, 20u) << "the handlers were reached";
}

}  // namespace
}  // namespace recirc::testing
