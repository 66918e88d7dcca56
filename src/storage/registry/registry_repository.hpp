#pragma once
// SQL for the registry context: parties, items and identifiers, acquisitions, watchlists, alerts
// and holds. Personal fields arrive here already encrypted (…_enc) or as blind indexes (…_index);
// this layer never sees plaintext personal data.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/registry/statuses.hpp"
#include "storage/database.hpp"

namespace recirc::storage {

struct PartyRecord {
  std::string id;
  std::string organisation_id;
  std::string kind;
  std::string name_enc;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number_enc;
  std::optional<std::string> id_number_index;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone_enc;
  std::optional<std::string> phone_index;
  std::optional<std::string> address_enc;
  int64_t created_at = 0;
};

struct ItemRecord {
  std::string id;
  std::string category;
  std::string brand;
  std::string model;
  registry::ItemStatus status = registry::ItemStatus::kInStock;
  int64_t created_at = 0;
};

struct AcquisitionRecord {
  std::string id;
  std::string organisation_id;
  std::string outlet_id;
  int64_t number = 0;
  std::string staff_id;
  std::string item_id;
  std::string seller_id;
  std::string kind;
  std::string channel;
  int64_t price_fen = 0;
  std::string payment_method;
  bool person_matches_id = false;
  std::string origin_statement_enc;
  std::string details;  // JSON: colour, condition, quantity, features
  std::string region_code;
  registry::AcquisitionStatus status = registry::AcquisitionStatus::kRegistered;
  int64_t created_at = 0;
  std::optional<std::string> agent_id;             // a party of kind "agent" acting for the seller
  std::optional<std::string> agent_authority_enc;  // the power of attorney, encrypted
};

struct WatchlistRecord {
  std::string id;
  std::string source;  // police_report, imei_blocklist, operator_list
  std::string identifier_kind;
  std::string identifier_value;
  registry::WatchlistStatus status = registry::WatchlistStatus::kBlack;
  std::string organisation_id;
  std::string note;
  int64_t created_at = 0;
};

// Reference facts of one model, entered by police or the platform (CSV import).
struct ReferenceModelRecord {
  std::string category;
  std::string brand;  // lower case
  std::string model;  // lower case
  std::optional<int64_t> reference_price_fen;
  std::optional<int64_t> release_year;
  std::string organisation_id;
  int64_t updated_at = 0;
};

struct AlertRecord {
  std::string id;
  std::string acquisition_id;
  std::string item_id;
  std::string region_code;
  int64_t score = 0;
  std::string reasons;  // JSON array of {signal, weight, detail}
  registry::AlertStatus status = registry::AlertStatus::kOpen;
  std::optional<std::string> decided_by;
  std::optional<int64_t> decided_at;
  int64_t created_at = 0;
  std::optional<std::string> decision_note;  // the officer's note with the decision (internal)
};

struct HoldRecord {
  std::string id;
  std::string item_id;
  std::string acquisition_id;
  std::string kind;  // statutory (ends by itself at until_at), screening (until released)
  std::optional<int64_t> released_at;
  int64_t created_at = 0;
  std::optional<int64_t> until_at;
};

// A correction of a registration: the registration itself is never edited.
struct CorrectionRecord {
  std::string id;
  std::string acquisition_id;
  int64_t position = 0;  // 1, 2, … along the chain; unique, so two concurrent corrections conflict
  std::string organisation_id;
  std::string staff_id;
  std::string changes;  // JSON array of {field, old, new}
  std::string reason;
  int64_t created_at = 0;
};

// A line of a shop's own list: the registration with its item's public facts.
struct AcquisitionListRow {
  AcquisitionRecord acquisition;
  std::string category;
  std::string brand;
  std::string model;
};

struct AcquisitionListQuery {
  std::string organisation_id;
  std::string outlet_id;  // empty: every outlet of the organisation
  int64_t from = 0;
  int64_t to = INT64_MAX;
  // Keyset cursor: rows strictly before (created_at, id) in newest-first order.
  std::optional<std::pair<int64_t, std::string>> before;
  int64_t limit = 50;
};

struct AccessAuditRecord {
  std::string id;
  std::string viewer_id;
  std::string viewer_organisation_id;
  std::string party_id;
  std::string acquisition_id;
  std::string reason;
  int64_t viewed_at = 0;
};

class RegistryRepository {
 public:
  Status InsertAccessAudit(Session& s, const AccessAuditRecord& r) const;
  Result<std::vector<AccessAuditRecord>> AccessAuditOf(Session& s,
                                                       const std::string& party_id) const;
  // Full views of registrations whose region code starts with `region_prefix`, newest first,
  // viewed_at in [from, to), at most 500.
  Result<std::vector<AccessAuditRecord>> AccessAuditInRegion(Session& s,
                                                             const std::string& region_prefix,
                                                             int64_t from, int64_t to) const;
  Status InsertParty(Session& s, const PartyRecord& r) const;
  Result<std::optional<PartyRecord>> FindParty(Session& s, const std::string& id) const;
  Result<std::optional<std::string>> FindItemByIdentifier(Session& s, const std::string& kind,
                                                          const std::string& value) const;
  Status InsertItem(Session& s, const ItemRecord& r) const;
  Status InsertIdentifier(Session& s, const std::string& kind, const std::string& value,
                          const std::string& item_id) const;
  Status SetItemStatus(Session& s, const std::string& item_id, registry::ItemStatus status) const;
  // A correction of the item's description (category, brand, model).
  Status UpdateItemFacts(Session& s, const ItemRecord& r) const;
  Result<std::optional<ItemRecord>> FindItem(Session& s, const std::string& id) const;

  // Next number in the outlet's register. The same statement locks the outlet row until commit, so
  // two concurrent registrations at one outlet cannot take the same number.
  Result<int64_t> NextAcquisitionNumber(Session& s, const std::string& outlet_id) const;
  Status InsertAcquisition(Session& s, const AcquisitionRecord& r) const;
  Result<std::optional<AcquisitionRecord>> FindAcquisition(Session& s, const std::string& id) const;
  Status SetAcquisitionStatus(Session& s, const std::string& id,
                              registry::AcquisitionStatus status) const;
  Result<int64_t> CountAcquisitionsOfItem(Session& s, const std::string& item_id) const;
  Result<int64_t> CountAcquisitionsBySellerIndex(Session& s, const std::string& id_number_index,
                                                 int64_t since) const;
  // The outlet's register between two times, in number order.
  Result<std::vector<AcquisitionRecord>> ListAcquisitions(Session& s, const std::string& outlet_id,
                                                          int64_t from, int64_t to) const;
  Result<std::vector<AcquisitionRecord>> AcquisitionsOfItem(Session& s,
                                                            const std::string& item_id) const;
  Result<std::vector<AcquisitionRecord>> AcquisitionsOfSellerIndex(
      Session& s, const std::string& id_number_index) const;

  Status InsertWatchlistEntry(Session& s, const WatchlistRecord& r) const;
  // Inserts the entry unless one with its id exists (an entry another node made); true when added.
  Result<bool> InsertWatchlistEntryIfAbsent(Session& s, const WatchlistRecord& r) const;
  Result<std::optional<WatchlistRecord>> FindWatchlistEntry(Session& s,
                                                            const std::string& id) const;
  // Entries for the identifier that apply to a registration by `organisation_id`: every police
  // and block-list entry, and that organisation's own list (source operator_list).
  Result<std::vector<WatchlistRecord>> WatchlistMatches(Session& s, const std::string& kind,
                                                        const std::string& value,
                                                        const std::string& organisation_id) const;
  // An operator's own list, newest first (at most 1000).
  Result<std::vector<WatchlistRecord>> OwnWatchlist(Session& s,
                                                    const std::string& organisation_id) const;

  // Insert or replace by (category, brand, model).
  Status UpsertReferenceModel(Session& s, const ReferenceModelRecord& r) const;
  Result<std::optional<ReferenceModelRecord>> FindReferenceModel(Session& s,
                                                                 const std::string& category,
                                                                 const std::string& brand,
                                                                 const std::string& model) const;

  Status InsertAlert(Session& s, const AlertRecord& r) const;
  Result<std::optional<AlertRecord>> FindAlert(Session& s, const std::string& id) const;
  // Alerts whose region code starts with `region_prefix` ("" for all), newest first.
  Result<std::vector<AlertRecord>> ListAlerts(
      Session& s, const std::string& region_prefix,
      const std::optional<registry::AlertStatus>& status) const;
  Status DecideAlert(Session& s, const std::string& id, registry::AlertStatus status,
                     const std::string& decided_by, int64_t at,
                     const std::optional<std::string>& note = std::nullopt) const;

  Status InsertHold(Session& s, const HoldRecord& r) const;
  // Releases the item's open police (screening) holds; statutory periods run on.
  // Ends the police (screening) holds of the item; statutory and photo holds stay.
  Status ReleaseHolds(Session& s, const std::string& item_id, int64_t at) const;
  // Ends the item's photo_required hold (its first item photo arrived).
  Status ReleasePhotoHold(Session& s, const std::string& item_id, int64_t at) const;
  Result<std::vector<HoldRecord>> HoldsOfItem(Session& s, const std::string& item_id) const;

  Result<std::vector<std::pair<std::string, std::string>>> IdentifiersOfItem(
      Session& s, const std::string& item_id) const;
  Status InsertCorrection(Session& s, const CorrectionRecord& r) const;
  Result<std::vector<CorrectionRecord>> CorrectionsOf(Session& s,
                                                      const std::string& acquisition_id) const;
  // The organisation's registrations, newest first, with keyset paging.
  Result<std::vector<AcquisitionListRow>> ListOrganisationAcquisitions(
      Session& s, const AcquisitionListQuery& q) const;
  Result<int64_t> CountOpenHolds(Session& s, const std::string& item_id) const;
  // The items the organisation registered, newest first, before `before_id` (empty: from the
  // newest); `identifier` (empty: any) keeps those carrying that normalised value of any kind
  // (inventory_repository.cpp).
  // Items not seized that were registered at an outlet whose region code starts with
  // `region_prefix`, oldest (smallest id) first, after `after_id` (empty: from the oldest)
  // (inspection_queue_repository.cpp).
  Result<std::vector<ItemRecord>> ItemsRegisteredInRegion(Session& s,
                                                          const std::string& region_prefix,
                                                          const std::string& after_id,
                                                          int64_t limit) const;
  // The ids of the items of registrations in the region with this register number (several
  // outlets may use one number) or, when `acquisition_id` is set instead, of that registration.
  Result<std::vector<std::string>> ItemsOfReceipt(Session& s, const std::string& region_prefix,
                                                  std::optional<int64_t> number,
                                                  const std::string& acquisition_id) const;
  Result<std::vector<ItemRecord>> ItemsOfOrganisation(Session& s,
                                                      const std::string& organisation_id,
                                                      const std::string& before_id,
                                                      const std::string& identifier,
                                                      int64_t limit) const;
};

}  // namespace recirc::storage
