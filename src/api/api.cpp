#include "api/api.hpp"

#include <span>

#include "core/embedded_file.hpp"

namespace recirc::api {

std::span<const EmbeddedFile> OpenApiDocument();

std::string_view OpenApi() { return OpenApiDocument().front().content; }

std::vector<http::Route> BuildRoutes(ApiDeps& deps) {
  std::vector<http::Route> routes;
  AddSystemRoutes(routes, deps);
  AddSessionRoutes(routes, deps);
  AddDirectoryRoutes(routes, deps);
  AddApiKeyRoutes(routes, deps);
  AddRegionRoutes(routes, deps);
  AddRegistryRoutes(routes, deps);
  AddInspectionRoutes(routes, deps);
  AddPhotoRoutes(routes, deps);
  AddLogRoutes(routes, deps);
  AddMarketRoutes(routes, deps);
  AddAfterSalesRoutes(routes, deps);
  AddBestOfferRoutes(routes, deps);
  AddSearchRoutes(routes, deps);
  AddMarketAvailabilityRoutes(routes, deps);
  AddBuyerRoutes(routes, deps);
  AddWitnessRoutes(routes, deps);
  AddLabelRoutes(routes, deps);
  AddOrderPhotoRoutes(routes, deps);
  return routes;
}

}  // namespace recirc::api
