// The OpenAPI document generated from the route table and the DTO descriptions
// (src/api/openapi.cpp): documented routes refer to schemas made from the same structs that map
// the JSON, with required members; every path parameter is declared. With RECIRC_OPENAPI_OUT
// set, the test also writes the document there (scripts/openapi-diff.py compares it).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>

#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

json::object Document() {
  auto server = TestServer::Start(Backend::kSqlite);
  EXPECT_TRUE(server);
  if (!server) return {};
  auto r = server->Call({"GET", "/api/v1/openapi.json"});
  EXPECT_EQ(r.status, 200u);
  if (const char* out = std::getenv("RECIRC_OPENAPI_OUT")) std::ofstream(out) << r.body;
  return json::parse(r.body).as_object();
}

TEST(OpenApiGeneratedTest, DocumentedRoutesReferToDescribedSchemas) {
  auto doc = Document();
  const auto& post = doc["paths"].at("/api/v1/organisations").at("post").as_object();
  EXPECT_EQ(post.at("requestBody").at("content").at("application/json").at("schema"),
            json::parse(R"({"$ref":"#/components/schemas/NewOrganisation"})"));
  EXPECT_EQ(post.at("responses").at("201").at("content").at("application/json").at("schema"),
            json::parse(R"({"$ref":"#/components/schemas/Organisation"})"));
  const auto& schemas = doc["components"].at("schemas").as_object();
  EXPECT_EQ(schemas.at("NewOrganisation").at("required"),
            json::parse(R"(["kind","name","region_code"])"));
  EXPECT_EQ(schemas.at("Organisation").at("properties").at("credit_code"),
            json::parse(R"({"type":["string","null"]})"));
  // The CSRF token is left out for API keys: not required, not null.
  const auto& session = schemas.at("Session").as_object();
  EXPECT_EQ(session.at("required"), json::parse(R"(["user","organisation","permissions"])"));
  EXPECT_EQ(
      schemas.at("OrganisationPage").at("properties").at("items"),
      json::parse(R"({"type":"array","items":{"$ref":"#/components/schemas/Organisation"}})"));
}

TEST(OpenApiGeneratedTest, EveryPathParameterIsDeclared) {
  auto doc = Document();
  for (const auto& [path, item] : doc["paths"].as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      const std::string p(path);
      for (auto open = p.find('{'); open != std::string::npos; open = p.find('{', open + 1)) {
        const std::string name = p.substr(open + 1, p.find('}', open) - open - 1);
        bool found = false;
        if (const auto* params = op.as_object().if_contains("parameters")) {
          for (const auto& param : params->as_array()) {
            const auto& o = param.as_object();
            found = found ||
                    (o.contains("in") && o.at("in") == "path" && o.at("name") == json::value(name));
          }
        }
        EXPECT_TRUE(found) << method << " " << p << " {" << name << "}";
      }
    }
  }
}

}  // namespace
}  // namespace recirc::testing
