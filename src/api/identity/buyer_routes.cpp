// Buyer accounts: POST /api/v1/buyers (open an account, no session).
#include <boost/json.hpp>

#include "api/identity/routes.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> RegisterBuyer(const IdentityApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"username", "password", "display_name"}));
  identity::NewBuyer in;
  RECIRC_TRY(in.username, f.String("username"));
  RECIRC_TRY(in.password, f.String("password"));
  RECIRC_TRY(in.display_name, f.String("display_name"));
  RECIRC_TRY(auto user, d.buyers.Register(in, ctx.remote));
  return http::Json(201, json::object{{"user",
                                       {{"id", user.id},
                                        {"username", user.username},
                                        {"display_name", user.display_name},
                                        {"role", user.role}}}});
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
}

}  // namespace recirc::api
