// The OpenAPI document, generated at start from the route table: paths, methods, x-permission,
// security and path parameters from every route; summary, tag, request body and answer schema
// from a route's RouteDoc (schemas from the DTO descriptions, http/openapi_schema.hpp). What a
// route without RouteDoc says beyond that (and the shared components: parameters, responses,
// security schemes) still comes from the hand-written src/api/openapi.json.
#include <boost/beast/http/verb.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "api/api.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

json::object* Find(json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? &v->as_object() : nullptr;
}

json::object& Slot(json::object& o, std::string_view key) {
  auto& v = o[key];
  if (!v.is_object()) v.emplace_object();
  return v.as_object();
}

std::vector<std::string> PathParameters(std::string_view pattern) {
  std::vector<std::string> names;
  for (auto open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    names.emplace_back(pattern.substr(open + 1, pattern.find('}', open) - open - 1));
  }
  return names;
}

void AddPathParameters(json::object& op, std::string_view pattern) {
  auto names = PathParameters(pattern);
  if (names.empty()) return;
  auto& v = op["parameters"];
  if (!v.is_array()) v.emplace_array();
  auto& params = v.as_array();
  size_t at = 0;
  for (const auto& name : names) {
    const bool present = std::any_of(params.begin(), params.end(), [&](const json::value& p) {
      const auto* o = p.if_object();
      return o != nullptr && o->contains("in") && o->at("in") == "path" &&
             o->at("name") == json::value(name);
    });
    if (!present) {
      params.insert(params.begin() + static_cast<std::ptrdiff_t>(at),
                    json::object{{"name", name},
                                 {"in", "path"},
                                 {"required", true},
                                 {"schema", {{"type", "string"}}}});
    }
    ++at;
  }
}

json::object JsonContent(json::value schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

void ApplyDoc(json::object& op, const http::Route& route, jsonmap::Schemas& schemas) {
  const auto& doc = *route.doc;
  op["summary"] = doc.summary;
  op["tags"] = json::array{json::value(doc.tag)};
  if (doc.request != nullptr) {
    op["requestBody"] = {{"required", true}, {"content", JsonContent(doc.request(schemas))}};
  }
  auto& responses = Slot(op, "responses");
  auto& ok = Slot(responses, std::to_string(doc.status));
  if (!ok.contains("description")) ok["description"] = doc.status == 201 ? "created" : "OK";
  if (doc.response != nullptr) ok["content"] = JsonContent(doc.response(schemas));
  const auto standard = [&](const char* status, const char* name) {
    if (!responses.contains(status)) {
      responses[status] = {{"$ref", std::string("#/components/responses/") + name}};
    }
  };
  if (doc.request != nullptr) standard("400", "BadRequest");
  if (route.permission != identity::Permission::kPublic) {
    standard("401", "Unauthenticated");
    if (route.permission != identity::Permission::kAuthenticated) {
      standard("403", "PermissionDenied");
    }
  }
}

}  // namespace

std::string GenerateOpenApi(const std::vector<http::Route>& routes) {
  json::object hand = json::parse(OpenApi()).as_object();
  json::object doc{{"openapi", hand["openapi"]}, {"info", hand["info"]}};
  json::object* hand_paths = Find(hand, "paths");
  jsonmap::Schemas schemas;
  json::object paths;
  for (const auto& route : routes) {
    std::string method(boost::beast::http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    json::object op;
    if (auto* item = hand_paths ? Find(*hand_paths, route.pattern) : nullptr) {
      if (auto* hand_op = Find(*item, method)) op = *hand_op;
    }
    op["x-permission"] = identity::PermissionName(route.permission);
    if (route.permission == identity::Permission::kPublic) {
      op["security"] = json::array();
    } else {
      op["security"] = json::array{json::object{{"session", json::array()}},
                                   json::object{{"apiKey", json::array()}}};
    }
    AddPathParameters(op, route.pattern);
    if (route.doc) ApplyDoc(op, route, schemas);
    if (!op.contains("responses")) op["responses"] = {{"200", {{"description", "OK"}}}};
    Slot(paths, route.pattern)[method] = std::move(op);
  }
  doc["paths"] = std::move(paths);
  json::object components =
      hand.contains("components") ? hand["components"].as_object() : json::object();
  auto& component_schemas = Slot(components, "schemas");
  for (const auto& [name, schema] : schemas.components()) component_schemas[name] = schema;
  doc["components"] = std::move(components);
  return json::serialize(doc);
}

}  // namespace recirc::api
