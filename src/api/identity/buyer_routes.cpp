// Buyer accounts and what the public market shows of an offer besides its terms:
// POST /api/v1/buyers (open an account, no session) and the offer's item photos.
#include <boost/json.hpp>

#include "api/api.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> RegisterBuyer(ApiDeps& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"username", "password", "display_name"}));
  identity::NewBuyer in;
  RECIRC_TRY(in.username, f.String("username"));
  RECIRC_TRY(in.password, f.String("password"));
  RECIRC_TRY(in.display_name, f.String("display_name"));
  RECIRC_TRY(auto user, d.buyers->Register(in, ctx.remote));
  return http::Json(201, json::object{{"user",
                                       {{"id", user.id},
                                        {"username", user.username},
                                        {"display_name", user.display_name},
                                        {"role", user.role}}}});
}

Result<http::Response> OfferPhotos(ApiDeps& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photos, d.offer_photos->List(std::string(ctx.Param("id"))));
  json::array items;
  for (const auto& p : photos) {
    items.push_back({{"sha256", p.sha256}, {"content_type", p.media_type}});
  }
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> OfferPhoto(ApiDeps& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photo,
             d.offer_photos->Get(std::string(ctx.Param("id")), std::string(ctx.Param("sha256"))));
  http::Response r = http::Text(200, photo.record.media_type, std::move(photo.bytes));
  // The address names the bytes (their SHA-256), so they never change.
  r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  return r;
}

}  // namespace

void AddBuyerRoutes(std::vector<http::Route>& routes, ApiDeps& d) {
  using http::Verb;
  using P = identity::Permission;
  auto bind = [&d](Result<http::Response> (*fn)(ApiDeps&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  if (d.buyers != nullptr) {
    routes.push_back({Verb::post, "/api/v1/buyers", P::kPublic, bind(RegisterBuyer),
                      size_t{4} * 1024, http::Execution::kHashing, http::Answer::kSecret});
  }
  if (d.offer_photos != nullptr) {
    routes.push_back({Verb::get, "/api/v1/offers/{id}/photos", P::kPublic, bind(OfferPhotos), 0});
    routes.push_back(
        {Verb::get, "/api/v1/offers/{id}/photos/{sha256}", P::kPublic, bind(OfferPhoto), 0});
  }
}

}  // namespace recirc::api
