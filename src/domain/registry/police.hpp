#pragma once
// PoliceService: the police side of the register. Officers see alerts of their jurisdiction only
// — the region code of the outlet that registered the item must lie under the police
// organisation's own region (a province code covers the province, a city code the city, a
// county code the county) — and decide them: release the hold, seize the item, or ask the
// operator for information. They also enter stolen-item reports into the watchlist.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/identity/principal.hpp"
#include "storage/journal_repository.hpp"
#include "storage/registry/near_miss_repository.hpp"
#include "storage/registry/police_feed_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

// "110000" → "11", "110100" → "1101", "110105" → "110105".
std::string JurisdictionPrefix(std::string_view region_code);

struct AlertView {
  storage::AlertRecord alert;
  storage::ItemRecord item;
  storage::AcquisitionRecord acquisition;  // seller fields stay encrypted here
  std::vector<std::pair<std::string, std::string>> identifiers;  // (kind, value): IMEI, serial…
  std::string outlet_name;                                       // empty when the outlet is unknown
};

// A near miss with what the police need to act on it: the item (with its identifiers, so the
// register can be searched for it) and the registration's outlet and number.
struct NearMissView {
  storage::NearMissRecord near_miss;
  storage::ItemRecord item;
  storage::AcquisitionRecord acquisition;  // seller fields stay encrypted here
  std::vector<std::pair<std::string, std::string>> identifiers;
};

// One full view of a seller's data, with who made it (the officer's username and display name;
// empty when the user is unknown) and what was looked at.
struct AccessAuditView {
  storage::AccessAuditRecord entry;
  std::string viewer_username;
  std::string viewer_display_name;
  storage::ItemRecord item;
  storage::AcquisitionRecord acquisition;  // seller fields stay encrypted here
};

struct WatchlistInput {
  std::string identifier_kind;
  std::string identifier_value;
  std::string status = "black";  // black, grey, white
  std::string note;
};

// One way to search the register: by an item identifier, or by outlet and time range. A search
// by a seller's ID number is SellerSearch.
struct RegisterQuery {
  std::optional<std::string> identifier_kind;
  std::optional<std::string> identifier_value;
  std::optional<std::string> outlet_id;
  int64_t from = 0;
  int64_t to = 0;
};

// A search by a seller's ID number (through the blind index). Who sold what is personal data, so
// the search states its reason and is audited like a full view of the seller.
struct SellerSearch {
  std::string id_type;
  std::string id_number;
  std::string reason;  // 10 to 500 characters; written to the access audit
};

struct RegisterHit {
  storage::AcquisitionRecord acquisition;
  storage::ItemRecord item;
};

struct ImportReport {
  int64_t imported = 0;
};

class PoliceService {
 public:
  PoliceService(storage::Database& db, const storage::RegistryRepository& repo,
                const identity::IdentityPort& identity, const storage::JournalRepository& journal,
                const crypto::BlindIndex& index, const Clock& clock, Random& random)
      : db_(db),
        repo_(repo),
        identity_(identity),
        journal_(journal),
        index_(index),
        clock_(clock),
        random_(random) {}

  // Registrations matching the query within the caller's jurisdiction, oldest first.
  Result<std::vector<RegisterHit>> SearchRegister(const identity::Principal& actor,
                                                  const RegisterQuery& q);
  // Registrations of the seller with this ID number within the caller's jurisdiction, oldest
  // first. Every registration found gets an access-audit record (who, when, why) in the same
  // transaction as the search, so there is no result without its audit record.
  Result<std::vector<RegisterHit>> SearchBySeller(const identity::Principal& actor,
                                                  const SellerSearch& q);

  // Alerts of the caller's jurisdiction, newest first; `region` (a region code inside the
  // jurisdiction: 403 naming "region" outside it, 400 when malformed) narrows to that region.
  Result<std::vector<AlertView>> ListAlerts(const identity::Principal& actor,
                                            const std::optional<std::string>& status,
                                            const std::optional<std::string>& region = {});
  // The outlets of the caller's jurisdiction with their organisation's name, for the daily
  // report's outlet picker (police_directory.cpp).
  Result<std::vector<storage::OutletDirectoryRecord>> Outlets(const identity::Principal& actor);
  // decision: "release", "seize" or "request_info"; `note` (at most 1000 characters) is kept
  // with the alert for the police, never in the journal. A seizure needs a note (the case
  // number, what was found): InvalidArgument naming "note" (police.seize_note_required).
  Result<storage::AlertRecord> Decide(const identity::Principal& actor, const AlertId& alert_id,
                                      const std::string& decision,
                                      const std::optional<std::string>& note = std::nullopt);
  Result<storage::WatchlistRecord> AddWatchlistEntry(const identity::Principal& actor,
                                                     const WatchlistInput& in);
  // A block list as CSV: the header "identifier_kind,identifier_value,status,note", then one
  // entry a line (the note may hold commas). All or nothing: the first bad line is named in the
  // error and nothing is imported.
  // The pull feed after `after` (a journal sequence number), at most 500 entries.
  Result<std::vector<storage::PoliceFeedRecord>> Feed(const identity::Principal& actor,
                                                      int64_t after);
  Result<ImportReport> ImportWatchlist(const identity::Principal& actor, std::string_view csv,
                                       const std::string& source);
  // Reference facts per model for the screening signals price_far_below_reference and
  // story_does_not_fit (reference_models.cpp). CSV with the header
  // "category,brand,model,reference_price_fen,release_year" (either of the last two may be
  // empty); a line replaces what was known of its model. All or nothing, like ImportWatchlist.
  // The supervisor's view of the access audit (access_audit.cpp): every full view of a seller's
  // data in registrations of the jurisdiction, by any officer, newest first.
  Result<std::vector<AccessAuditView>> AccessAudit(const identity::Principal& actor,
                                                   std::optional<int64_t> from,
                                                   std::optional<int64_t> to);
  Result<ImportReport> ImportReferenceModels(const identity::Principal& actor,
                                             std::string_view csv);
  // Near misses of the jurisdiction (near_misses.cpp): registrations whose signals fired below
  // the alert threshold, with their reasons, created in [from, to), newest first, at most 500.
  Result<std::vector<NearMissView>> NearMisses(const identity::Principal& actor,
                                               std::optional<int64_t> from,
                                               std::optional<int64_t> to);

 private:
  storage::Database& db_;
  const storage::RegistryRepository& repo_;
  const identity::IdentityPort& identity_;  // the viewers' names in the access audit
  const storage::JournalRepository& journal_;
  const crypto::BlindIndex& index_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::registry
