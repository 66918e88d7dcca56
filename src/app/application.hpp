#pragma once
// Application: the one place where recirc is wired together —
// config → database → repositories → services → routes → dispatcher → server.
// Nothing here decides business rules; it only builds the parts and hands each the narrow
// pieces it needs. Tests build the same Application over a test database.

#include <memory>

#include "app/config.hpp"
#include "app/demo_market.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "core/region.hpp"
#include "domain/federation/transport.hpp"
#include "storage/database.hpp"

namespace recirc::identity {
class AuthService;
class DirectoryService;
}  // namespace recirc::identity

namespace recirc::registry {
class RegistrationService;
class PoliceService;
class PersonalDataService;
}  // namespace recirc::registry

namespace recirc::search {
class SearchIndex;
}  // namespace recirc::search

namespace recirc::documents {
class LabelService;
}  // namespace recirc::documents

namespace recirc::http {
class BoundedPool;
class Dispatcher;
class Router;
}  // namespace recirc::http

namespace recirc::app {

// The GB/T 2260 table compiled into the binary from data/regions.csv.
Result<core::RegionTable> LoadRegions();

class Application {
 public:
  // `db` must outlive the application. Runs migrations.
  static Result<std::unique_ptr<Application>> Create(const Config& config, storage::Database& db,
                                                     const Clock& clock, Random& random);
  ~Application();

  identity::DirectoryService& directory();
  identity::AuthService& auth();
  registry::RegistrationService& registration();
  registry::PoliceService& police();
  registry::PersonalDataService& personal_data();
  // The retention job's market part: erases the delivery details of orders placed before the
  // retention period (registry.retention_years), like the registrations' personal data.
  Result<int64_t> EraseExpiredDeliveries();
  // Re-seals the orders' delivery details under the current data key; returns how many deliveries
  // still have a field under an older key.
  Result<int64_t> ReencryptDeliveries();
  // One pass of the upkeep that serve runs at start and hourly: the retention job, re-encryption
  // of values still under an older key, and the daily reports due ([registry] report_dir).
  Status RunMaintenance();
  // One pass of the market's background jobs that serve runs every minute: best offers whose
  // 48 hours have passed expire; unpaid orders past the payment window are cancelled; received
  // orders whose windows have ended settle; seizures older than [tlog] seizure_delay_days are
  // published to the item-history log (history/seizure_publisher.hpp).
  Status RunMarketJobs();
  // `recirc demo`'s market content (demo_market.hpp), after SeedDemo. Registers through a
  // RegistrationService on a clock set back past the longest configured hold period.
  Result<DemoMarketReport> SeedDemoMarket();
  http::Dispatcher& dispatcher();
  // Where login and sign-up check and hash passwords (tests fill it to see the 503).
  http::BoundedPool& hashing_pool();
  // Feeds every journal consumer until caught up (tests and tools; the server runs them itself).
  Result<int64_t> RunJournalOnce();
  // Offers the latest checkpoint to every configured witness not waiting out a retry (the
  // server does this on its own thread); Unavailable naming each witness that did not cosign.
  Status RunWitnessesOnce();
  // One push of the journal to the city (unless a back-off runs) and one pull of the city's
  // watchlist; nothing on a node without [federation] city_url (docs/federation.md).
  Status RunFederationOnce();
  // Replaces the HTTP client this node reaches its city with (tests cut the link with it).
  void SetFederationTransport(federation::Post post);
  const http::Router& router() const;
  const core::RegionTable& regions() const;
  search::SearchIndex& search();
  const documents::LabelService& labels() const;

  // Runs the journal consumers until they have caught up (the server does this on its own thread).
  Status CatchUp();
  // Empties the search index and replays the journal into it; returns the listings indexed.
  Result<int64_t> Reindex();
  // Empties the statistics' rollups and recounts them from the journal; returns the events read.
  Result<int64_t> RebuildStatistics();

  // Listens (port() is valid afterwards), then serves until SIGTERM/SIGINT or Stop().
  Status Listen();
  uint16_t port() const;
  void Serve();
  void Stop();

 private:
  struct Parts;
  explicit Application(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace recirc::app
