// Photos of an order's dispatch and of a return: upload (the raw image as the body, ?stage=),
// list, and the bytes. Who may do what is decided by market::OrderPhotoService.
#include <boost/json.hpp>

#include "api/market/routes.hpp"
#include "core/clock.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

json::object OrderPhotoJson(const storage::OrderPhotoRecord& r) {
  return {{"sha256", r.sha256},
          {"ref", "sha256:" + r.sha256},
          {"stage", r.stage},
          {"media_type", r.media_type},
          {"size_bytes", r.size_bytes},
          {"created_at", FormatRfc3339(FromUnixMillis(r.created_at))},
          {"url", "/api/v1/orders/" + r.order_id + "/photos/" + r.sha256}};
}

Result<http::Response> Upload(const MarketApi& d, http::RequestContext& ctx) {
  market::OrderPhotoUpload upload;
  upload.stage = ctx.Query("stage");
  const auto type = ctx.request[boost::beast::http::field::content_type];
  if (!type.empty()) upload.content_type = std::string(type);
  upload.bytes = ctx.request.body();
  RECIRC_TRY(auto stored, d.order_photos.Upload(ctx.Actor(), std::string(ctx.Param("id")), upload));
  return http::Json(stored.created ? 201 : 200, OrderPhotoJson(stored.record));
}

Result<http::Response> List(const MarketApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photos, d.order_photos.List(ctx.Actor(), std::string(ctx.Param("id"))));
  json::array items;
  for (const auto& p : photos) items.push_back(OrderPhotoJson(p));
  return http::Json(200, json::object{{"items", std::move(items)}});
}

// The dispatcher adds Cache-Control: no-store to every API answer, images included.
Result<http::Response> Get(const MarketApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photo, d.order_photos.Get(ctx.Actor(), std::string(ctx.Param("id")),
                                            std::string(ctx.Param("sha256"))));
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
}

}  // namespace recirc::api
