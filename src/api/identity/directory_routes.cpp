// Organisations, outlets and users: thin handlers over identity::DirectoryService.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

using identity::Permission;

Result<http::Response> ListOrganisations(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, PageFromQuery(ctx));
  RECIRC_TRY(auto result, deps.directory.ListOrganisations(ctx.Actor(), page));
  return http::Json(200, PageJson(result));
}

Result<http::Response> CreateOrganisation(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"kind", "name", "credit_code", "region_code"}));
  identity::NewOrganisation in;
  RECIRC_TRY(in.kind, f.String("kind"));
  RECIRC_TRY(in.name, f.String("name"));
  RECIRC_TRY(in.credit_code, f.OptionalString("credit_code"));
  RECIRC_TRY(in.region_code, f.String("region_code"));
  RECIRC_TRY(auto created, deps.directory.CreateOrganisation(ctx.Actor(), in));
  return http::Json(201, ToJson(created));
}

Result<http::Response> GetOrganisation(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto org, deps.directory.GetOrganisation(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::Json(200, ToJson(org));
}

Result<http::Response> ListOutlets(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, PageFromQuery(ctx));
  RECIRC_TRY(auto result,
             deps.directory.ListOutlets(ctx.Actor(), std::string(ctx.Param("id")), page));
  return http::Json(200, PageJson(result));
}

Result<http::Response> CreateOutlet(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"name", "region_code", "address"}));
  identity::NewOutlet in;
  RECIRC_TRY(in.name, f.String("name"));
  RECIRC_TRY(in.region_code, f.String("region_code"));
  RECIRC_TRY(in.address, f.String("address"));
  RECIRC_TRY(auto created,
             deps.directory.CreateOutlet(ctx.Actor(), std::string(ctx.Param("id")), in));
  return http::Json(201, ToJson(created));
}

Result<http::Response> ListUsers(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, PageFromQuery(ctx));
  RECIRC_TRY(auto result,
             deps.directory.ListUsers(ctx.Actor(), std::string(ctx.Param("id")), page));
  return http::Json(200, PageJson(result));
}

Result<http::Response> CreateUser(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"username", "display_name", "role", "password"}));
  identity::NewUser in;
  RECIRC_TRY(in.username, f.String("username"));
  RECIRC_TRY(in.display_name, f.String("display_name"));
  RECIRC_TRY(in.role, f.String("role"));
  RECIRC_TRY(in.password, f.String("password"));
  RECIRC_TRY(auto created,
             deps.directory.CreateUser(ctx.Actor(), std::string(ctx.Param("id")), in));
  return http::Json(201, ToJson(created));
}

}  // namespace

void AddDirectoryRoutes(std::vector<http::Route>& routes, const IdentityApi& d) {
  using http::Verb;
  using P = Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const IdentityApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  routes.push_back(
      {Verb::get, "/api/v1/organisations", P::kOrganisationsRead, bind(ListOrganisations), 0});
  routes.push_back(
      {Verb::post, "/api/v1/organisations", P::kOrganisationsManage, bind(CreateOrganisation)});
  routes.push_back(
      {Verb::get, "/api/v1/organisations/{id}", P::kOrganisationsRead, bind(GetOrganisation), 0});
  routes.push_back(
      {Verb::get, "/api/v1/organisations/{id}/outlets", P::kOutletsRead, bind(ListOutlets), 0});
  routes.push_back(
      {Verb::post, "/api/v1/organisations/{id}/outlets", P::kOutletsManage, bind(CreateOutlet)});
  routes.push_back(
      {Verb::get, "/api/v1/organisations/{id}/users", P::kUsersRead, bind(ListUsers), 0});
  routes.push_back({Verb::post, "/api/v1/organisations/{id}/users", P::kUsersManage,
                    bind(CreateUser), size_t{64} * 1024, http::Execution::kHashing});
}

}  // namespace recirc::api
