// Logging in and out from the browser: POST/GET/DELETE /api/v1/session.
#include <boost/beast/http/field.hpp>
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/dispatcher.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

using identity::Permission;

std::string SessionCookie(const std::string& value, int64_t max_age_seconds, bool secure) {
  std::string c = std::string(http::kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
  if (secure) c += "; Secure";
  return c;
}

Result<http::Response> Login(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::Login>(ctx));
  RECIRC_TRY(auto login, deps.auth.Login(in.username, in.password, ctx.remote));
  const int64_t max_age = std::chrono::seconds(deps.session_lifetime).count();
  ctx.extra_headers.emplace_back("Set-Cookie",
                                 SessionCookie(login.session_token, max_age, deps.secure_cookies));
  return http::Json(200, boost::json::value_from(dto::Session::From(login.principal)));
}

Result<http::Response> Current(http::RequestContext& ctx) {
  return http::Json(200, boost::json::value_from(dto::Session::From(ctx.Actor())));
}

Result<http::Response> Logout(const IdentityApi& deps, http::RequestContext& ctx) {
  const std::string token =
      http::CookieValue(ctx.request[boost::beast::http::field::cookie], http::kSessionCookie);
  if (!token.empty()) RECIRC_CHECK(deps.auth.Logout(token));
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie("", 0, deps.secure_cookies));
  return http::NoContent();
}

}  // namespace

void AddSessionRoutes(std::vector<http::Route>& routes, const IdentityApi& deps) {
  using http::Verb;
  routes.push_back({Verb::post, "/api/v1/session", Permission::kPublic,
                    [&deps](http::RequestContext& c) { return Login(deps, c); }, size_t{4} * 1024,
                    http::Execution::kHashing, http::Answer::kSecret});
  routes.push_back({Verb::get, "/api/v1/session", Permission::kAuthenticated, Current, 0});
  routes.push_back({Verb::delete_, "/api/v1/session", Permission::kAuthenticated,
                    [&deps](http::RequestContext& c) { return Logout(deps, c); }, 0});

  using http::Describe;
  using http::Document;
  Describe(routes, Verb::post, "/api/v1/session",
           Document<dto::Login, dto::Session>(
               "Log in; sets the HttpOnly session cookie and returns the CSRF token", "identity")
               .Fails(401)
               .Fails(429, "too many failed logins"));
  Describe(
      routes, Verb::get, "/api/v1/session",
      Document<void, dto::Session>("The logged-in user, organisation and permissions", "identity"));
  Describe(routes, Verb::delete_, "/api/v1/session",
           Document<void, void>("Log out", "identity", 204).Ok("logged out"));
}

}  // namespace recirc::api
