// Organisations, outlets and users: thin handlers over identity::DirectoryService.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/json_fields.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using identity::Permission;

Result<http::Response> ListOrganisations(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, PageFromQuery(ctx));
  RECIRC_TRY(auto result,
             deps.directory.ListOrganisations(ctx.Actor(), page, ctx.Query("q").value_or("")));
  return http::Json(200, json::value_from(dto::Page<dto::Organisation>::From(result)));
}

Result<http::Response> CreateOrganisation(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewOrganisation>(ctx));
  RECIRC_TRY(auto created, deps.directory.CreateOrganisation(ctx.Actor(), in.ToDomain()));
  return http::Json(201, json::value_from(dto::Organisation::From(created)));
}

Result<http::Response> GetOrganisation(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto org, deps.directory.GetOrganisation(ctx.Actor(), id));
  return http::Json(200, json::value_from(dto::Organisation::From(org)));
}

Result<http::Response> ListOutlets(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, PageFromQuery(ctx));
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto result, deps.directory.ListOutlets(ctx.Actor(), id, page));
  return http::Json(200, json::value_from(dto::Page<dto::Outlet>::From(result)));
}

Result<http::Response> CreateOutlet(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewOutlet>(ctx));
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto created, deps.directory.CreateOutlet(ctx.Actor(), id, in.ToDomain()));
  return http::Json(201, json::value_from(dto::Outlet::From(created)));
}

Result<http::Response> ListUsers(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, PageFromQuery(ctx));
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto result,
             deps.directory.ListUsers(ctx.Actor(), id, page, ctx.Query("q").value_or("")));
  return http::Json(200, json::value_from(dto::Page<dto::User>::From(result)));
}

Result<http::Response> CreateUser(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewUser>(ctx));
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto created, deps.directory.CreateUser(ctx.Actor(), id, in.ToDomain()));
  return http::Json(201, json::value_from(dto::User::From(created)));
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

  using http::Describe;
  using http::Document;
  const char* tag = "identity";
  Describe(routes, Verb::get, "/api/v1/organisations",
           Document<void, dto::Page<dto::Organisation>>(
               "Organisations the caller may see (all for platform administrators, else its own); "
               "?q= narrows to names containing it",
               tag)
               .Query("q", R"js({"type": "string"})js", "only names containing it")
               .Query("after", R"js({"type": "string"})js", "next_cursor of the previous page")
               .Query("limit",
                      R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js"));
  Describe(routes, Verb::post, "/api/v1/organisations",
           Document<dto::NewOrganisation, dto::Organisation>(
               "Create an organisation (platform administrators)", tag, 201)
               .Fails(409, "credit code exists"));
  Describe(routes, Verb::get, "/api/v1/organisations/{id}",
           Document<void, dto::Organisation>("One organisation", tag));
  Describe(routes, Verb::get, "/api/v1/organisations/{id}/outlets",
           Document<void, dto::Page<dto::Outlet>>("Outlets of an organisation", tag)
               .Query("after", R"js({"type": "string"})js", "next_cursor of the previous page")
               .Query("limit",
                      R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js"));
  Describe(routes, Verb::post, "/api/v1/organisations/{id}/outlets",
           Document<dto::NewOutlet, dto::Outlet>("Create an outlet of an operator", tag, 201)
               .Fails(422, "not an operator"));
  Describe(
      routes, Verb::get, "/api/v1/organisations/{id}/users",
      Document<void, dto::Page<dto::User>>(
          "Users of an organisation; ?q= narrows to usernames or display names containing it", tag)
          .Query("q", R"js({"type": "string"})js", "only usernames or display names containing it")
          .Query("after", R"js({"type": "string"})js", "next_cursor of the previous page")
          .Query("limit",
                 R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js"));
  Describe(routes, Verb::post, "/api/v1/organisations/{id}/users",
           Document<dto::NewUser, dto::User>(
               "Create a user whose role fits the organisation's kind", tag, 201)
               .Fails(409, "username taken"));
}

}  // namespace recirc::api
