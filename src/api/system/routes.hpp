#pragma once
// Operations routes (health, readiness, metrics, the OpenAPI document, the events journal) and
// the region table. Built from what operations need, nothing else.

#include <memory>
#include <vector>

#include "core/region.hpp"
#include "http/metrics.hpp"
#include "http/route.hpp"
#include "storage/database.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::api {

struct SystemApi {
  storage::Database& db;
  const storage::JournalRepository& journal;
  const core::RegionTable& regions;
  // The metrics are made once the router exists (their labels are its routes), so the group holds
  // the application's slot; it is filled before the server takes its first request.
  const std::unique_ptr<http::Metrics>& metrics;
  std::string time_zone;  // Config::time_zone, served to the web app
};

void AddSystemRoutes(std::vector<http::Route>& routes, const SystemApi& api);
void AddRegionRoutes(std::vector<http::Route>& routes, const SystemApi& api);

}  // namespace recirc::api
