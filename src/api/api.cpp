#include "api/api.hpp"

#include <memory>

namespace recirc::api {

std::vector<http::Route> BuildRoutes(const ApiContexts& c) {
  std::vector<http::Route> routes;
  AddSystemRoutes(routes, c.system);
  AddSessionRoutes(routes, c.identity);
  AddDirectoryRoutes(routes, c.identity);
  AddAccountRoutes(routes, c.identity);
  AddApiKeyRoutes(routes, c.identity);
  AddRegionRoutes(routes, c.system);
  AddRegistryRoutes(routes, c.registry);
  AddInspectionRoutes(routes, c.inspection);
  AddInspectionQueueRoutes(routes, c.inspection);
  AddPhotoRoutes(routes, c.registry);
  AddLogRoutes(routes, c.history);
  AddMarketRoutes(routes, c.market);
  AddAfterSalesRoutes(routes, c.market);
  AddBestOfferRoutes(routes, c.market);
  AddAuctionRoutes(routes, c.market);
  AddRentalRoutes(routes, c.market);
  AddSearchRoutes(routes, c.market);
  AddMarketAvailabilityRoutes(routes, c.market);
  AddInventoryRoutes(routes, c.market);
  AddBuyerRoutes(routes, c.identity);
  AddOfferPhotoRoutes(routes, c.market);
  AddWitnessRoutes(routes, c.history);
  AddLabelRoutes(routes, c.registry);
  AddOrderPhotoRoutes(routes, c.market);
  AddStatisticsRoutes(routes, c.statistics);
  AddNotificationRoutes(routes, c.notifications);
  AddComplaintRoutes(routes, c.complaints);
  AddFederationRoutes(routes, c.federation);
  AddConsignmentRoutes(routes, c.consignment);
  // The OpenAPI route serves the document generated from the whole table, made once here.
  auto document = std::make_shared<const std::string>(GenerateOpenApi(routes));
  for (auto& route : routes) {
    if (route.method == http::Verb::get && route.pattern == "/api/v1/openapi.json") {
      route.handler = [document](http::RequestContext&) -> Result<http::Response> {
        return http::Text(200, "application/json", *document);
      };
    }
  }
  return routes;
}

}  // namespace recirc::api
