// The OpenAPI document, generated at start from the route table alone: paths, methods,
// x-permission, security and path parameters from every route; summary, tag, query parameters,
// request body, answers and their schemas from the route's RouteDoc (schemas from the DTO
// descriptions, http/openapi_schema.hpp). The standard answers follow from the route: 400 on
// every /api/ route (a bad target or input), 401 and 403 when it needs a permission, 404 when its
// path has a parameter; every write under /api/ accepts an Idempotency-Key. Nothing is written by
// hand in JSON but the shared texts below.
#include <boost/beast/http/verb.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "api/api.hpp"
#include "core/error.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

constexpr std::string_view kInfoDescription =
    "Trusted circulation of second-hand goods. Errors are {\"error\": {\"code\", \"message\", "
    "\"field\", \"message_id\", \"params\"}}. Writes accept an Idempotency-Key header. Browser "
    "sessions send X-CSRF-Token on unsafe methods. Times are RFC 3339 UTC with milliseconds; ids "
    "are 26-character Crockford base32; money is integer fen.";

constexpr std::string_view kIdempotencyKey =
    "Repeat a write safely: the same key and body replay the first answer Answers are kept "
    "encrypted for 24 hours; the answer of a route carrying a secret or revealed personal data "
    "(log-in, sign-up, API key creation, police reveals and ID-number searches) is never kept, and "
    "a retry with its key is refused (409).";

// The shared error answers (#/components/responses/…), by status.
struct StandardAnswer {
  unsigned status;
  std::string_view name;
  std::string_view description;
};
constexpr StandardAnswer kStandardAnswers[] = {
    {400, "BadRequest", "invalid input; error.field names the field"},
    {401, "Unauthenticated", "not logged in"},
    {403, "PermissionDenied",
     "the role lacks the permission, or the data belongs to another organisation"},
    {404, "NotFound", "not found"},
    {409, "Conflict", "a concurrent change, e.g. offer_taken: another order was placed first"},
    {422, "RuleRefused",
     "a rule refuses it in the present state; the message starts with the rule name (item_held: "
     "…)"},
};

json::object& Slot(json::object& o, std::string_view key) {
  auto& v = o[key];
  if (!v.is_object()) v.emplace_object();
  return v.as_object();
}

json::value ErrorContent() {
  return {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}};
}

json::object JsonContent(json::value schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

json::value SchemaText(const std::string& text) {
  return text.empty() ? json::value(json::object{}) : json::parse(text);
}

bool HasPathParameter(std::string_view pattern) {
  return pattern.find('{') != std::string_view::npos;
}

bool IsUnsafe(http::Verb method) {
  return method != http::Verb::get && method != http::Verb::head && method != http::Verb::options;
}

// What a path parameter is, where more than a string: by pattern prefix (empty: any) and name.
// (RouteDoc declares query parameters; path parameters are read from the pattern.)
struct PathParameterDoc {
  std::string_view pattern_prefix;
  std::string_view name;
  std::string_view schema;
  std::string_view description;
};
constexpr std::string_view kUlid =
    R"({"type": "string", "pattern": "^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$"})";
constexpr PathParameterDoc kPathParameters[] = {
    {"", "sha256", R"({"type": "string", "pattern": "^[0-9a-f]{64}$"})", ""},
    {"/api/v1/organisations/{id}", "id", kUlid, "Organisation id (Crockford base32)"},
    {"/api/v1/api-keys/{id}", "id", kUlid, "API key id"},
    {"/api/v1/checklists/{id}", "id", R"({"type": "string"})", "the category"},
    {"/api/v1/items/{id}/passport", "id", R"({"type": "string"})", "item id"},
    {"/api/v1/items/{id}/events/{index}", "id", R"({"type": "string"})", "item id"},
    {"/api/v1/items/{id}/events/{index}", "index", R"({"type": "integer"})", "leaf index"},
    {"/log/tile/", "path...", R"({"type": "string"})", "e.g. 0/x001/234.p/5 or entries/000"},
};

void AddPathParameters(json::array& params, std::string_view pattern) {
  for (auto open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const auto name = pattern.substr(open + 1, pattern.find('}', open) - open - 1);
    json::object p{
        {"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}};
    for (const auto& d : kPathParameters) {
      if (d.name == name && pattern.starts_with(d.pattern_prefix)) {
        p["schema"] = json::parse(d.schema);
        if (!d.description.empty()) p["description"] = d.description;
        break;
      }
    }
    params.push_back(std::move(p));
  }
}

void AddAnswer(json::object& responses, const http::AnswerDoc& a) {
  const std::string status = std::to_string(a.status);
  if (a.error && a.description.empty()) {
    const auto* standard =
        std::find_if(std::begin(kStandardAnswers), std::end(kStandardAnswers),
                     [&](const StandardAnswer& s) { return s.status == a.status; });
    if (standard != std::end(kStandardAnswers)) {
      responses[status] = {{"$ref", "#/components/responses/" + std::string(standard->name)}};
      return;
    }
  }
  auto& r = Slot(responses, status);
  r.erase("$ref");
  if (!a.description.empty() || !r.contains("description")) {
    r["description"] = a.description.empty() ? "error" : a.description;
  }
  if (a.error) {
    r["content"] = ErrorContent();
  } else if (!a.media_type.empty()) {
    Slot(r, "content")[a.media_type] = {{"schema", SchemaText(a.schema)}};
  }
}

json::object Operation(const http::Route& route, jsonmap::Schemas& schemas) {
  json::object op;
  const bool api = route.pattern.starts_with("/api/");
  const bool is_public = route.permission == identity::Permission::kPublic;
  op["x-permission"] = identity::PermissionName(route.permission);
  if (is_public) {
    op["security"] = json::array();
  } else {
    op["security"] = json::array{json::object{{"session", json::array()}},
                                 json::object{{"apiKey", json::array()}}};
  }
  json::array params;
  AddPathParameters(params, route.pattern);
  json::object responses;
  if (route.doc) {
    const auto& doc = *route.doc;
    op["summary"] = doc.summary;
    if (!doc.description.empty()) op["description"] = doc.description;
    op["tags"] = json::array{json::value(doc.tag)};
    for (const auto& q : doc.query) {
      json::object p{{"name", q.name}, {"in", "query"}, {"required", q.required}};
      p["schema"] = SchemaText(q.schema);
      if (!q.description.empty()) p["description"] = q.description;
      params.push_back(std::move(p));
    }
    if (doc.request != nullptr) {
      op["requestBody"] = {{"required", true}, {"content", JsonContent(doc.request(schemas))}};
    } else if (!doc.bodies.empty()) {
      json::object content;
      for (const auto& b : doc.bodies) {
        json::object media{{"schema", SchemaText(b.schema)}};
        if (!b.description.empty()) media["example"] = b.description;  // the sample body
        content[b.media_type] = std::move(media);
      }
      op["requestBody"] = {{"required", true}, {"content", std::move(content)}};
    }
    auto& ok = Slot(responses, std::to_string(doc.status));
    ok["description"] = !doc.ok_description.empty() ? doc.ok_description
                        : doc.status == 201         ? "created"
                                                    : "OK";
    if (doc.response != nullptr) ok["content"] = JsonContent(doc.response(schemas));
    for (const auto& a : doc.answers) AddAnswer(responses, a);
  }
  if (api && IsUnsafe(route.method)) {
    params.push_back(json::object{{"$ref", "#/components/parameters/IdempotencyKey"}});
  }
  const auto standard = [&](unsigned status) {
    if (!responses.contains(std::to_string(status)))
      AddAnswer(responses, {status, {}, {}, {}, true});
  };
  if (api) standard(400);
  if (!is_public) {
    standard(401);
    standard(403);
  }
  if (api && HasPathParameter(route.pattern)) standard(404);
  if (responses.empty()) responses["200"] = {{"description", "OK"}};
  if (!params.empty()) op["parameters"] = std::move(params);
  op["responses"] = std::move(responses);
  return op;
}

json::object Components(jsonmap::Schemas& schemas) {
  // The Error schema from its description, with the codes of core/error.hpp.
  schemas.Of<http::ErrorAnswer>();
  json::array codes;
  for (int c = static_cast<int>(ErrorCode::kInvalidArgument);
       c <= static_cast<int>(ErrorCode::kInternal); ++c) {
    codes.emplace_back(ErrorCodeName(static_cast<ErrorCode>(c)));
  }
  json::object components;
  auto& component_schemas = Slot(components, "schemas");
  for (const auto& [name, schema] : schemas.components()) component_schemas[name] = schema;
  auto& code = component_schemas["Error"]
                   .at("properties")
                   .at("error")
                   .at("properties")
                   .at("code")
                   .as_object();
  code["enum"] = std::move(codes);
  auto& responses = Slot(components, "responses");
  for (const auto& s : kStandardAnswers) {
    responses[s.name] = {{"description", s.description}, {"content", ErrorContent()}};
  }
  components["parameters"] = {{"IdempotencyKey",
                               {{"name", "Idempotency-Key"},
                                {"in", "header"},
                                {"schema", {{"type", "string"}, {"maxLength", 200}}},
                                {"description", kIdempotencyKey}}}};
  components["securitySchemes"] = {
      {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "recirc_session"}}},
      {"apiKey", {{"type", "http"}, {"scheme", "bearer"}, {"description", "rk_… API key"}}}};
  return components;
}

}  // namespace

std::string GenerateOpenApi(const std::vector<http::Route>& routes) {
  json::object doc{
      {"openapi", "3.1.0"},
      {"info", {{"title", "recirc API"}, {"version", "1"}, {"description", kInfoDescription}}}};
  jsonmap::Schemas schemas;
  json::object paths;
  for (const auto& route : routes) {
    std::string method(boost::beast::http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    Slot(paths, route.pattern)[method] = Operation(route, schemas);
  }
  doc["paths"] = std::move(paths);
  doc["components"] = Components(schemas);
  return json::serialize(doc);
}

}  // namespace recirc::api
