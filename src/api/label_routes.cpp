// Item labels: GET /api/v1/items/{id}/label.pdf?size=50x30, for the staff who service items
// (items.service). The label holds only public facts, so no tenancy check beyond the permission.
#include <algorithm>
#include <cctype>

#include "api/api.hpp"

namespace recirc::api {
namespace {

// Without a configured public base URL: this request's host (host-name characters only), https
// when the node runs behind TLS (secure cookies), as the inspection certificate does.
std::string RequestBaseUrl(const http::RequestContext& ctx, bool https) {
  std::string host(ctx.request[boost::beast::http::field::host]);
  const bool ok =
      !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' ||
               ch == ':' || ch == '[' || ch == ']';
      });
  if (!ok) host = "localhost";
  return std::string(https ? "https://" : "http://") + host;
}

Result<http::Response> Label(const documents::LabelService& labels, bool https,
                             http::RequestContext& ctx) {
  const std::string id(ctx.Param("id"));
  const std::string size = ctx.Query("size").value_or(std::string(documents::kDefaultLabelSize));
  RECIRC_TRY(std::string pdf, labels.Pdf(id, size, RequestBaseUrl(ctx, https)));
  http::Response r = http::Text(200, "application/pdf", std::move(pdf));
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename=\"recirc-label-" + id + "-" + size + ".pdf\"");
  return r;
}

}  // namespace

void AddLabelRoutes(std::vector<http::Route>& routes, ApiDeps& deps) {
  const documents::LabelService* labels = deps.labels;
  if (labels == nullptr) return;
  routes.push_back({http::Verb::get, "/api/v1/items/{id}/label.pdf",
                    identity::Permission::kItemsService,
                    [labels, https = deps.secure_cookies](http::RequestContext& c) {
                      return Label(*labels, https, c);
                    },
                    0});
}

}  // namespace recirc::api
