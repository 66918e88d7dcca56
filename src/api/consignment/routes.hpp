#pragma once
// Consignment routes: consignors, intakes under an agreement, counter sales, reversals, payouts
// and a consignor's statement (docs/consignment.md). All for a shop's staff (acquisitions.write).

#include <vector>

#include "domain/consignment/consignment_service.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct ConsignmentApi {
  consignment::ConsignmentService& service;
};

void AddConsignmentRoutes(std::vector<http::Route>& routes, const ConsignmentApi& api);

}  // namespace recirc::api
