// Buyer accounts and what the public market shows of an offer besides its terms:
// POST /api/v1/buyers (open an account, no session) and the offer's item photos.
#include <boost/json.hpp>

#include "api/api.hpp"
#include "api/dto.hpp"
#include "api/identity/dto.hpp"
#include "api/market/dto.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> RegisterBuyer(ApiDeps& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewBuyer>(ctx));
  RECIRC_TRY(auto user, d.buyers->Register(in.ToDomain(), ctx.remote));
  dto::NewBuyerResult out;
  out.user = {{user.id, user.username, user.display_name, user.role}};
  return http::Json(201, json::value_from(out));
}

Result<http::Response> OfferPhotos(ApiDeps& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photos, d.offer_photos->List(std::string(ctx.Param("id"))));
  dto::OfferPhotoList out;
  for (const auto& p : photos) out.items.push_back({p.sha256, p.media_type});
  return http::Json(200, json::value_from(out));
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

  http::Describe(routes, Verb::post, "/api/v1/buyers",
                 http::Document<dto::NewBuyer, dto::NewBuyerResult>(
                     "Open an individual buyer's account (role buyer, in the node-wide buyers "
                     "organisation). No session needed; afterwards POST /api/v1/session logs in. "
                     "Rate-limited per username and client address like login.",
                     "identity", 201));
  http::Describe(routes, Verb::get, "/api/v1/offers/{id}/photos",
                 http::Document<void, dto::OfferPhotoList>(
                     "The item photos of a public offer (published, reserved or sold): the photos "
                     "of the seller's registration of the item, never ID document photos",
                     "market"));
}

}  // namespace recirc::api
