#pragma once
// The whole HTTP API: every route table, assembled in one place. Each area keeps its own table
// (system_routes.cpp, session_routes.cpp, directory_routes.cpp, …) and receives only the narrow
// parts it needs.

#include <functional>
#include <string_view>
#include <vector>

#include "core/region.hpp"
#include "documents/item_label_service.hpp"
#include "domain/history/log_service.hpp"
#include "domain/identity/auth_service.hpp"
#include "domain/identity/buyer_service.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/services.hpp"
#include "domain/market/offer_photos.hpp"
#include "domain/market/order_photos.hpp"
#include "domain/market/services.hpp"
#include "domain/registry/photos.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"
#include "domain/registry/seller_view.hpp"
#include "http/metrics.hpp"
#include "http/route.hpp"
#include "search/search_index.hpp"
#include "storage/database.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::history {
class WitnessService;
}  // namespace recirc::history

namespace recirc::api {

struct ApiDeps {
  storage::Database& db;
  identity::AuthService& auth;
  identity::DirectoryService& directory;
  const storage::JournalRepository& journal;
  registry::RegistrationService& registration;
  registry::PoliceService& police;
  registry::SellerViewService& seller_view;
  const core::RegionTable& regions;
  http::Metrics* metrics = nullptr;  // set after the router exists (metrics need route labels)
  std::chrono::minutes session_lifetime{12 * 60};
  bool secure_cookies = false;  // add the Secure attribute (behind TLS)
  // Where printed QR codes point (app::Config::PublicBaseUrl), never the request's Host header.
  std::string public_base_url;
  const inspection::InspectionServices* inspection = nullptr;  // inspection_routes.cpp
  registry::PhotoService* photos = nullptr;  // set by the application before BuildRoutes
  history::LogService* log = nullptr;        // the item-history transparency log (log_routes.cpp)
  const market::MarketServices* market = nullptr;     // market_routes.cpp
  search::SearchIndex* search = nullptr;              // search_routes.cpp
  identity::BuyerService* buyers = nullptr;           // buyer_routes.cpp
  market::OfferPhotoService* offer_photos = nullptr;  // buyer_routes.cpp
  history::WitnessService* witness = nullptr;         // witness_routes.cpp
  // Item labels (label_routes.cpp).
  const documents::LabelService* labels = nullptr;
  market::OrderPhotoService* order_photos = nullptr;  // order_photo_routes.cpp
};

std::vector<http::Route> BuildRoutes(ApiDeps& deps);

// The hand-written part of the OpenAPI 3.1 document (src/api/openapi.json, compiled in): what
// routes without RouteDoc say beyond method, path and permission, and the shared components.
std::string_view OpenApi();
// The OpenAPI 3.1 document served at /api/v1/openapi.json, generated from the route table
// (src/api/openapi.cpp) over the hand-written part.
std::string GenerateOpenApi(const std::vector<http::Route>& routes);

// Each area's table.
void AddSystemRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddSessionRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddDirectoryRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddApiKeyRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddRegionRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddRegistryRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddInspectionRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddPhotoRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddLogRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddMarketRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddAfterSalesRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddBestOfferRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddSearchRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddMarketAvailabilityRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddBuyerRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddWitnessRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddLabelRoutes(std::vector<http::Route>& routes, ApiDeps& deps);
void AddOrderPhotoRoutes(std::vector<http::Route>& routes, ApiDeps& deps);

}  // namespace recirc::api
