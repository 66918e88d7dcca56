#pragma once
// IdentityPort: what the other contexts (registry, market) may read of the directory: an outlet
// (its organisation and region) and a user (the names an audit shows). They hold this interface,
// never the identity repository; src/app/ wires IdentityPortImpl.
//
// Contract (as RegistryPort's): every call runs inside the caller's transaction, on the Session
// the caller passes, and neither opens a transaction nor keeps the Session.

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/database.hpp"
#include "storage/identity/identity_repository.hpp"  // the record types only

namespace recirc::identity {

struct SuspendedSellers {
  std::vector<std::string> organisations;  // ids
  std::vector<std::string> outlets;        // ids
};

class IdentityPort {
 public:
  virtual ~IdentityPort() = default;
  // nullopt when there is no such outlet.
  virtual Result<std::optional<storage::OutletRecord>> FindOutlet(
      storage::Session& s, const std::string& outlet_id) const = 0;
  // The user without the password hash; nullopt when there is none.
  virtual Result<std::optional<storage::UserRecord>> FindUser(storage::Session& s,
                                                              const std::string& user_id) const = 0;
  // Outlets whose region code starts with `region_prefix`, with their organisation's name (the
  // police's outlet directory).
  virtual Result<std::vector<storage::OutletDirectoryRecord>> OutletsInRegion(
      storage::Session& s, const std::string& region_prefix) const = 0;
  // True when the organisation is recorded as a licensed auction enterprise (it has an auction
  // licence number): only then may its auctions be called 拍卖.
  virtual Result<bool> IsLicensedAuctioneer(storage::Session& s,
                                            const std::string& organisation_id) const = 0;

  // False when the organisation is suspended (or unknown): its offers are neither found nor
  // bought (docs/security.md "Account administration").
  virtual Result<bool> OrganisationActive(storage::Session& s,
                                          const std::string& organisation_id) const = 0;
  // The organisation's name as the market shows it to buyers; nullopt when there is none.
  virtual Result<std::optional<std::string>> OrganisationName(
      storage::Session& s, const std::string& organisation_id) const = 0;
  // The organisation (kind, name, region); nullopt when there is none.
  virtual Result<std::optional<storage::OrganisationRecord>> FindOrganisation(
      storage::Session& s, const std::string& organisation_id) const = 0;
  // The suspended organisations and outlets: their offers are not shown in the market.
  virtual Result<SuspendedSellers> Suspended(storage::Session& s) const = 0;
  // Records another node's organisation (the city's police, whose watchlist entries a shop
  // applies) under its own id unless it is known; true when it was added (docs/federation.md).
  virtual Result<bool> MirrorOrganisation(
      storage::Session& s, const storage::OrganisationRecord& organisation) const = 0;
};

class IdentityPortImpl final : public IdentityPort {
 public:
  explicit IdentityPortImpl(const storage::IdentityRepository& repo) : repo_(repo) {}
  Result<std::optional<storage::OutletRecord>> FindOutlet(
      storage::Session& s, const std::string& outlet_id) const override;
  Result<std::optional<storage::UserRecord>> FindUser(storage::Session& s,
                                                      const std::string& user_id) const override;
  Result<std::vector<storage::OutletDirectoryRecord>> OutletsInRegion(
      storage::Session& s, const std::string& region_prefix) const override {
    return repo_.OutletsInRegion(s, region_prefix);
  }
  Result<bool> IsLicensedAuctioneer(storage::Session& s,
                                    const std::string& organisation_id) const override;
  Result<bool> OrganisationActive(storage::Session& s,
                                  const std::string& organisation_id) const override;
  Result<std::optional<std::string>> OrganisationName(
      storage::Session& s, const std::string& organisation_id) const override;
  Result<std::optional<storage::OrganisationRecord>> FindOrganisation(
      storage::Session& s, const std::string& organisation_id) const override {
    return repo_.FindOrganisation(s, organisation_id);
  }
  Result<SuspendedSellers> Suspended(storage::Session& s) const override;
  Result<bool> MirrorOrganisation(storage::Session& s,
                                  const storage::OrganisationRecord& organisation) const override {
    return repo_.InsertOrganisationIfAbsent(s, organisation);
  }

 private:
  const storage::IdentityRepository& repo_;
};

}  // namespace recirc::identity
