#include "storage/federation/federation_repository.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsertInbox =
    "INSERT INTO federation_inbox (origin, seq, event_id, type, aggregate_type, aggregate_id, "
    "occurred_at, payload, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "ON CONFLICT (origin, seq) DO NOTHING";
constexpr std::string_view kHighestSeq =
    "SELECT COALESCE(MAX(seq), 0) FROM federation_inbox WHERE origin = $1";
constexpr std::string_view kInsertRegistration =
    "INSERT INTO federated_registrations (origin, acquisition_id, seq, outlet_id, outlet_name, "
    "region_code, number, kind, item_id, category, brand, model, status, identifiers, "
    "seller_sealed, registered_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, $13, $14, $15, $16, $17) ON CONFLICT (origin, acquisition_id) DO NOTHING";
constexpr std::string_view kInsertIdentifier =
    "INSERT INTO federated_identifiers (kind, value, origin, acquisition_id, region_code, "
    "registered_at) VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (kind, value, origin, acquisition_id) DO NOTHING";
constexpr std::string_view kSameIdentifierElsewhere =
    "SELECT kind, value, origin, acquisition_id, region_code, registered_at "
    "FROM federated_identifiers WHERE kind = $1 AND value = $2 AND origin <> $3 "
    "AND registered_at >= $4 AND registered_at <= $5 ORDER BY registered_at, origin, "
    "acquisition_id";
constexpr std::string_view kInsertSignal =
    "INSERT INTO federation_signals (id, kind, region_code, identifier_kind, identifier_value, "
    "first_origin, first_acquisition_id, second_origin, second_acquisition_id, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING";
constexpr std::string_view kRegistrationsInRegion =
    "SELECT origin, acquisition_id, seq, outlet_id, outlet_name, region_code, number, kind, "
    "item_id, category, brand, model, status, identifiers, seller_sealed, registered_at, "
    "received_at FROM federated_registrations WHERE substr(region_code, 1, $1) = $2 "
    "ORDER BY registered_at DESC, acquisition_id DESC LIMIT $3";
constexpr std::string_view kSignalsInRegion =
    "SELECT id, kind, region_code, identifier_kind, identifier_value, first_origin, "
    "first_acquisition_id, second_origin, second_acquisition_id, created_at "
    "FROM federation_signals WHERE substr(region_code, 1, $1) = $2 "
    "ORDER BY created_at DESC, id DESC LIMIT $3";

FederatedIdentifierRecord IdentifierFrom(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)};
}

}  // namespace

Result<bool> FederationRepository::InsertInboxEvent(Session& s, const InboxEventRecord& r) const {
  RECIRC_TRY(int64_t n,
             s.Execute(kInsertInbox, {r.origin, r.seq, r.event_id, r.type, r.aggregate_type,
                                      r.aggregate_id, r.occurred_at, r.payload, r.received_at}));
  return n > 0;
}

Result<int64_t> FederationRepository::HighestSeq(Session& s, const std::string& origin) const {
  RECIRC_TRY(Row row, s.QueryOne(kHighestSeq, {origin}, "highest seq"));
  return row.Int(0);
}

Result<bool> FederationRepository::InsertRegistration(Session& s,
                                                      const FederatedRegistrationRecord& r) const {
  RECIRC_TRY(int64_t n,
             s.Execute(kInsertRegistration,
                       {r.origin, r.acquisition_id, r.seq, r.outlet_id, r.outlet_name,
                        r.region_code, r.number, r.kind, r.item_id, r.category, r.brand, r.model,
                        r.status, r.identifiers, r.seller_sealed, r.registered_at, r.received_at}));
  return n > 0;
}

Result<bool> FederationRepository::InsertIdentifier(Session& s,
                                                    const FederatedIdentifierRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute(kInsertIdentifier, {r.kind, r.value, r.origin, r.acquisition_id,
                                                      r.region_code, r.registered_at}));
  return n > 0;
}

Result<std::vector<FederatedIdentifierRecord>> FederationRepository::SameIdentifierElsewhere(
    Session& s, const std::string& kind, const std::string& value, const std::string& origin,
    int64_t from, int64_t to) const {
  RECIRC_TRY(Rows rows, s.Query(kSameIdentifierElsewhere, {kind, value, origin, from, to}));
  std::vector<FederatedIdentifierRecord> out;
  for (const Row& r : rows) out.push_back(IdentifierFrom(r));
  return out;
}

Result<bool> FederationRepository::InsertSignal(Session& s, const FederationSignalRecord& r) const {
  RECIRC_TRY(int64_t n,
             s.Execute(kInsertSignal, {r.id, r.kind, r.region_code, r.identifier_kind,
                                       r.identifier_value, r.first_origin, r.first_acquisition_id,
                                       r.second_origin, r.second_acquisition_id, r.created_at}));
  return n > 0;
}

Result<std::vector<FederatedRegistrationRecord>> FederationRepository::RegistrationsInRegion(
    Session& s, const std::string& region_prefix, int64_t limit) const {
  RECIRC_TRY(Rows rows, s.Query(kRegistrationsInRegion, {static_cast<int64_t>(region_prefix.size()),
                                                         region_prefix, limit}));
  std::vector<FederatedRegistrationRecord> out;
  for (const Row& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6),
                   r.Text(7), r.Text(8), r.Text(9), r.Text(10), r.Text(11), r.Text(12), r.Text(13),
                   r.Text(14), r.Int(15), r.Int(16)});
  }
  return out;
}

Result<std::vector<FederationSignalRecord>> FederationRepository::SignalsInRegion(
    Session& s, const std::string& region_prefix, int64_t limit) const {
  RECIRC_TRY(Rows rows, s.Query(kSignalsInRegion, {static_cast<int64_t>(region_prefix.size()),
                                                   region_prefix, limit}));
  std::vector<FederationSignalRecord> out;
  for (const Row& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6),
                   r.Text(7), r.Text(8), r.Int(9)});
  }
  return out;
}

}  // namespace recirc::storage
