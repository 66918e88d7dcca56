#pragma once
// Registry routes: acquisitions, police screening, the seller views, item photos and labels.

#include <string>
#include <vector>

#include "documents/item_label_service.hpp"
#include "domain/registry/photos.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"
#include "domain/registry/seller_view.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct RegistryApi {
  registry::RegistrationService& registration;
  registry::PoliceService& police;
  registry::SellerViewService& seller_view;
  registry::PhotoService& photos;
  const documents::LabelService& labels;
  // Where printed QR codes point (app::Config::PublicBaseUrl), never the request's Host header.
  std::string public_base_url;
};

void AddRegistryRoutes(std::vector<http::Route>& routes, const RegistryApi& api);
void AddPhotoRoutes(std::vector<http::Route>& routes, const RegistryApi& api);
void AddLabelRoutes(std::vector<http::Route>& routes, const RegistryApi& api);

}  // namespace recirc::api
