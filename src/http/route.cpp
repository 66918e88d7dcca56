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
