#include "http/route.hpp"

#include <boost/json.hpp>

namespace recirc::http {

std::string_view RequestContext::Param(std::string_view name) const {
  for (const auto& [k, v] : path_params) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string> RequestContext::Query(std::string_view name) const {
  if (queried != nullptr) queried->emplace_back(name);
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

Result<boost::json::object> RequestContext::JsonObject() const {
  const std::string& body = request.body();
  if (body.empty()) return Error::InvalidArgument("body", "the request needs a JSON object body");
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  if (ec) return Error::InvalidArgument("body", "the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Error::InvalidArgument("body", "the body must be a JSON object");
  return std::move(v.as_object());
}

}  // namespace recirc::http

namespace recirc::http {

RouteDoc& RouteDoc::Query(std::string name, std::string schema, std::string description,
                          bool required) {
  query.push_back({std::move(name), std::move(schema), std::move(description), required});
  return *this;
}

RouteDoc& RouteDoc::Fails(unsigned status, std::string description) {
  answers.push_back({status, std::move(description), {}, {}, true});
  return *this;
}

RouteDoc& RouteDoc::Returns(unsigned status, std::string description, std::string media_type,
                            std::string schema) {
  answers.push_back({status, std::move(description), std::move(media_type), std::move(schema)});
  return *this;
}

RouteDoc& RouteDoc::Ok(std::string text) {
  ok_description = std::move(text);
  return *this;
}

RouteDoc& RouteDoc::Details(std::string text) {
  description = std::move(text);
  return *this;
}

RouteDoc& RouteDoc::Body(std::string media_type, std::string schema, std::string example) {
  bodies.push_back({0, std::move(example), std::move(media_type), std::move(schema)});
  return *this;
}

}  // namespace recirc::http
