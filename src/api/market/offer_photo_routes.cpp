// What the public market shows of an offer besides its terms: the item's photos, by their
// SHA-256 (GET /api/v1/offers/{id}/photos and /photos/{sha256}).
#include <boost/json.hpp>

#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

Result<http::Response> OfferPhotos(const MarketApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photos, d.offer_photos.List(id));
  dto::OfferPhotoList out;
  for (const auto& p : photos) out.items.push_back({p.sha256, p.media_type});
  return http::Json(200, json::value_from(out));
}

Result<http::Response> OfferPhoto(const MarketApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photo, d.offer_photos.Get(id, std::string(ctx.Param("sha256"))));
  http::Response r = http::Text(200, photo.record.media_type, std::move(photo.bytes));
  // The address names the bytes (their SHA-256), so they never change.
  r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  return r;
}

}  // namespace

void AddOfferPhotoRoutes(std::vector<http::Route>& routes, const MarketApi& d) {
  using http::Verb;
  using P = identity::Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const MarketApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  routes.push_back({Verb::get, "/api/v1/offers/{id}/photos", P::kPublic, bind(OfferPhotos), 0});
  routes.push_back(
      {Verb::get, "/api/v1/offers/{id}/photos/{sha256}", P::kPublic, bind(OfferPhoto), 0});

  http::Describe(routes, Verb::get, "/api/v1/offers/{id}/photos",
                 http::Document<void, dto::OfferPhotoList>(
                     "The item photos of a public offer (published, reserved or sold): the photos "
                     "of the seller's registration of the item, never ID document photos",
                     "market")
                     .Fails(404, "no such public offer"));
  http::Describe(
      routes, Verb::get, "/api/v1/offers/{id}/photos/{sha256}",
      http::Document<void, void>(
          "The bytes of one of a public offer's item photos (Cache-Control: immutable; "
          "the address is the content's hash)",
          "market")
          .Ok("the image")
          .Returns(200, "", "image/jpeg", R"js({"type": "string", "format": "binary"})js")
          .Returns(200, "", "image/png", R"js({"type": "string", "format": "binary"})js")
          .Returns(200, "", "image/webp", R"js({"type": "string", "format": "binary"})js")
          .Fails(404,
                 "no such public offer, or no such item photo of it (ID document photos are never "
                 "served here)"));
}

}  // namespace recirc::api
