#pragma once
// Demo market content for `recirc demo`: phones and other goods registered at the demo shop,
// each with an item photo (a picture drawn from the model's name), a signed inspection report,
// a data sanitization certificate where the category has storage, and a published fixed-price
// offer on the online channel; plus one phone reported stolen, held by screening, whose offer
// stays a draft (publishing answers item_held).
//
// Registration goes through the ordinary RegistrationService, built by the application with a
// clock set back by more than the longest configured hold period (`registration` below): the
// statutory hold runs from registration and has ended by now, so the items are sellable without
// any bypass. Everything after registration happens now. Idempotent: an item whose identifier is
// already registered is left as it is.

#include <cstdint>

#include "domain/identity/directory_service.hpp"
#include "domain/inspection/report_service.hpp"
#include "domain/inspection/sanitization.hpp"
#include "domain/market/offer_service.hpp"
#include "domain/registry/photos.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::app {

struct DemoMarketServices {
  storage::Database& db;
  identity::DirectoryService& directory;
  registry::RegistrationService& registration;  // on a clock set back past the hold period
  registry::PoliceService& police;
  registry::PhotoService& photos;
  inspection::InspectionService& reports;
  inspection::SanitizationService& sanitization;
  market::OfferService& offers;
  const storage::RegistryRepository& registry;
  const Clock& clock;  // now (the sanitization certificate's dates)
};

struct DemoMarketReport {
  int64_t registered = 0;  // items registered by this run (0 when run again)
  int64_t published = 0;   // offers published by this run
  int64_t held = 0;        // items held by screening (this run)
};

// Needs the demo organisations and users (SeedDemo) first.
Result<DemoMarketReport> SeedDemoMarket(const DemoMarketServices& services);

// A principal acting as the demo user `username` (for the command line).
Result<identity::Principal> DemoPrincipal(storage::Database& db, const std::string& username);

}  // namespace recirc::app
