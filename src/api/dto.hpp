#pragma once
// Shared helpers of the route tables: request bodies read as described DTOs, page queries.
// The DTOs themselves live with their context (src/api/<context>/dto.hpp).

#include <cstdint>
#include <optional>

#include <boost/json/object.hpp>

#include "domain/identity/directory_service.hpp"
#include "domain/identity/principal.hpp"
#include "http/describe_json.hpp"
#include "http/route.hpp"

namespace recirc::api {

// A request body read as the described DTO T (http/describe_json.hpp): unknown fields refused,
// errors naming the field by its path.
template <class T>
Result<T> ReadBody(const http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  return jsonmap::Read<T>(boost::json::value(std::move(body)));
}

// The query parameter `name` as a whole number from `min` to `max`; nullopt when it is absent;
// otherwise (empty, not a number, out of range) kInvalidArgument naming it.
Result<std::optional<int64_t>> WholeQuery(const http::RequestContext& ctx, const std::string& name,
                                          int64_t min, int64_t max);
// ?after=<id>&limit=<1..200>, with errors naming the parameter.
Result<storage::PageRequest> PageFromQuery(const http::RequestContext& ctx);
// ?cursor=<id>&limit=<1..max_limit> (the market's lists), with errors naming the parameter.
Result<storage::PageRequest> CursorPageFromQuery(const http::RequestContext& ctx, int default_limit,
                                                 int max_limit);

}  // namespace recirc::api
