// API keys of the logged-in user: list, create (the secret is shown once), revoke.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/json_fields.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

Result<http::Response> List(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto keys, deps.auth.ListApiKeys(ctx.Actor()));
  dto::ApiKeyList out;
  for (const auto& k : keys) out.items.push_back(dto::ApiKey::From(k));
  return http::Json(200, boost::json::value_from(out));
}

Result<http::Response> Create(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewApiKey>(ctx));
  RECIRC_TRY(auto created, deps.auth.CreateApiKey(ctx.Actor(), in.name));
  dto::NewApiKeyResult out{dto::ApiKey::From(created.key), created.secret};
  return http::Json(201, boost::json::value_from(out));
}

Result<http::Response> Revoke(const IdentityApi& deps, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ApiKeyId::Parse(ctx.Param("id"), "id"));
  RECIRC_CHECK(deps.auth.RevokeApiKey(ctx.Actor(), id));
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

  using http::Describe;
  using http::Document;
  Describe(routes, Verb::get, "/api/v1/api-keys",
           Document<void, dto::ApiKeyList>("The caller's API keys", "identity"));
  Describe(routes, Verb::post, "/api/v1/api-keys",
           Document<dto::NewApiKey, dto::NewApiKeyResult>(
               "Create an API key; the secret is returned once", "identity", 201));
  Describe(routes, Verb::delete_, "/api/v1/api-keys/{id}",
           Document<void, void>("Revoke an API key", "identity", 204).Ok("revoked"));
}

}  // namespace recirc::api
