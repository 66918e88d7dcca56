// GB/T 2260 regions for pickers: GET /api/v1/regions?parent=<code> (provinces without parent).
#include <boost/json.hpp>

#include "api/system/routes.hpp"

namespace recirc::api {
namespace {

Result<http::Response> Children(const core::RegionTable& regions, http::RequestContext& ctx) {
  const std::string parent = ctx.Query("parent").value_or("");
  if (!parent.empty()) RECIRC_CHECK(core::ValidateRegionCode(regions, parent, "parent"));
  boost::json::array items;
  for (const core::Region* r : regions.Children(parent)) {
    items.push_back(
        {{"code", r->code}, {"name", r->name}, {"level", core::RegionLevelName(r->level)}});
  }
  return http::Json(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace

void AddRegionRoutes(std::vector<http::Route>& routes, const SystemApi& d) {
  const core::RegionTable* regions = &d.regions;
  // The table is in memory, but authenticating the caller reads the database.
  routes.push_back({http::Verb::get, "/api/v1/regions", identity::Permission::kRegionsRead,
                    [regions](http::RequestContext& c) { return Children(*regions, c); }, 0,
                    http::Execution::kBlocking});
}

}  // namespace recirc::api
