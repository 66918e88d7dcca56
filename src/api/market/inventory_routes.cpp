// GET /api/v1/inventory?status=&imei=&cursor=&limit= (market.manage): the shop's items, newest
// first, with status (registered, in_hold until a date, inspected, listed, sold, held, seized),
// the hold's end and the next step; filtered by status, searched by IMEI or serial.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/dto.hpp"
#include "api/market/inventory_dto.hpp"
#include "api/market/routes.hpp"
#include "domain/market/paging.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {

void AddInventoryRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  const market::MarketServices* d = &api.services;
  routes.push_back({http::Verb::get, "/api/v1/inventory", identity::Permission::kMarketManage,
                    [d](http::RequestContext& c) -> Result<http::Response> {
                      market::InventoryQuery q;
                      RECIRC_TRY(q.page, CursorPageFromQuery(c, market::kOperatorPageDefault,
                                                             market::kOperatorPageMax));
                      q.status = c.Query("status");
                      if (q.status && q.status->empty()) q.status.reset();
                      q.imei = c.Query("imei");
                      if (q.imei && q.imei->empty()) q.imei.reset();
                      RECIRC_TRY(auto page, d->inventory.List(c.Actor(), q));
                      dto::CursorPage<dto::InventoryItem> out{{}, page.next_cursor};
                      for (const auto& r : page.items)
                        out.items.push_back(dto::InventoryItem::From(r));
                      return http::Json(200, boost::json::value_from(out));
                    },
                    0});
  http::Describe(
      routes, http::Verb::get, "/api/v1/inventory",
      http::Document<void, dto::CursorPage<dto::InventoryItem>>(
          "The shop's items with status, hold end and next step; ?status= filters, "
          "?imei= finds an item by IMEI or serial; a filtered page may be short and "
          "still have a next_cursor",
          "market")
          .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
          .Query("limit", R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js")
          .Query("status", R"js({"type": "string"})js", "only items with this status")
          .Query("imei", R"js({"type": "string"})js", "the item with this IMEI or serial"));
}

}  // namespace recirc::api
