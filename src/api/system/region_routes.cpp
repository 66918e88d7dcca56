// GB/T 2260 regions for pickers: GET /api/v1/regions?parent=<code> (provinces without parent).
#include <boost/json.hpp>

#include "api/system/dto.hpp"
#include "api/system/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

Result<http::Response> Children(const core::RegionTable& regions, http::RequestContext& ctx) {
  const std::string parent = ctx.Query("parent").value_or("");
  if (!parent.empty()) RECIRC_CHECK(core::ValidateRegionCode(regions, parent, "parent"));
  dto::RegionList out;
  for (const core::Region* r : regions.Children(parent)) {
    out.items.push_back({r->code, r->name, std::string(core::RegionLevelName(r->level))});
  }
  return http::Json(200, boost::json::value_from(out));
}

}  // namespace

void AddRegionRoutes(std::vector<http::Route>& routes, const SystemApi& d) {
  const core::RegionTable* regions = &d.regions;
  // The table is in memory, but authenticating the caller reads the database.
  routes.push_back({http::Verb::get, "/api/v1/regions", identity::Permission::kRegionsRead,
                    [regions](http::RequestContext& c) { return Children(*regions, c); }, 0,
                    http::Execution::kBlocking});
  http::Describe(routes, http::Verb::get, "/api/v1/regions",
                 http::Document<void, dto::RegionList>(
                     "GB/T 2260 regions under a parent (provinces without one)", "reference")
                     .Query("parent", R"js({"type": "string", "pattern": "^[0-9]{6}$"})js"));
}

}  // namespace recirc::api
