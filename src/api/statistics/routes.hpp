#pragma once
// Statistics routes: the transaction figures for the commerce authority and market supervision.

#include <vector>

#include "domain/statistics/statistics_service.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct StatisticsApi {
  statistics::StatisticsService& statistics;
};

void AddStatisticsRoutes(std::vector<http::Route>& routes, const StatisticsApi& api);

}  // namespace recirc::api
