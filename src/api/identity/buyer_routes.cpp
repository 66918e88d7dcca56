// Buyer accounts: POST /api/v1/buyers (open an account, no session).
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/identity/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> RegisterBuyer(const IdentityApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewBuyer>(ctx));
  RECIRC_TRY(auto user, d.buyers.Register(in.ToDomain(), ctx.remote));
  dto::NewBuyerResult out;
  out.user = {{user.id, user.username, user.display_name, user.role}};
  return http::Json(201, json::value_from(out));
}

}  // namespace

void AddBuyerRoutes(std::vector<http::Route>& routes, const IdentityApi& d) {
  using http::Verb;
  using P = identity::Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const IdentityApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  routes.push_back({Verb::post, "/api/v1/buyers", P::kPublic, bind(RegisterBuyer), size_t{4} * 1024,
                    http::Execution::kHashing, http::Answer::kSecret});

  http::Describe(routes, Verb::post, "/api/v1/buyers",
                 http::Document<dto::NewBuyer, dto::NewBuyerResult>(
                     "Open an individual buyer's account (role buyer, in the node-wide buyers "
                     "organisation). No session needed; afterwards POST /api/v1/session logs in. "
                     "Rate-limited per username and client address like login.",
                     "identity", 201)
                     .Ok("Created")
                     .Fails(409, "the username is taken (field username)")
                     .Fails(429, "too many registrations from this address or for this username"));
}

}  // namespace recirc::api
