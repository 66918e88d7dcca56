// Item labels: GET /api/v1/items/{id}/label.pdf?size=50x30, for the staff who service items
// (items.service). The label holds only public facts, so no tenancy check beyond the permission.
#include "api/registry/routes.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

Result<http::Response> Label(const documents::LabelService& labels,
                             const std::string& public_base_url, http::RequestContext& ctx) {
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  const std::string id = item.ToString();
  const std::string size = ctx.Query("size").value_or(std::string(documents::kDefaultLabelSize));
  RECIRC_TRY(std::string pdf, labels.Pdf(item, size, public_base_url));
  http::Response r = http::Text(200, "application/pdf", std::move(pdf));
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename=\"recirc-label-" + id + "-" + size + ".pdf\"");
  return r;
}

Result<http::Response> LabelQr(const documents::LabelService& labels,
                               const std::string& public_base_url, http::RequestContext& ctx) {
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(std::string svg, labels.QrSvg(item, public_base_url));
  return http::Text(200, "image/svg+xml", std::move(svg));
}

}  // namespace

void AddLabelRoutes(std::vector<http::Route>& routes, const RegistryApi& deps) {
  const documents::LabelService* labels = &deps.labels;
  routes.push_back({http::Verb::get, "/api/v1/items/{id}/label.pdf",
                    identity::Permission::kItemsService,
                    [labels, url = deps.public_base_url](http::RequestContext& c) {
                      return Label(*labels, url, c);
                    },
                    0});
  routes.push_back({http::Verb::get, "/api/v1/items/{id}/label.svg",
                    identity::Permission::kItemsService,
                    [labels, url = deps.public_base_url](http::RequestContext& c) {
                      return LabelQr(*labels, url, c);
                    },
                    0});
  http::Describe(routes, http::Verb::get, "/api/v1/items/{id}/label.svg",
                 http::Document<void, void>("The label's QR code alone as SVG (the item's public "
                                            "page), for the printed acquisition receipt",
                                            "labels")
                     .Ok("the SVG")
                     .Returns(200, "", "image/svg+xml", R"js({"type": "string"})js")
                     .Fails(404, "no registered item with this id"));
  http::Describe(
      routes, http::Verb::get, "/api/v1/items/{id}/label.pdf",
      http::Document<void, void>(
          "The item's label as a PDF: QR code of the public item page "
          "<public_base_url>/items/{id}, short id, category and model, the log's origin "
          "(no personal data)",
          "labels")
          .Query(
              "size",
              R"js({"type": "string", "enum": ["40x30", "50x30", "60x40", "100x50", "100x70"], "default": "50x30"})js",
              "label size in millimetres, width x height (default 50x30)")
          .Ok("the PDF, one page of the label's size")
          .Returns(200, "", "application/pdf", R"js({"type": "string", "format": "binary"})js")
          .Fails(404, "no registered item with this id"));
}

}  // namespace recirc::api
