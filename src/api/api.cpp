#include "api/api.hpp"

#include <memory>
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
