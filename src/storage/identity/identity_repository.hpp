#pragma once
// SQL for the identity context: organisations, outlets, users, sessions, API keys.
// Records carry kinds and roles as their wire names; the identity service maps them to enums.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity/statuses.hpp"
#include "storage/database.hpp"
#include "storage/page_request.hpp"

namespace recirc::storage {

struct OrganisationRecord {
  std::string id;
  std::string kind;
  std::string name;
  std::optional<std::string> credit_code;
  std::string region_code;
  int64_t created_at = 0;
  identity::AccountStatus status = identity::AccountStatus::kActive;
};

struct OutletRecord {
  std::string id;
  std::string organisation_id;
  std::string name;
  std::string region_code;
  std::string address;
  int64_t created_at = 0;
  identity::AccountStatus status = identity::AccountStatus::kActive;
};

// An outlet with its organisation's name, for directories read by other contexts.
struct OutletDirectoryRecord {
  OutletRecord outlet;
  std::string organisation_name;
};

struct UserRecord {
  std::string id;
  std::string organisation_id;
  std::string username;
  std::string display_name;
  std::string role;
  std::string password_hash;
  bool disabled = false;
  int64_t created_at = 0;
  bool must_change_password = false;  // set by an administrator's reset, cleared by a change
};

// A page of a directory list, optionally narrowed to names containing `name` (case-insensitive
// for ASCII letters; organisations by name, users by username or display name).
struct DirectoryQuery {
  PageRequest page;
  std::string name;
};

struct SessionRecord {
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

struct ApiKeyRecord {
  std::string id;
  std::string user_id;
  std::string name;
  std::string secret_hash;
  int64_t created_at = 0;
  std::optional<int64_t> revoked_at;
};

// Everything needed to authenticate one request, read in one query.
struct CredentialRecord {
  UserRecord user;  // without the password hash
  OrganisationRecord organisation;
  std::string csrf_token;             // sessions only
  int64_t expires_at = 0;             // sessions only
  std::optional<int64_t> revoked_at;  // API keys only
};

class IdentityRepository {
 public:
  Result<std::optional<CredentialRecord>> FindSessionCredential(
      Session& s, const std::string& token_hash) const;
  Result<std::optional<CredentialRecord>> FindApiKeyCredential(
      Session& s, const std::string& secret_hash) const;

  Status InsertOrganisation(Session& s, const OrganisationRecord& r) const;
  // Inserts the organisation unless one with its id exists (another node's, mirrored); true
  // when it was inserted. The credit code is not mirrored (it is unique per node).
  Result<bool> InsertOrganisationIfAbsent(Session& s, const OrganisationRecord& r) const;
  Result<std::optional<OrganisationRecord>> FindOrganisation(Session& s,
                                                             const std::string& id) const;
  // The oldest organisation of a kind (the node-wide buyers organisation), if any.
  // The organisation's auction-enterprise licence number (migration 0032); nullopt when it has
  // none or there is no such organisation.
  Result<std::optional<std::string>> AuctionLicence(Session& s,
                                                    const std::string& organisation_id) const;
  Status SetAuctionLicence(Session& s, const std::string& organisation_id,
                           const std::optional<std::string>& licence) const;
  Result<std::optional<OrganisationRecord>> FirstOrganisationOfKind(Session& s,
                                                                    const std::string& kind) const;
  Result<std::vector<OrganisationRecord>> ListOrganisations(Session& s,
                                                            const DirectoryQuery& q) const;
  // Name, region and credit code as given; the status separately.
  Status UpdateOrganisation(Session& s, const OrganisationRecord& r) const;
  Status SetOrganisationStatus(Session& s, const std::string& id,
                               identity::AccountStatus status) const;
  Result<int64_t> CountOrganisations(Session& s) const;

  Status InsertOutlet(Session& s, const OutletRecord& r) const;
  Result<std::optional<OutletRecord>> FindOutlet(Session& s, const std::string& id) const;
  Result<std::vector<OutletRecord>> ListOutlets(Session& s, const std::string& organisation_id,
                                                const PageRequest& page) const;
  Status UpdateOutlet(Session& s, const OutletRecord& r) const;  // name, region, address, status
  // Ids of the suspended organisations and of the suspended outlets (the platform administrator's
  // decisions, so few).
  Result<std::vector<std::string>> SuspendedOrganisationIds(Session& s) const;
  Result<std::vector<std::string>> SuspendedOutletIds(Session& s) const;
  // Outlets whose region code starts with `region_prefix` ("" = all), with their organisation's
  // name, by region then name; at most 1000 (outlet_directory_repository.cpp).
  Result<std::vector<OutletDirectoryRecord>> OutletsInRegion(
      Session& s, const std::string& region_prefix) const;

  Status InsertUser(Session& s, const UserRecord& r) const;
  Result<std::optional<UserRecord>> FindUserByUsername(Session& s,
                                                       const std::string& username) const;
  Result<std::optional<UserRecord>> FindUser(Session& s, const std::string& id) const;
  Result<std::vector<UserRecord>> ListUsers(Session& s, const std::string& organisation_id,
                                            const DirectoryQuery& q) const;
  Status UpdatePasswordHash(Session& s, const std::string& user_id, const std::string& hash) const;
  // A new password hash and whether it must be changed at the next login.
  Status SetPassword(Session& s, const std::string& user_id, const std::string& hash,
                     bool must_change) const;
  Status SetUserDisabled(Session& s, const std::string& user_id, bool disabled) const;

  Status InsertSession(Session& s, const SessionRecord& r) const;
  Result<std::optional<SessionRecord>> FindSession(Session& s, const std::string& token_hash) const;
  Status DeleteSession(Session& s, const std::string& token_hash) const;
  Status DeleteExpiredSessions(Session& s, int64_t now) const;
  Status DeleteUserSessions(Session& s, const std::string& user_id) const;
  // Every session of the user but the one whose token hashes to `kept_token_hash`.
  Status DeleteOtherSessions(Session& s, const std::string& user_id,
                             const std::string& kept_token_hash) const;

  Status InsertApiKey(Session& s, const ApiKeyRecord& r) const;
  Result<std::optional<ApiKeyRecord>> FindApiKeyBySecret(Session& s, const std::string& hash) const;
  Result<std::optional<ApiKeyRecord>> FindApiKey(Session& s, const std::string& id) const;
  Result<std::vector<ApiKeyRecord>> ListApiKeys(Session& s, const std::string& user_id) const;
  Status RevokeApiKey(Session& s, const std::string& id, int64_t now) const;
};

}  // namespace recirc::storage
