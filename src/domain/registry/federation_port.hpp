#pragma once
// FederationPort: what federation between nodes (src/domain/federation/, docs/federation.md) may
// ask of the registry. A shop exports its registrations (with the seller's details in plaintext,
// which the caller seals to the city's key at once and never stores or logs) and applies the
// watchlist entries its city sends; a city reads the entries its police made.
//
// Contract as RegistryPort's: every call runs on the caller's Session, inside its transaction.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "domain/registry/police_alert.hpp"
#include "domain/registry/seller_view.hpp"
#include "storage/journal_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

struct ExportedRegistration {
  storage::AcquisitionRecord acquisition;  // seller fields stay encrypted here
  storage::ItemRecord item;
  std::vector<std::pair<std::string, std::string>> identifiers;  // (kind, normalised value)
  std::optional<SellerDetails> seller;  // nullopt once erased after the retention period
};

class FederationPort {
 public:
  virtual ~FederationPort() = default;
  // nullopt when there is no such registration.
  virtual Result<std::optional<ExportedRegistration>> ExportRegistration(
      storage::Session& s, const std::string& acquisition_id) const = 0;
  virtual Result<std::optional<storage::WatchlistRecord>> WatchlistEntry(
      storage::Session& s, const std::string& id) const = 0;
  // Adds another node's entry under its own id unless it is known (false then). A new black entry
  // whose identifier an item here carries also holds that item for the police, as a screening
  // hit at registration would (the alert names the watchlist): a stolen-item report entered in
  // the city holds the item that is already on the shelf.
  virtual Result<bool> ImportWatchlistEntry(storage::Session& s,
                                            const storage::WatchlistRecord& entry) const = 0;
};

class FederationPortImpl final : public FederationPort {
 public:
  FederationPortImpl(const storage::RegistryRepository& repo, const SellerViewService& sellers,
                     const storage::JournalRepository& journal, const Clock& clock, Random& random)
      : repo_(repo), sellers_(sellers), alerts_(repo, journal, clock, random), clock_(clock) {}

  Result<std::optional<ExportedRegistration>> ExportRegistration(
      storage::Session& s, const std::string& acquisition_id) const override;
  Result<std::optional<storage::WatchlistRecord>> WatchlistEntry(
      storage::Session& s, const std::string& id) const override {
    return repo_.FindWatchlistEntry(s, id);
  }
  Result<bool> ImportWatchlistEntry(storage::Session& s,
                                    const storage::WatchlistRecord& entry) const override;

 private:
  const storage::RegistryRepository& repo_;
  const SellerViewService& sellers_;
  PoliceAlerts alerts_;
  const Clock& clock_;
};

}  // namespace recirc::registry
