#include "http/describe_json.hpp"

#include "http/openapi_schema.hpp"

#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "core/money.hpp"

namespace recirc::jsonmap {

void tag_invoke(json::value_from_tag, json::value& v, const Time& t) {
  v = FormatRfc3339(FromUnixMillis(t.unix_ms));
}

namespace detail {

std::string Field(std::string_view path, std::string_view name) {
  if (path.empty()) return std::string(name);
  std::string out(path);
  out += '.';
  out += name;
  return out;
}

std::string Index(std::string_view path, size_t i) {
  return std::string(path) + "[" + std::to_string(i) + "]";
}

bool EndsWithFen(std::string_view path) { return path.ends_with("_fen"); }

Status ReadScalar(const json::value* v, const std::string& path, std::string& out) {
  if (v == nullptr || v->is_null()) return Error::InvalidArgument(path, "is required");
  if (!v->is_string()) return Error::InvalidArgument(path, "must be a string");
  out = std::string(v->as_string());
  return Ok();
}

Status ReadScalar(const json::value* v, const std::string& path, int64_t& out) {
  if (v == nullptr || v->is_null()) return Error::InvalidArgument(path, "is required");
  if (v->is_int64()) {
    out = v->as_int64();
    return Ok();
  }
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    out = static_cast<int64_t>(v->as_uint64());
    return Ok();
  }
  return Error::InvalidArgument(path, "must be a whole number");
}

Status ReadScalar(const json::value* v, const std::string& path, bool& out) {
  if (v == nullptr || v->is_null()) return Ok();  // the member's default
  if (!v->is_bool()) return Error::InvalidArgument(path, "must be true or false");
  out = v->as_bool();
  return Ok();
}

Status ReadScalar(const json::value* v, const std::string& path, Time& out) {
  if (v == nullptr || v->is_null()) return Error::InvalidArgument(path, "is required");
  TimePoint t;
  if (!v->is_string() || !ParseRfc3339(v->as_string(), t)) {
    return Error::InvalidArgument(path, "a time in RFC 3339");
  }
  out.unix_ms = ToUnixMillis(t);
  return Ok();
}

Status ReadScalar(const json::value* v, const std::string& path, json::value& out) {
  if (v == nullptr || v->is_null()) return Error::InvalidArgument(path, "is required");
  out = *v;
  return Ok();
}

Status OnlyKnown(const json::object& o, const std::string& path,
                 const std::vector<std::string_view>& known) {
  for (const auto& kv : o) {
    if (kv.key().empty()) {
      // An error must name a field: the object holding the empty key (the body at the top).
      return Error::InvalidArgument(path.empty() ? "body" : path, "a field has an empty name");
    }
    if (std::find(known.begin(), known.end(), std::string_view(kv.key())) == known.end()) {
      std::string expected;
      for (auto k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
      return Error::InvalidArgument(Field(path, kv.key()),
                                    "unknown field; the fields are: " + expected);
    }
  }
  return Ok();
}

Status RequireObject(const json::value* v, const std::string& path) {
  if (v == nullptr || v->is_null()) return Error::InvalidArgument(path, "is required");
  if (!v->is_object()) return Error::InvalidArgument(path, "must be an object");
  return Ok();
}

Status RequireArray(const json::value* v, const std::string& path) {
  if (v == nullptr || v->is_null()) return Error::InvalidArgument(path, "is required");
  if (!v->is_array()) return Error::InvalidArgument(path, "must be an array");
  return Ok();
}

Status CheckFen(int64_t value, const std::string& path) { return recirc::CheckFen(value, path); }

}  // namespace detail
}  // namespace recirc::jsonmap

namespace recirc::jsonmap {

json::value Schemas::Nullable(json::value schema) {
  auto& o = schema.as_object();
  if (o.empty()) return schema;  // any JSON already includes null
  if (const auto* type = o.if_contains("type"); type != nullptr && type->is_string()) {
    o["type"] = json::array{*type, "null"};
    return schema;
  }
  return json::object{{"oneOf", json::array{std::move(schema), json::object{{"type", "null"}}}}};
}

void Schemas::MergeFieldSchema(json::object& properties, std::string_view name,
                               std::string_view json_text) {
  auto extra = json::parse(json_text).as_object();
  auto& field = properties[name];
  if (extra.contains("$ref") || !field.is_object()) {
    field = std::move(extra);
    return;
  }
  for (auto& [key, value] : extra) field.as_object()[key] = value;
}

void Schemas::AddComponent(std::string_view name, std::string_view json_text) {
  if (!components_.contains(name)) components_[name] = json::parse(json_text);
}

}  // namespace recirc::jsonmap

namespace recirc::http {

void Describe(std::vector<Route>& routes, Verb method, std::string_view pattern, RouteDoc doc) {
  // (method, pattern) names one route: the router refuses a second registration of the pair.
  for (auto& route : routes) {
    if (route.method == method && route.pattern == pattern) {
      route.doc = std::move(doc);
      return;
    }
  }
}

}  // namespace recirc::http
