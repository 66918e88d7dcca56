#pragma once
// Inspection routes: checklists, inspections, signed reports, data sanitisation, repairs and the
// disclosure of an item's condition.

#include <string>
#include <vector>

#include "domain/inspection/services.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct InspectionApi {
  const inspection::InspectionServices& services;
  // Where a report's QR code points (app::Config::PublicBaseUrl), never the request's Host header.
  std::string public_base_url;
};

void AddInspectionRoutes(std::vector<http::Route>& routes, const InspectionApi& api);
// The inspector's queue and lookup (queue_routes.cpp).
void AddInspectionQueueRoutes(std::vector<http::Route>& routes, const InspectionApi& api);

}  // namespace recirc::api
