#pragma once
// The federation parts of a node (docs/federation.md), built from [federation]: the city's inbox
// and watchlist feed (always there; they refuse every node unless [[federation.shop]] names it),
// and, with city_url and city_key, the shop's pusher (a journal consumer with its own runner) and
// watchlist puller. Application owns one and runs it.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/config.hpp"
#include "app/periodic_job.hpp"
#include "domain/federation/city_inbox.hpp"
#include "domain/federation/shop_pusher.hpp"
#include "domain/federation/watchlist_feed.hpp"
#include "journal/runner.hpp"
#include "storage/federation/federation_repository.hpp"

namespace recirc::app {

class FederationNode {
 public:
  // Errors name the config entry whose key is malformed.
  static Result<std::unique_ptr<FederationNode>> Create(const FederationConfig& config,
                                                        storage::Database& db,
                                                        const storage::JournalRepository& journal,
                                                        const registry::FederationPort& registry,
                                                        const identity::IdentityPort& identity,
                                                        const tlog::Signer& key, const Clock& clock,
                                                        Random& random);
  ~FederationNode();

  federation::CityInbox& inbox() { return *inbox_; }
  federation::WatchlistFeed& watchlist() { return *feed_; }

  // Replaces the HTTP client the shop reaches its city with (tests cut the link this way).
  void SetTransport(federation::Post post);
  // One push (when no back-off runs) and one pull; a shop without a city does nothing.
  Status RunOnce();
  // Starts and stops the background push and pull.
  void Start();
  void Stop();
  // recirc_federation_* lines for /metrics (the backlog: journal events not yet acknowledged).
  void WriteMetrics(std::string& out);

 private:
  FederationNode() = default;
  Result<federation::PostAnswer> Post(const std::string& url, const std::string& body);

  storage::Database* db_ = nullptr;
  const storage::JournalRepository* journal_ = nullptr;
  storage::FederationRepository repo_;
  std::unique_ptr<federation::CityInbox> inbox_;
  std::unique_ptr<federation::WatchlistFeed> feed_;
  std::unique_ptr<federation::ShopPusher> pusher_;
  std::unique_ptr<journal::JournalRunner> runner_;
  std::unique_ptr<federation::WatchlistPuller> puller_;
  std::chrono::milliseconds pull_interval_{2000};
  std::mutex transport_mutex_;
  federation::Post transport_;  // GUARDED_BY(transport_mutex_)
  std::optional<PeriodicJob> push_job_;
  std::optional<PeriodicJob> pull_job_;
};

}  // namespace recirc::app
