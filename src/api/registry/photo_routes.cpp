// Photos of a registration: upload (the raw image as the body), list, and the bytes.
#include <boost/json.hpp>

#include "api/registry/routes.hpp"
#include "core/clock.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

// An item photo that is stored but does not count as the colour photo (photo_colour.hpp).
constexpr std::string_view kNotInColour =
    "需要彩色照片：这张照片不是彩色的，无序列号的物品须另拍一张彩色照片 / a colour photo is "
    "required for an item without a serial number: this photo is stored but is not in colour";

json::object PhotoJson(const storage::PhotoRecord& r) {
  return {{"sha256", r.sha256},
          {"kind", r.kind},
          {"media_type", r.media_type},
          {"size_bytes", r.size_bytes},
          {"encrypted", r.encrypted},
          {"created_at", FormatRfc3339(FromUnixMillis(r.created_at))},
          {"url", "/api/v1/acquisitions/" + r.acquisition_id + "/photos/" + r.sha256}};
}

// The dispatcher adds Cache-Control: no-store to every API answer, images included.
http::Response Bytes(registry::PhotoBytes photo) {
  return http::Text(200, photo.record.media_type, std::move(photo.bytes));
}

Result<http::Response> Upload(const RegistryApi& d, http::RequestContext& ctx) {
  registry::PhotoUpload upload;
  upload.kind = ctx.Query("kind");
  const auto type = ctx.request[boost::beast::http::field::content_type];
  if (!type.empty()) upload.content_type = std::string(type);
  upload.bytes = ctx.request.body();
  RECIRC_TRY(auto stored, d.photos.Upload(ctx.Actor(), std::string(ctx.Param("id")), upload));
  json::object answer = PhotoJson(stored.record);
  if (stored.in_colour) {
    answer["in_colour"] = *stored.in_colour;
    if (!*stored.in_colour) answer["message"] = kNotInColour;
  }
  return http::Json(stored.created ? 201 : 200, std::move(answer));
}

Result<http::Response> List(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photos, d.photos.List(ctx.Actor(), std::string(ctx.Param("id"))));
  json::array items;
  for (const auto& p : photos) items.push_back(PhotoJson(p));
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> Get(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto photo, d.photos.Get(ctx.Actor(), std::string(ctx.Param("id")),
                                      std::string(ctx.Param("sha256"))));
  return Bytes(std::move(photo));
}

Result<http::Response> ViewIdDocument(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reason"}));
  RECIRC_TRY(std::string reason, f.String("reason"));
  RECIRC_TRY(auto photo, d.photos.ViewIdDocument(ctx.Actor(), std::string(ctx.Param("id")),
                                                 std::string(ctx.Param("sha256")), reason));
  return Bytes(std::move(photo));
}

}  // namespace

void AddPhotoRoutes(std::vector<http::Route>& routes, const RegistryApi& d) {
  using http::Verb;
  using P = identity::Permission;
  auto bind = [&d](Result<http::Response> (*fn)(const RegistryApi&, http::RequestContext&)) {
    return [&d, fn](http::RequestContext& c) { return fn(d, c); };
  };
  routes.push_back({Verb::post, "/api/v1/acquisitions/{id}/photos", P::kAcquisitionsWrite,
                    bind(Upload), registry::kPhotoUploadLimit});
  // The registering organisation and the police of the jurisdiction: the service decides.
  routes.push_back(
      {Verb::get, "/api/v1/acquisitions/{id}/photos", P::kAuthenticated, bind(List), 0});
  routes.push_back(
      {Verb::get, "/api/v1/acquisitions/{id}/photos/{sha256}", P::kAuthenticated, bind(Get), 0});
  routes.push_back({Verb::post, "/api/v1/police/acquisitions/{id}/photos/{sha256}", P::kPoliceRead,
                    bind(ViewIdDocument), size_t{4} * 1024, http::Execution::kBlocking,
                    http::Answer::kSecret});
}

}  // namespace recirc::api
