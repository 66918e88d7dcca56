// Account administration and a user's own password change: thin handlers over
// identity::AccountService (docs/security.md "Account administration").
#include <boost/beast/http/field.hpp>
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/dispatcher.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using identity::Permission;

Result<identity::StatusChange> StatusFrom(const dto::StatusChange& in) {
  RECIRC_TRY(auto status, Parse<identity::AccountStatus>(in.status, "status"));
  return identity::StatusChange{status, in.reason};
}

Result<http::Response> UpdateOrganisation(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::OrganisationChanges>(ctx));
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto org, deps.accounts.UpdateOrganisation(ctx.Actor(), id, in.ToDomain()));
  return http::Json(200, json::value_from(dto::Organisation::From(org)));
}

Result<http::Response> OrganisationStatus(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::StatusChange>(ctx));
  RECIRC_TRY(auto change, StatusFrom(in));
  RECIRC_TRY(auto id, OrganisationId::Parse(ctx.Param("id"), "organisation_id"));
  RECIRC_TRY(auto org, deps.accounts.SetOrganisationStatus(ctx.Actor(), id, change));
  return http::Json(200, json::value_from(dto::Organisation::From(org)));
}

Result<http::Response> UpdateOutlet(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::OutletChanges>(ctx));
  RECIRC_TRY(auto id, OutletId::Parse(ctx.Param("id"), "outlet_id"));
  RECIRC_TRY(auto outlet, deps.accounts.UpdateOutlet(ctx.Actor(), id, in.ToDomain()));
  return http::Json(200, json::value_from(dto::Outlet::From(outlet)));
}

Result<http::Response> OutletStatus(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::StatusChange>(ctx));
  RECIRC_TRY(auto change, StatusFrom(in));
  RECIRC_TRY(auto id, OutletId::Parse(ctx.Param("id"), "outlet_id"));
  RECIRC_TRY(auto outlet, deps.accounts.SetOutletStatus(ctx.Actor(), id, change));
  return http::Json(200, json::value_from(dto::Outlet::From(outlet)));
}

Result<http::Response> SetDisabled(const IdentityApi& deps, http::RequestContext& ctx,
                                   bool disabled) {
  RECIRC_TRY(auto in, ReadBody<dto::Reason>(ctx));
  RECIRC_TRY(auto id, UserId::Parse(ctx.Param("id"), "user_id"));
  RECIRC_TRY(auto user, deps.accounts.SetUserDisabled(ctx.Actor(), id, disabled, in.reason));
  return http::Json(200, json::value_from(dto::User::From(user)));
}
Result<http::Response> Disable(const IdentityApi& deps, http::RequestContext& ctx) {
  return SetDisabled(deps, ctx, true);
}
Result<http::Response> Enable(const IdentityApi& deps, http::RequestContext& ctx) {
  return SetDisabled(deps, ctx, false);
}

Result<http::Response> ResetPassword(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::PasswordResetRequest>(ctx));
  std::optional<std::string> chosen;  // empty: the server generates one
  if (!in.password.empty()) chosen = in.password;
  RECIRC_TRY(auto id, UserId::Parse(ctx.Param("id"), "user_id"));
  RECIRC_TRY(auto reset, deps.accounts.ResetPassword(ctx.Actor(), id, chosen));
  dto::PasswordResetResult out{dto::User::From(reset.user), {}};
  if (reset.generated) out.temporary_password = *reset.generated;
  return http::Json(200, json::value_from(out));
}

Result<http::Response> ChangeOwnPassword(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::PasswordChange>(ctx));
  const std::string token =
      http::CookieValue(ctx.request[boost::beast::http::field::cookie], http::kSessionCookie);
  RECIRC_CHECK(
      deps.accounts.ChangeOwnPassword(ctx.Actor(), in.current_password, in.new_password, token));
  return http::NoContent();
}

}  // namespace

void AddAccountRoutes(std::vector<http::Route>& routes, const IdentityApi& d) {
  using http::Verb;
  using P = Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const IdentityApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  constexpr size_t kSmall = size_t{4} * 1024;
  routes.push_back({Verb::patch, "/api/v1/organisations/{id}", P::kOrganisationsManage,
                    bind(UpdateOrganisation), kSmall});
  routes.push_back({Verb::post, "/api/v1/organisations/{id}/status", P::kOrganisationsManage,
                    bind(OrganisationStatus), kSmall});
  routes.push_back(
      {Verb::patch, "/api/v1/outlets/{id}", P::kOutletsManage, bind(UpdateOutlet), kSmall});
  routes.push_back({Verb::post, "/api/v1/outlets/{id}/status", P::kOrganisationsManage,
                    bind(OutletStatus), kSmall});
  routes.push_back(
      {Verb::post, "/api/v1/users/{id}/disable", P::kUsersManage, bind(Disable), kSmall});
  routes.push_back(
      {Verb::post, "/api/v1/users/{id}/enable", P::kUsersManage, bind(Enable), kSmall});
  routes.push_back({Verb::post, "/api/v1/users/{id}/password-reset", P::kUsersManage,
                    bind(ResetPassword), kSmall, http::Execution::kHashing, http::Answer::kSecret});
  routes.push_back({Verb::post, std::string(identity::kOwnPasswordPath), P::kAuthenticated,
                    bind(ChangeOwnPassword), kSmall, http::Execution::kHashing,
                    http::Answer::kSecret});

  using http::Describe;
  using http::Document;
  const char* tag = "identity";
  Describe(
      routes, Verb::patch, "/api/v1/organisations/{id}",
      Document<dto::OrganisationChanges, dto::Organisation>(
          "Edit an organisation's name, region or credit code (platform administrators)", tag));
  Describe(
      routes, Verb::post, "/api/v1/organisations/{id}/status",
      Document<dto::StatusChange, dto::Organisation>(
          "Suspend or reactivate an organisation, with a reason (platform administrators)", tag));
  Describe(
      routes, Verb::patch, "/api/v1/outlets/{id}",
      Document<dto::OutletChanges, dto::Outlet>("Edit an outlet's name, region or address", tag));
  Describe(routes, Verb::post, "/api/v1/outlets/{id}/status",
           Document<dto::StatusChange, dto::Outlet>(
               "Suspend or reactivate an outlet, with a reason (platform administrators)", tag));
  Describe(routes, Verb::post, "/api/v1/users/{id}/disable",
           Document<dto::Reason, dto::User>("Disable a user; their sessions end at once", tag));
  Describe(routes, Verb::post, "/api/v1/users/{id}/enable",
           Document<dto::Reason, dto::User>("Enable a disabled user again", tag));
  Describe(routes, Verb::post, "/api/v1/users/{id}/password-reset",
           Document<dto::PasswordResetRequest, dto::PasswordResetResult>(
               "Give a user a temporary password (generated when omitted) to change at the next "
               "login; their sessions end",
               tag));
  Describe(routes, Verb::post, std::string(identity::kOwnPasswordPath),
           Document<dto::PasswordChange, void>("Change one's own password", tag, 204));
}

}  // namespace recirc::api
