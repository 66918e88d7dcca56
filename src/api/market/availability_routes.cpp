// GET /api/v1/offers/{id}/availability (public): whether the offer can be bought now and, if not,
// the rule and the reason (held, sold, reserved, no sanitization certificate). The buyer's item
// page shows it instead of a buy button; placing the order checks the same rules again.
#include <boost/json.hpp>

#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {

void AddMarketAvailabilityRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  const market::MarketServices* d = &api.services;
  routes.push_back(
      {http::Verb::get, "/api/v1/offers/{id}/availability", identity::Permission::kPublic,
       [d](http::RequestContext& c) -> Result<http::Response> {
         RECIRC_TRY(auto id, OfferId::Parse(c.Param("id"), "id"));
         RECIRC_TRY(auto a, d->offers.Availability(c.principal, id));
         dto::Availability out{a.offer_id,   ToString(a.status), a.buyable, std::nullopt,
                               std::nullopt, std::nullopt,       {}};
         if (!a.rule.empty()) out.rule = a.rule;
         if (!a.reason.empty()) out.reason = a.reason;
         if (!a.reason_id.empty()) out.reason_id = a.reason_id;
         for (const auto& p : a.reason_params) out.reason_params[p.name] = p.value;
         return http::Json(200, boost::json::value_from(out));
       },
       0});
  http::Describe(
      routes, http::Verb::get, "/api/v1/offers/{id}/availability",
      http::Document<void, dto::Availability>(
          "Whether an offer can be bought now, and if not the rule and reason (public)", "market")
          .Details("The checks an order makes before reserving the offer: the offer is published, "
                   "the item is not held (item_held), the sanitization certificate where the "
                   "category needs one (sanitization_required). A reserved or sold offer answers "
                   "offer_reserved / offer_sold. Placing the order checks again."));
}

}  // namespace recirc::api
