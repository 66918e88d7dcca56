#pragma once
// AccountService: the platform's account administration (docs/security.md "Account
// administration") and a user's own password change.
//
// Rules it enforces (not the handlers):
// - only platform administrators edit, suspend and reactivate organisations and suspend and
//   reactivate outlets; an operator's administrator may still edit its own outlets' details;
// - a suspension or a reactivation needs a reason, journaled with the actor;
// - users are disabled, re-enabled and given a temporary password by whoever manages the users of
//   their organisation (kUsersManage, in that organisation), never themselves; disabling or
//   resetting ends every session of the user at once;
// - a reset password must be changed at the next login: the session then only reads itself,
//   logs out and changes the password (Principal::must_change_password, enforced by the
//   dispatcher);
// - a user changes their own password by giving the current one; the password policy applies.
// Every change appends its event to the journal in the same transaction.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "core/region.hpp"
#include "crypto/password.hpp"
#include "domain/identity/principal.hpp"
#include "domain/identity/statuses.hpp"
#include "storage/identity/identity_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::identity {

struct OrganisationChanges {
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> credit_code;
};

struct OutletChanges {
  std::optional<std::string> name;
  std::optional<std::string> region_code;
  std::optional<std::string> address;
};

struct StatusChange {
  AccountStatus status = AccountStatus::kActive;
  std::string reason;  // required
};

struct PasswordReset {
  storage::UserRecord user;
  std::optional<std::string> generated;  // set when the server made the password; shown once
};

class AccountService {
 public:
  AccountService(storage::Database& db, const storage::IdentityRepository& repo,
                 const storage::JournalRepository& journal, const core::RegionTable& regions,
                 const crypto::PasswordHasher& hasher, const Clock& clock, Random& random)
      : db_(db),
        repo_(repo),
        journal_(journal),
        regions_(regions),
        hasher_(hasher),
        clock_(clock),
        random_(random) {}

  Result<storage::OrganisationRecord> UpdateOrganisation(const Principal& actor,
                                                         const OrganisationId& id,
                                                         const OrganisationChanges& in);
  Result<storage::OrganisationRecord> SetOrganisationStatus(const Principal& actor,
                                                            const OrganisationId& id,
                                                            const StatusChange& in);
  Result<storage::OutletRecord> UpdateOutlet(const Principal& actor, const OutletId& id,
                                             const OutletChanges& in);
  Result<storage::OutletRecord> SetOutletStatus(const Principal& actor, const OutletId& id,
                                                const StatusChange& in);

  // `disabled`: true disables (ending the user's sessions), false enables again.
  Result<storage::UserRecord> SetUserDisabled(const Principal& actor, const UserId& target,
                                              bool disabled, const std::string& reason);
  // `temporary`: the administrator's choice, or nullopt for a generated one (returned once).
  Result<PasswordReset> ResetPassword(const Principal& actor, const UserId& target,
                                      const std::optional<std::string>& temporary);
  // The user's own change: the current password, then the new one (the policy applies and it
  // must differ). Clears the forced change and ends the user's other browser sessions (another
  // device that knew the old password is logged out); `session_token` is the session the change
  // was made from, which stays.
  Status ChangeOwnPassword(const Principal& actor, const std::string& current,
                           const std::string& next, const std::string& session_token);

 private:
  Status Record(storage::Session& s, const Principal& actor, const EventType& type,
                std::string aggregate_id, std::string organisation_id, std::string payload) const;
  Result<storage::UserRecord> ManagedUser(storage::Session& s, const Principal& actor,
                                          const std::string& user_id) const;

  storage::Database& db_;
  const storage::IdentityRepository& repo_;
  const storage::JournalRepository& journal_;
  const core::RegionTable& regions_;
  const crypto::PasswordHasher& hasher_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::identity
