#include "storage/registry/registry_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kPartyColumns =
    "SELECT id, organisation_id, kind, name_enc, id_type, id_number_enc, id_number_index, "
    "credit_code, phone_enc, phone_index, address_enc, created_at FROM parties ";
constexpr std::string_view kInsertParty =
    "INSERT INTO parties (id, organisation_id, kind, name_enc, id_type, id_number_enc, "
    "id_number_index, credit_code, phone_enc, phone_index, address_enc, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
constexpr std::string_view kFindItemByIdentifier =
    "SELECT item_id FROM item_identifiers WHERE kind = $1 AND value = $2";
constexpr std::string_view kInsertItem =
    "INSERT INTO items (id, category, brand, model, status, created_at) VALUES ($1, $2, $3, $4, "
    "$5, $6)";
constexpr std::string_view kSelectItem =
    "SELECT id, category, brand, model, status, created_at FROM items WHERE id = $1";
constexpr std::string_view kInsertIdentifier =
    "INSERT INTO item_identifiers (kind, value, item_id) VALUES ($1, $2, $3)";
constexpr std::string_view kSetItemStatus = "UPDATE items SET status = $2 WHERE id = $1";

// Takes the outlet's next number and holds the outlet row until commit (migration 0017).
constexpr std::string_view kNextNumber =
    "UPDATE outlets SET last_acquisition_number = last_acquisition_number + 1 WHERE id = $1 "
    "RETURNING last_acquisition_number";
constexpr std::string_view kAcquisitionColumns =
    "SELECT id, organisation_id, outlet_id, number, staff_id, item_id, seller_id, kind, channel, "
    "price_fen, payment_method, person_matches_id, origin_statement_enc, details, region_code, "
    "status, created_at, agent_id, agent_authority_enc FROM acquisitions ";
constexpr std::string_view kInsertAcquisition =
    "INSERT INTO acquisitions (id, organisation_id, outlet_id, number, staff_id, item_id, "
    "seller_id, kind, channel, price_fen, payment_method, person_matches_id, "
    "origin_statement_enc, details, region_code, status, created_at, agent_id, "
    "agent_authority_enc) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19)";
constexpr std::string_view kSetAcquisitionStatus =
    "UPDATE acquisitions SET status = $2 WHERE id = $1";
constexpr std::string_view kCountOfItem = "SELECT COUNT(*) FROM acquisitions WHERE item_id = $1";
constexpr std::string_view kCountBySeller =
    "SELECT COUNT(*) FROM acquisitions a JOIN parties p ON p.id = a.seller_id "
    "WHERE p.id_number_index = $1 AND a.created_at >= $2";

constexpr std::string_view kInsertWatchlist =
    "INSERT INTO watchlist_entries (id, source, identifier_kind, identifier_value, status, "
    "organisation_id, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kWatchlistMatches =
    "SELECT id, source, identifier_kind, identifier_value, status, organisation_id, note, "
    "created_at FROM watchlist_entries WHERE identifier_kind = $1 AND identifier_value = $2 "
    "AND (source <> 'operator_list' OR organisation_id = $3) ORDER BY created_at";

constexpr std::string_view kAlertColumns =
    "SELECT id, acquisition_id, item_id, region_code, score, reasons, status, decided_by, "
    "decided_at, created_at, decision_note FROM alerts ";
constexpr std::string_view kInsertAlert =
    "INSERT INTO alerts (id, acquisition_id, item_id, region_code, score, reasons, status, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kDecideAlert =
    "UPDATE alerts SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 "
    "WHERE id = $1";

constexpr std::string_view kInsertHold =
    "INSERT INTO holds (id, item_id, acquisition_id, kind, created_at, until_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kReleaseHolds =
    "UPDATE holds SET released_at = $2 WHERE item_id = $1 AND released_at IS NULL "
    "AND kind = 'screening'";
constexpr std::string_view kReleasePhotoHold =
    "UPDATE holds SET released_at = $2 WHERE item_id = $1 AND released_at IS NULL "
    "AND kind = 'photo_required'";
constexpr std::string_view kHoldsOfItem =
    "SELECT id, item_id, acquisition_id, kind, released_at, created_at, until_at FROM holds "
    "WHERE item_id = $1 ORDER BY created_at, id";
constexpr std::string_view kCountOpenHolds =
    "SELECT COUNT(*) FROM holds WHERE item_id = $1 AND released_at IS NULL";

Value OptionalInt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

PartyRecord ToParty(const Row& r) {
  return {r.Text(0),    r.Text(1),    r.Text(2),    r.Text(3),    r.OptText(4),  r.OptText(5),
          r.OptText(6), r.OptText(7), r.OptText(8), r.OptText(9), r.OptText(10), r.Int(11)};
}
ItemRecord ToItem(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          ParseStored<registry::ItemStatus>(r.Text(4), "items.status"),
          r.Int(5)};
}
AcquisitionRecord ToAcquisition(const Row& r) {
  return {r.Text(0),    r.Text(1),
          r.Text(2),    r.Int(3),
          r.Text(4),    r.Text(5),
          r.Text(6),    r.Text(7),
          r.Text(8),    r.Int(9),
          r.Text(10),   r.Int(11) != 0,
          r.Text(12),   r.Text(13),
          r.Text(14),   ParseStored<registry::AcquisitionStatus>(r.Text(15), "acquisitions.status"),
          r.Int(16),    r.OptText(17),
          r.OptText(18)};
}
WatchlistRecord ToWatchlist(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          ParseStored<registry::WatchlistStatus>(r.Text(4), "watchlist_entries.status"),
          r.Text(5),
          r.Text(6),
          r.Int(7)};
}
AlertRecord ToAlert(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          r.Int(4),
          r.Text(5),
          ParseStored<registry::AlertStatus>(r.Text(6), "alerts.status"),
          r.OptText(7),
          r.OptInt(8),
          r.Int(9),
          r.OptText(10)};
}

}  // namespace

Status RegistryRepository::InsertAccessAudit(Session& s, const AccessAuditRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO access_audit (id, viewer_id, viewer_organisation_id, party_id, acquisition_id, "
      "reason, viewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {r.id, r.viewer_id, r.viewer_organisation_id, r.party_id, r.acquisition_id, r.reason,
       r.viewed_at}));
}

Result<std::vector<AccessAuditRecord>> RegistryRepository::AccessAuditOf(
    Session& s, const std::string& party_id) const {
  return MapRows<AccessAuditRecord>(
      s.Query("SELECT id, viewer_id, viewer_organisation_id, party_id, acquisition_id, reason, "
              "viewed_at FROM access_audit WHERE party_id = $1 ORDER BY viewed_at, id",
              {party_id}),
      [](const Row& r) {
        return AccessAuditRecord{r.Text(0), r.Text(1), r.Text(2), r.Text(3),
                                 r.Text(4), r.Text(5), r.Int(6)};
      });
}

Result<std::vector<AccessAuditRecord>> RegistryRepository::AccessAuditInRegion(
    Session& s, const std::string& region_prefix, int64_t from, int64_t to) const {
  return MapRows<AccessAuditRecord>(
      s.Query("SELECT x.id, x.viewer_id, x.viewer_organisation_id, x.party_id, x.acquisition_id, "
              "x.reason, x.viewed_at FROM access_audit x JOIN acquisitions a ON a.id = "
              "x.acquisition_id WHERE substr(a.region_code, 1, $1) = $2 AND x.viewed_at >= $3 "
              "AND x.viewed_at < $4 ORDER BY x.viewed_at DESC, x.id DESC LIMIT 500",
              {static_cast<int64_t>(region_prefix.size()), region_prefix, from, to}),
      [](const Row& r) {
        return AccessAuditRecord{r.Text(0), r.Text(1), r.Text(2), r.Text(3),
                                 r.Text(4), r.Text(5), r.Int(6)};
      });
}

Status RegistryRepository::InsertParty(Session& s, const PartyRecord& r) const {
  return Done(s.Execute(kInsertParty,
                        {r.id, r.organisation_id, r.kind, r.name_enc, OptionalText(r.id_type),
                         OptionalText(r.id_number_enc), OptionalText(r.id_number_index),
                         OptionalText(r.credit_code), OptionalText(r.phone_enc),
                         OptionalText(r.phone_index), OptionalText(r.address_enc), r.created_at}));
}

Result<std::optional<PartyRecord>> RegistryRepository::FindParty(Session& s,
                                                                 const std::string& id) const {
  return MapOptional<PartyRecord>(
      s.QueryOptional(std::string(kPartyColumns) + "WHERE id = $1", {id}), ToParty);
}

Result<std::optional<std::string>> RegistryRepository::FindItemByIdentifier(
    Session& s, const std::string& kind, const std::string& value) const {
  RECIRC_TRY(auto row, s.QueryOptional(kFindItemByIdentifier, {kind, value}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Status RegistryRepository::InsertItem(Session& s, const ItemRecord& r) const {
  return Done(s.Execute(kInsertItem,
                        {r.id, r.category, r.brand, r.model, ToString(r.status), r.created_at}));
}

Status RegistryRepository::InsertIdentifier(Session& s, const std::string& kind,
                                            const std::string& value,
                                            const std::string& item_id) const {
  return Done(s.Execute(kInsertIdentifier, {kind, value, item_id}));
}

Status RegistryRepository::SetItemStatus(Session& s, const std::string& item_id,
                                         registry::ItemStatus status) const {
  return Done(s.Execute(kSetItemStatus, {item_id, ToString(status)}));
}

Status RegistryRepository::UpdateItemFacts(Session& s, const ItemRecord& r) const {
  return Done(s.Execute("UPDATE items SET category = $2, brand = $3, model = $4 WHERE id = $1",
                        {r.id, r.category, r.brand, r.model}));
}

Result<std::optional<ItemRecord>> RegistryRepository::FindItem(Session& s,
                                                               const std::string& id) const {
  return MapOptional<ItemRecord>(s.QueryOptional(kSelectItem, {id}), ToItem);
}

Result<int64_t> RegistryRepository::NextAcquisitionNumber(Session& s,
                                                          const std::string& outlet_id) const {
  return FirstInt(s.QueryOne(kNextNumber, {outlet_id}, "outlet"));
}

Status RegistryRepository::InsertAcquisition(Session& s, const AcquisitionRecord& r) const {
  return Done(s.Execute(
      kInsertAcquisition,
      {r.id, r.organisation_id, r.outlet_id, r.number, r.staff_id, r.item_id, r.seller_id, r.kind,
       r.channel, r.price_fen, r.payment_method, int64_t{r.person_matches_id ? 1 : 0},
       r.origin_statement_enc, r.details, r.region_code, ToString(r.status), r.created_at,
       OptionalText(r.agent_id), OptionalText(r.agent_authority_enc)}));
}

Result<std::optional<AcquisitionRecord>> RegistryRepository::FindAcquisition(
    Session& s, const std::string& id) const {
  return MapOptional<AcquisitionRecord>(
      s.QueryOptional(std::string(kAcquisitionColumns) + "WHERE id = $1", {id}), ToAcquisition);
}

Status RegistryRepository::SetAcquisitionStatus(Session& s, const std::string& id,
                                                registry::AcquisitionStatus status) const {
  return Done(s.Execute(kSetAcquisitionStatus, {id, ToString(status)}));
}

Result<int64_t> RegistryRepository::CountAcquisitionsOfItem(Session& s,
                                                            const std::string& item_id) const {
  return FirstInt(s.QueryOne(kCountOfItem, {item_id}, "count"));
}

Result<int64_t> RegistryRepository::CountAcquisitionsBySellerIndex(
    Session& s, const std::string& id_number_index, int64_t since) const {
  return FirstInt(s.QueryOne(kCountBySeller, {id_number_index, since}, "count"));
}

Result<std::vector<AcquisitionRecord>> RegistryRepository::ListAcquisitions(
    Session& s, const std::string& outlet_id, int64_t from, int64_t to) const {
  return MapRows<AcquisitionRecord>(
      s.Query(std::string(kAcquisitionColumns) +
                  "WHERE outlet_id = $1 AND created_at >= $2 AND created_at < $3 ORDER BY number",
              {outlet_id, from, to}),
      ToAcquisition);
}

Result<std::vector<AcquisitionRecord>> RegistryRepository::AcquisitionsOfItem(
    Session& s, const std::string& item_id) const {
  return MapRows<AcquisitionRecord>(
      s.Query(std::string(kAcquisitionColumns) + "WHERE item_id = $1 ORDER BY created_at, number",
              {item_id}),
      ToAcquisition);
}

Result<std::vector<AcquisitionRecord>> RegistryRepository::AcquisitionsOfSellerIndex(
    Session& s, const std::string& id_number_index) const {
  return MapRows<AcquisitionRecord>(
      s.Query(std::string(kAcquisitionColumns) +
                  "WHERE seller_id IN (SELECT id FROM parties WHERE id_number_index = $1) "
                  "OR agent_id IN (SELECT id FROM parties WHERE id_number_index = $1) "
                  "ORDER BY created_at",
              {id_number_index}),
      ToAcquisition);
}

Status RegistryRepository::InsertWatchlistEntry(Session& s, const WatchlistRecord& r) const {
  return Done(
      s.Execute(kInsertWatchlist, {r.id, r.source, r.identifier_kind, r.identifier_value,
                                   ToString(r.status), r.organisation_id, r.note, r.created_at}));
}

Result<bool> RegistryRepository::InsertWatchlistEntryIfAbsent(Session& s,
                                                              const WatchlistRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute("INSERT INTO watchlist_entries (id, source, identifier_kind, "
                                  "identifier_value, status, organisation_id, note, created_at) "
                                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                                  "ON CONFLICT (id) DO NOTHING",
                                  {r.id, r.source, r.identifier_kind, r.identifier_value,
                                   ToString(r.status), r.organisation_id, r.note, r.created_at}));
  return n > 0;
}

Result<std::optional<WatchlistRecord>> RegistryRepository::FindWatchlistEntry(
    Session& s, const std::string& id) const {
  RECIRC_TRY(auto row, s.QueryOptional("SELECT id, source, identifier_kind, identifier_value, "
                                       "status, organisation_id, note, created_at "
                                       "FROM watchlist_entries WHERE id = $1",
                                       {id}));
  if (!row) return std::optional<WatchlistRecord>();
  const Row& r = *row;
  return std::optional<WatchlistRecord>(
      WatchlistRecord{r.Text(0), r.Text(1), r.Text(2), r.Text(3),
                      ParseStored<registry::WatchlistStatus>(r.Text(4), "watchlist_entries.status"),
                      r.Text(5), r.Text(6), r.Int(7)});
}

Result<std::vector<WatchlistRecord>> RegistryRepository::WatchlistMatches(
    Session& s, const std::string& kind, const std::string& value,
    const std::string& organisation_id) const {
  return MapRows<WatchlistRecord>(s.Query(kWatchlistMatches, {kind, value, organisation_id}),
                                  ToWatchlist);
}

Result<std::vector<WatchlistRecord>> RegistryRepository::OwnWatchlist(
    Session& s, const std::string& organisation_id) const {
  return MapRows<WatchlistRecord>(
      s.Query("SELECT id, source, identifier_kind, identifier_value, status, organisation_id, "
              "note, created_at FROM watchlist_entries WHERE organisation_id = $1 AND "
              "source = 'operator_list' ORDER BY created_at DESC, id DESC LIMIT 1000",
              {organisation_id}),
      ToWatchlist);
}

Status RegistryRepository::UpsertReferenceModel(Session& s, const ReferenceModelRecord& r) const {
  // The same statement on both dialects (SQLite 3.24+ and PostgreSQL 9.5+).
  return Done(s.Execute(
      "INSERT INTO reference_models (category, brand, model, reference_price_fen, release_year, "
      "organisation_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      "ON CONFLICT (category, brand, model) DO UPDATE SET "
      "reference_price_fen = excluded.reference_price_fen, release_year = excluded.release_year, "
      "organisation_id = excluded.organisation_id, updated_at = excluded.updated_at",
      {r.category, r.brand, r.model, OptionalInt(r.reference_price_fen),
       OptionalInt(r.release_year), r.organisation_id, r.updated_at}));
}

Result<std::optional<ReferenceModelRecord>> RegistryRepository::FindReferenceModel(
    Session& s, const std::string& category, const std::string& brand,
    const std::string& model) const {
  return MapOptional<ReferenceModelRecord>(
      s.QueryOptional("SELECT category, brand, model, reference_price_fen, release_year, "
                      "organisation_id, updated_at FROM reference_models "
                      "WHERE category = $1 AND brand = $2 AND model = $3",
                      {category, brand, model}),
      [](const Row& r) {
        return ReferenceModelRecord{r.Text(0),   r.Text(1), r.Text(2), r.OptInt(3),
                                    r.OptInt(4), r.Text(5), r.Int(6)};
      });
}

Status RegistryRepository::InsertAlert(Session& s, const AlertRecord& r) const {
  return Done(s.Execute(kInsertAlert, {r.id, r.acquisition_id, r.item_id, r.region_code, r.score,
                                       r.reasons, ToString(r.status), r.created_at}));
}

Result<std::optional<AlertRecord>> RegistryRepository::FindAlert(Session& s,
                                                                 const std::string& id) const {
  return MapOptional<AlertRecord>(
      s.QueryOptional(std::string(kAlertColumns) + "WHERE id = $1", {id}), ToAlert);
}

Result<std::vector<AlertRecord>> RegistryRepository::ListAlerts(
    Session& s, const std::string& region_prefix,
    const std::optional<registry::AlertStatus>& status) const {
  // The prefix is matched with substr, not LIKE, so no pattern characters need escaping.
  const std::string sql = std::string(kAlertColumns) +
                          "WHERE substr(region_code, 1, $1) = $2 AND ($3 = '' OR status = $3) "
                          "ORDER BY created_at DESC, id DESC LIMIT 500";
  return MapRows<AlertRecord>(
      s.Query(sql, {static_cast<int64_t>(region_prefix.size()), region_prefix,
                    status ? ToString(*status) : std::string()}),
      ToAlert);
}

Status RegistryRepository::DecideAlert(Session& s, const std::string& id,
                                       registry::AlertStatus status, const std::string& decided_by,
                                       int64_t at, const std::optional<std::string>& note) const {
  return Done(s.Execute(kDecideAlert, {id, ToString(status), decided_by, at, OptionalText(note)}));
}

Status RegistryRepository::InsertHold(Session& s, const HoldRecord& r) const {
  return Done(s.Execute(kInsertHold, {r.id, r.item_id, r.acquisition_id, r.kind, r.created_at,
                                      OptionalInt(r.until_at)}));
}

Result<std::vector<HoldRecord>> RegistryRepository::HoldsOfItem(Session& s,
                                                                const std::string& item_id) const {
  return MapRows<HoldRecord>(s.Query(kHoldsOfItem, {item_id}), [](const Row& r) {
    return HoldRecord{r.Text(0),   r.Text(1), r.Text(2),  r.Text(3),
                      r.OptInt(4), r.Int(5),  r.OptInt(6)};
  });
}

Result<std::vector<std::pair<std::string, std::string>>> RegistryRepository::IdentifiersOfItem(
    Session& s, const std::string& item_id) const {
  return MapRows<std::pair<std::string, std::string>>(
      s.Query("SELECT kind, value FROM item_identifiers WHERE item_id = $1 ORDER BY kind, value",
              {item_id}),
      [](const Row& r) {
        return std::pair{r.Text(0), r.Text(1)};
      });
}

Status RegistryRepository::InsertCorrection(Session& s, const CorrectionRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO acquisition_corrections (id, acquisition_id, position, organisation_id, "
      "staff_id, changes, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      {r.id, r.acquisition_id, r.position, r.organisation_id, r.staff_id, r.changes, r.reason,
       r.created_at}));
}

Result<std::vector<CorrectionRecord>> RegistryRepository::CorrectionsOf(
    Session& s, const std::string& acquisition_id) const {
  return MapRows<CorrectionRecord>(
      s.Query("SELECT id, acquisition_id, position, organisation_id, staff_id, changes, reason, "
              "created_at FROM acquisition_corrections WHERE acquisition_id = $1 ORDER BY position",
              {acquisition_id}),
      [](const Row& r) {
        return CorrectionRecord{r.Text(0), r.Text(1), r.Int(2),  r.Text(3),
                                r.Text(4), r.Text(5), r.Text(6), r.Int(7)};
      });
}

Result<std::vector<AcquisitionListRow>> RegistryRepository::ListOrganisationAcquisitions(
    Session& s, const AcquisitionListQuery& q) const {
  // Newest first; the cursor is the (created_at, id) of the last row already seen.
  const std::string sql =
      "SELECT a.id, a.organisation_id, a.outlet_id, a.number, a.staff_id, a.item_id, "
      "a.seller_id, a.kind, a.channel, a.price_fen, a.payment_method, a.person_matches_id, "
      "a.origin_statement_enc, a.details, a.region_code, a.status, a.created_at, a.agent_id, "
      "a.agent_authority_enc, i.category, i.brand, i.model FROM acquisitions a JOIN items i ON "
      "i.id = a.item_id "
      "WHERE a.organisation_id = $1 AND ($2 = '' OR a.outlet_id = $2) AND a.created_at >= $3 "
      "AND a.created_at < $4 AND ($5 = 0 OR a.created_at < $6 OR (a.created_at = $6 AND a.id < "
      "$7)) "
      "ORDER BY a.created_at DESC, a.id DESC LIMIT $8";
  const int64_t has_cursor = q.before ? 1 : 0;
  return MapRows<AcquisitionListRow>(
      s.Query(sql, {q.organisation_id, q.outlet_id, q.from, q.to, has_cursor,
                    q.before ? q.before->first : int64_t{0},
                    q.before ? q.before->second : std::string(), q.limit}),
      [](const Row& r) {
        return AcquisitionListRow{ToAcquisition(r), r.Text(19), r.Text(20), r.Text(21)};
      });
}

Status RegistryRepository::ReleaseHolds(Session& s, const std::string& item_id, int64_t at) const {
  return Done(s.Execute(kReleaseHolds, {item_id, at}));
}

Status RegistryRepository::ReleasePhotoHold(Session& s, const std::string& item_id,
                                            int64_t at) const {
  return Done(s.Execute(kReleasePhotoHold, {item_id, at}));
}

Result<int64_t> RegistryRepository::CountOpenHolds(Session& s, const std::string& item_id) const {
  return FirstInt(s.QueryOne(kCountOpenHolds, {item_id}, "count"));
}

}  // namespace recirc::storage
