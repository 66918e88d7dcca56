#pragma once
// The sub-commands of the `recirc` program, each a plain function over a loaded Config, so that
// main.cpp only parses the command line.

#include <iosfwd>
#include <string>

#include "app/config.hpp"
#include "domain/identity/directory_service.hpp"

namespace recirc::app {

// Exit codes: 0 success, 1 runtime failure, 2 bad input or configuration.
int RunServe(const Config& config, bool with_demo_data, std::ostream& out);
int RunMigrate(const Config& config, std::ostream& out);
// Wipes <data_dir>/search and replays the journal into it (the server must be stopped: one
// writer per Xapian database).
int RunReindex(const Config& config, std::ostream& out);
int RunStatsRebuild(const Config& config, std::ostream& out);
int RunKeysInit(const Config& config, const std::string& origin, const std::string& witness_name,
                std::ostream& out);
int RunKeysShow(const Config& config, std::ostream& out);
// Appends a new data key (the old ones stay) and re-encrypts every personal field under it.
int RunKeysRotate(const Config& config, std::ostream& out);
// Erases personal data of registrations older than [registry] retention_years.
int RunRetention(const Config& config, std::ostream& out);
int RunSeed(const Config& config, int64_t items, std::ostream& out);
// Writes an item's label PDF (documents/item_label.hpp) to `output`. The QR code points to
// public_base_url, else to the configured listen address.
int RunLabel(const Config& config, const std::string& item_id, const std::string& size,
             const std::string& output, std::ostream& out);

struct AdminRequest {
  enum class Kind { kCreateOrganisation, kCreateOutlet, kCreateUser, kListOrganisations };
  Kind kind = Kind::kListOrganisations;
  std::string organisation_id;
  identity::NewOrganisation organisation;
  identity::NewOutlet outlet;
  identity::NewUser user;
};
int RunAdmin(const Config& config, const AdminRequest& request, std::ostream& out);

}  // namespace recirc::app
