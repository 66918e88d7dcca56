#pragma once
// The whole HTTP API: one route group per context (src/api/<context>/), each built from that
// context's services only (its *Api struct: references, nothing optional), assembled here.

#include <string_view>
#include <vector>

#include "api/complaints/routes.hpp"
#include "api/consignment/routes.hpp"
#include "api/federation/routes.hpp"
#include "api/history/routes.hpp"
#include "api/identity/routes.hpp"
#include "api/inspection/routes.hpp"
#include "api/market/routes.hpp"
#include "api/notifications/routes.hpp"
#include "api/registry/routes.hpp"
#include "api/statistics/routes.hpp"
#include "api/system/routes.hpp"
#include "http/route.hpp"

namespace recirc::api {

// Every context's group. The handlers keep references to these structs, so the value passed to
// BuildRoutes must outlive the routes (the application owns both).
// An aggregate built whole with designated initializers; its members hold references and have no
// default constructor, which the member-init check cannot see through.
struct ApiContexts {  // NOLINT(cppcoreguidelines-pro-type-member-init)
  SystemApi system;
  IdentityApi identity;
  RegistryApi registry;
  InspectionApi inspection;
  HistoryApi history;
  MarketApi market;
  StatisticsApi statistics;
  NotificationsApi notifications;
  ComplaintsApi complaints;
  FederationApi federation;
  ConsignmentApi consignment;
};

std::vector<http::Route> BuildRoutes(const ApiContexts& contexts);

// The OpenAPI 3.1 document served at /api/v1/openapi.json, generated from the route table and
// the routes' RouteDoc (src/api/openapi.cpp).
std::string GenerateOpenApi(const std::vector<http::Route>& routes);

}  // namespace recirc::api
