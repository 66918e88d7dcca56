// Photos of an order's dispatch and of a return: upload (the raw image as the body, ?stage=),
// list, and the bytes. Who may do what is decided by market::OrderPhotoService.
#include <boost/json.hpp>

#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "core/clock.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

json::value OrderPhotoJson(const storage::OrderPhotoRecord& r) {
  return json::value_from(dto::OrderPhoto::From(r));
}

Result<http::Response> Upload(const MarketApi& d, http::RequestContext& ctx) {
  market::OrderPhotoUpload upload;
  upload.stage = ctx.Query("stage");
  const auto type = ctx.request[boost::beast::http::field::content_type];
  if (!type.empty()) upload.content_type = std::string(type);
  upload.bytes = ctx.request.body();
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto stored, d.order_photos.Upload(ctx.Actor(), id, upload));
  return http::Json(stored.created ? 201 : 200, OrderPhotoJson(stored.record));
}

Result<http::Response> List(const MarketApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photos, d.order_photos.List(ctx.Actor(), id));
  dto::OrderPhotoList out;
  for (const auto& p : photos) out.items.push_back(dto::OrderPhoto::From(p));
  return http::Json(200, json::value_from(out));
}

// The dispatcher adds Cache-Control: no-store to every API answer, images included.
Result<http::Response> Get(const MarketApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photo, d.order_photos.Get(ctx.Actor(), id, std::string(ctx.Param("sha256"))));
  return http::Text(200, photo.record.media_type, std::move(photo.bytes));
}

}  // namespace

void AddOrderPhotoRoutes(std::vector<http::Route>& routes, const MarketApi& d) {
  using http::Verb;
  using P = identity::Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const MarketApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  // The seller's staff (stage dispatch) and the order's buyer (stage return): the service decides.
  routes.push_back({Verb::post, "/api/v1/orders/{id}/photos", P::kAuthenticated, bind(Upload),
                    registry::kPhotoUploadLimit});
  routes.push_back({Verb::get, "/api/v1/orders/{id}/photos", P::kAuthenticated, bind(List), 0});
  routes.push_back(
      {Verb::get, "/api/v1/orders/{id}/photos/{sha256}", P::kAuthenticated, bind(Get), 0});

  using http::Describe;
  using http::Document;
  Describe(
      routes, Verb::post, "/api/v1/orders/{id}/photos",
      Document<void, dto::OrderPhoto>(
          "Add a photo to an order: the raw image (JPEG, PNG or WebP, at most 8 MiB) as the "
          "body, the type sniffed from the bytes and agreeing with Content-Type, as "
          "acquisition photos. stage=dispatch: the selling organisation's market.manage "
          "staff while the order is paid (403 dispatch_photo_by_seller, 422 order_state, "
          "field stage). stage=return: the order's buyer (the account that placed it; for a "
          "counter order with a buyer_ref, the seller's staff) while a return may be "
          "requested (403 return_photo_by_buyer, 422 order_state or return_window_closed, "
          "field stage). The same bytes again at the same stage answer 200 with the first "
          "record. Never public and never in the journal; a dispatch or return names the "
          "photo by its ref.",
          "market", 201)
          .Query("stage", R"js({"type": "string", "enum": ["dispatch", "return"]})js", "", true)
          .Body("image/jpeg", R"js({"type": "string", "format": "binary"})js")
          .Body("image/png", R"js({"type": "string", "format": "binary"})js")
          .Body("image/webp", R"js({"type": "string", "format": "binary"})js")
          .Ok("stored")
          .Returns(200, "these bytes were already stored for this order and stage",
                   "application/json", R"js({"$ref": "#/components/schemas/OrderPhoto"})js")
          .Fails(403,
                 "the stage is not yours (dispatch_photo_by_seller, return_photo_by_buyer); field "
                 "stage")
          .Fails(404, "not found (or not the seller's staff nor the order's buyer)")
          .Fails(413, "larger than 8 MiB")
          .Fails(422,
                 "the stage is not open in the order's state (order_state, return_window_closed); "
                 "field stage"));
  Describe(routes, Verb::get, "/api/v1/orders/{id}/photos",
           Document<void, dto::OrderPhotoList>(
               "The photos of an order, both stages, oldest first (the seller's staff and the "
               "order's buyer)",
               "market")
               .Ok("the photos")
               .Fails(404, "not found (or not the seller's staff nor the order's buyer)"));
  Describe(routes, Verb::get, "/api/v1/orders/{id}/photos/{sha256}",
           Document<void, void>(
               "The bytes of one of an order's photos (the seller's staff and the order's buyer)",
               "market")
               .Ok("the image")
               .Returns(200, "", "image/jpeg", R"js({"type": "string", "format": "binary"})js")
               .Returns(200, "", "image/png", R"js({"type": "string", "format": "binary"})js")
               .Returns(200, "", "image/webp", R"js({"type": "string", "format": "binary"})js")
               .Fails(404, "not found (or not the seller's staff nor the order's buyer)"));
}

}  // namespace recirc::api
