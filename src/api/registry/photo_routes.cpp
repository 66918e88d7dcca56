// Photos of a registration: upload (the raw image as the body), list, and the bytes.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/registry/police_dto.hpp"
#include "api/registry/routes.hpp"
#include "core/clock.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

// An item photo that is stored but does not count as the colour photo (photo_colour.hpp).
constexpr std::string_view kNotInColour =
    "需要彩色照片：这张照片不是彩色的，无序列号的物品须另拍一张彩色照片 / a colour photo is "
    "required for an item without a serial number: this photo is stored but is not in colour";

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
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto stored, d.photos.Upload(ctx.Actor(), id, upload));
  dto::PhotoUploaded answer;
  static_cast<dto::Photo&>(answer) = dto::Photo::From(stored.record);
  if (stored.in_colour) {
    answer.in_colour.emplace(*stored.in_colour);
    if (!*stored.in_colour) answer.message.emplace(kNotInColour);
  }
  return http::Json(stored.created ? 201 : 200, json::value_from(answer));
}

Result<http::Response> List(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photos, d.photos.List(ctx.Actor(), id));
  dto::PhotoList out;
  for (const auto& p : photos) out.items.push_back(dto::Photo::From(p));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Get(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photo, d.photos.Get(ctx.Actor(), id, std::string(ctx.Param("sha256"))));
  return Bytes(std::move(photo));
}

Result<http::Response> ViewIdDocument(const RegistryApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::StatedReason>(ctx));
  RECIRC_TRY(auto id, AcquisitionId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto photo, d.photos.ViewIdDocument(ctx.Actor(), id, std::string(ctx.Param("sha256")),
                                                 body.reason));
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

  http::Describe(
      routes, Verb::post, "/api/v1/acquisitions/{id}/photos",
      http::Document<void, dto::PhotoUploaded>(
          "Add a photo to one of your registrations: the raw image (JPEG, PNG or WebP, at most 8 "
          "MiB) as the body; the type is sniffed from the bytes and must agree with "
          "Content-Type. The same bytes again answer 200 with the first record. ID document "
          "images are stored encrypted. An item photo is decoded and checked for colour "
          "(DOMAIN.md: a colour photo is mandatory for an item with no serial number): "
          "undecodable bytes and images over 60 megapixels answer 400 naming photo; a photo "
          "that is not in colour (greyscale, or too few pixels showing a colour) is stored as "
          "evidence but does not release the photo_required hold, and the answer says in_colour "
          "false with a message.",
          "registry", 201)
          .Query("kind", R"js({"type": "string", "enum": ["item", "id_document"]})js", "", true)
          .Body("image/jpeg", R"js({"type": "string", "format": "binary"})js")
          .Body("image/png", R"js({"type": "string", "format": "binary"})js")
          .Body("image/webp", R"js({"type": "string", "format": "binary"})js")
          .Ok("stored")
          .Returns(200, "these bytes were already stored for this registration", "application/json",
                   R"js({"$ref": "#/components/schemas/PhotoUploaded"})js")
          .Fails(404, "not found (or outside your organisation or jurisdiction)")
          .Fails(413, "larger than 8 MiB"));
  http::Describe(routes, Verb::get, "/api/v1/acquisitions/{id}/photos",
                 http::Document<void, dto::PhotoList>(
                     "The photos of a registration (the registering organisation; the police of "
                     "the jurisdiction)",
                     "registry")
                     .Ok("the photos")
                     .Fails(404, "not found (or outside your organisation or jurisdiction)"));
  http::Describe(
      routes, Verb::get, "/api/v1/acquisitions/{id}/photos/{sha256}",
      http::Document<void, void>(
          "The bytes of an item photo (the registering organisation; the police of the "
          "jurisdiction). ID document photos answer 403: the police see them through POST "
          "/api/v1/police/acquisitions/{id}/photos/{sha256} with a reason.",
          "registry")
          .Ok("the image")
          .Returns(200, "", "image/jpeg", R"js({"type": "string", "format": "binary"})js")
          .Returns(200, "", "image/png", R"js({"type": "string", "format": "binary"})js")
          .Returns(200, "", "image/webp", R"js({"type": "string", "format": "binary"})js")
          .Fails(404, "not found (or outside your organisation or jurisdiction)"));
  http::Describe(
      routes, Verb::post, "/api/v1/police/acquisitions/{id}/photos/{sha256}",
      http::Document<dto::StatedReason, void>(
          "The police's view of an ID document photo, with a stated reason (at least "
          "10 characters), written to the access audit",
          "police")
          .Ok("the image")
          .Returns(200, "", "image/jpeg", R"js({"type": "string", "format": "binary"})js")
          .Returns(200, "", "image/png", R"js({"type": "string", "format": "binary"})js")
          .Returns(200, "", "image/webp", R"js({"type": "string", "format": "binary"})js")
          .Fails(404, "not found (or outside your organisation or jurisdiction)"));
}

}  // namespace recirc::api
