// GET /api/v1/offers/{id}/availability (public): whether the offer can be bought now and, if not,
// the rule and the reason (held, sold, reserved, no sanitization certificate). The buyer's item
// page shows it instead of a buy button; placing the order checks the same rules again.
#include <boost/json.hpp>

#include "api/api.hpp"

namespace recirc::api {

void AddMarketAvailabilityRoutes(std::vector<http::Route>& routes, ApiDeps& deps) {
  const market::MarketServices* d = deps.market;
  if (d == nullptr) return;
  routes.push_back(
      {http::Verb::get, "/api/v1/offers/{id}/availability", identity::Permission::kPublic,
       [d](http::RequestContext& c) -> Result<http::Response> {
         RECIRC_TRY(auto a, d->offers.Availability(c.principal, std::string(c.Param("id"))));
         boost::json::object body{
             {"offer_id", a.offer_id},
             {"status", ToString(a.status)},
             {"buyable", a.buyable},
             {"rule", a.rule.empty() ? boost::json::value(nullptr) : boost::json::value(a.rule)},
             {"reason",
              a.reason.empty() ? boost::json::value(nullptr) : boost::json::value(a.reason)}};
         return http::Json(200, std::move(body));
       },
       0});
}

}  // namespace recirc::api
