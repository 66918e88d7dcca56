#pragma once
// DirectoryService: organisations, their outlets and their users.
//
// Rules it enforces (not the handlers):
// - only platform administrators (or the command line) create organisations;
// - an outlet belongs to an operator and lies in a known GB/T 2260 region;
// - a user's role must fit the kind of the organisation (a police officer only in a police
//   organisation), and an organisation's administrators manage only their own organisation;
// - police officers and supervisors are created only by their organisation's police_admin;
// - display names are checked and stored in NFC (display_name.hpp);
// - everyone else sees only their own organisation.
// Every change appends its event to the journal in the same transaction.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/event_type.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "core/region.hpp"
#include "crypto/password.hpp"
#include "domain/identity/principal.hpp"
#include "domain/identity/text.hpp"
#include "storage/identity/identity_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::identity {

struct NewOrganisation {
  std::string kind;
  std::string name;
  std::optional<std::string> credit_code;
  std::string region_code;
};

struct NewOutlet {
  std::string name;
  std::string region_code;
  std::string address;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;  // pass as `after` to get the next page
};

class DirectoryService {
 public:
  DirectoryService(storage::Database& db, const storage::IdentityRepository& repo,
                   const storage::JournalRepository& journal, const core::RegionTable& regions,
                   const crypto::PasswordHasher& hasher, const Clock& clock, Random& random)
      : db_(db),
        repo_(repo),
        journal_(journal),
        regions_(regions),
        hasher_(hasher),
        clock_(clock),
        random_(random) {}

  Result<storage::OrganisationRecord> CreateOrganisation(const Principal& actor,
                                                         const NewOrganisation& in);
  // `name`: only organisations whose name contains it (case-insensitive for ASCII letters).
  Result<Page<storage::OrganisationRecord>> ListOrganisations(const Principal& actor,
                                                              const storage::PageRequest& page,
                                                              const std::string& name = {});
  Result<storage::OrganisationRecord> GetOrganisation(const Principal& actor,
                                                      const OrganisationId& organisation);

  // The node-wide organisation of individual buyers (kind buyers), created on first need. It has
  // no place: its region code is kBuyersRegion.
  Result<storage::OrganisationRecord> BuyersOrganisation();

  Result<storage::OutletRecord> CreateOutlet(const Principal& actor,
                                             const OrganisationId& organisation,
                                             const NewOutlet& in);
  Result<Page<storage::OutletRecord>> ListOutlets(const Principal& actor,
                                                  const OrganisationId& organisation,
                                                  const storage::PageRequest& page);

  Result<storage::UserRecord> CreateUser(const Principal& actor, const OrganisationId& organisation,
                                         const NewUser& in);
  // `name`: only users whose username or display name contains it.
  Result<Page<storage::UserRecord>> ListUsers(const Principal& actor,
                                              const OrganisationId& organisation,
                                              const storage::PageRequest& page,
                                              const std::string& name = {});

 private:
  Result<storage::OrganisationRecord> VisibleOrganisation(storage::Session& s,
                                                          const Principal& actor,
                                                          const std::string& id) const;
  Status Record(storage::Session& s, const Principal& actor, const EventType& type,
                std::string aggregate_id, std::optional<std::string> organisation_id,
                std::string payload) const;

  storage::Database& db_;
  const storage::IdentityRepository& repo_;
  const storage::JournalRepository& journal_;
  const core::RegionTable& regions_;
  const crypto::PasswordHasher& hasher_;
  const Clock& clock_;
  Random& random_;
};

inline constexpr std::string_view kBuyersOrganisationName = "个人买家 Individual buyers";
inline constexpr std::string_view kBuyersRegion = "000000";  // not a GB/T 2260 place

}  // namespace recirc::identity
