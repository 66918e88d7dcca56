// API keys of the logged-in user: list, create (the secret is shown once), revoke.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

Result<http::Response> List(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto keys, deps.auth.ListApiKeys(ctx.Actor()));
  boost::json::array items;
  for (const auto& k : keys) items.push_back(ToJson(k));
  return http::Json(200, boost::json::object{{"items", std::move(items)}});
}

Result<http::Response> Create(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"name"}));
  RECIRC_TRY(std::string name, f.String("name"));
  RECIRC_TRY(auto created, deps.auth.CreateApiKey(ctx.Actor(), name));
  boost::json::object out = ToJson(created.key);
  out["secret"] = created.secret;
  return http::Json(201, out);
}

Result<http::Response> Revoke(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_CHECK(deps.auth.RevokeApiKey(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::NoContent();
}

}  // namespace

void AddApiKeyRoutes(std::vector<http::Route>& routes, const IdentityApi& d) {
  using http::Verb;
  using P = identity::Permission;
  routes.push_back({Verb::get, "/api/v1/api-keys", P::kApiKeysManage,
                    [&d](http::RequestContext& c) { return List(d, c); }, 0});
  routes.push_back({Verb::post, "/api/v1/api-keys", P::kApiKeysManage,
                    [&d](http::RequestContext& c) { return Create(d, c); }, size_t{4} * 1024,
                    http::Execution::kBlocking, http::Answer::kSecret});
  routes.push_back({Verb::delete_, "/api/v1/api-keys/{id}", P::kApiKeysManage,
                    [&d](http::RequestContext& c) { return Revoke(d, c); }, 0});
}

}  // namespace recirc::api
