// The inspector's work list: GET /api/v1/inspection/queue (items of the body's region waiting for
// inspection, oldest first), /lookup?imei=|receipt= and /items/{id} (the inspection form's item
// check). Thin handlers over inspection::InspectionQueueService.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/inspection/queue_dto.hpp"
#include "api/inspection/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using inspection::InspectionServices;

Result<http::Response> Queue(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, CursorPageFromQuery(ctx, 50, 100));
  RECIRC_TRY(auto queue, d.queue.Queue(ctx.Actor(), page));
  dto::InspectionQueue out;
  for (const auto& e : queue.items) out.items.push_back(dto::InspectionQueueItem::From(e));
  if (queue.next_cursor) out.next_cursor.emplace(*queue.next_cursor);
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Lookup(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto found, d.queue.Lookup(ctx.Actor(), ctx.Query("imei"), ctx.Query("receipt")));
  dto::InspectionQueue out;
  for (const auto& e : found) out.items.push_back(dto::InspectionQueueItem::From(e));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Item(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto entry, d.queue.Item(ctx.Actor(), id));
  return http::Json(200, json::value_from(dto::InspectionQueueItem::From(entry)));
}

}  // namespace

void AddInspectionQueueRoutes(std::vector<http::Route>& routes, const InspectionApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const InspectionServices* d = &api.services;
  auto bind = [d](Result<http::Response> (*fn)(const InspectionServices&, http::RequestContext&)) {
    return [d, fn](http::RequestContext& c) { return fn(*d, c); };
  };
  routes.push_back({Verb::get, "/api/v1/inspection/queue", P::kInspectionWrite, bind(Queue), 0});
  routes.push_back({Verb::get, "/api/v1/inspection/lookup", P::kInspectionWrite, bind(Lookup), 0});
  routes.push_back(
      {Verb::get, "/api/v1/inspection/items/{id}", P::kInspectionWrite, bind(Item), 0});
  const std::string tag = "inspection";
  http::Describe(
      routes, Verb::get, "/api/v1/inspection/queue",
      http::Document<void, dto::InspectionQueue>(
          "Items registered at outlets of your inspection body's region and not yet "
          "inspected, oldest first (?cursor=, ?limit= up to 100; a page may be short "
          "and still have a next_cursor)",
          tag)
          .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
          .Query("limit",
                 R"js({"type": "integer", "minimum": 1, "maximum": 100, "default": 50})js"));
  http::Describe(routes, Verb::get, "/api/v1/inspection/lookup",
                 http::Document<void, dto::InspectionQueue>(
                     "Items of your region by ?imei= (normalised as registration does) or "
                     "?receipt= (the register number or the registration id on the receipt)",
                     tag)
                     .Query("imei", R"js({"type": "string"})js",
                            "an IMEI or serial, normalised as registration does")
                     .Query("receipt", R"js({"type": "string"})js",
                            "the register number or the registration id on the receipt"));
  http::Describe(routes, Verb::get, "/api/v1/inspection/items/{id}",
                 http::Document<void, dto::InspectionQueueItem>(
                     "One item for the inspection form; 404 (inspection.item_not_found) for an "
                     "unknown id",
                     tag));
}

}  // namespace recirc::api
