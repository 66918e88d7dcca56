#include "storage/node_key_repository.hpp"

namespace recirc::storage {
namespace {
constexpr std::string_view kAll =
    "SELECT kind, key_id, fingerprint, created_at FROM node_keys ORDER BY kind, key_id";
constexpr std::string_view kInsert =
    "INSERT INTO node_keys (kind, key_id, fingerprint, created_at) VALUES ($1, $2, $3, $4)";
constexpr std::string_view kDelete = "DELETE FROM node_keys WHERE kind = $1 AND key_id = $2";
// Checkpoints are signed by the log key; parties, registrations and inspection bodies' keys
// hold fields encrypted with the data key (registrations need a party, so parties cover them).
constexpr std::string_view kHoldsKeyedData =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM tlog_checkpoints) OR EXISTS (SELECT 1 FROM parties) "
    "OR EXISTS (SELECT 1 FROM inspection_keys) THEN 1 ELSE 0 END";
// $1 is "v1:<key id>:", $2 its length (key ids may hold LIKE's wildcards).
constexpr std::string_view kUsesDataKey =
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM parties WHERE substr(name_enc, 1, $2) = $1 OR "
    "substr(id_number_enc, 1, $2) = $1 OR substr(phone_enc, 1, $2) = $1 OR "
    "substr(address_enc, 1, $2) = $1) OR EXISTS (SELECT 1 FROM acquisitions WHERE "
    "substr(origin_statement_enc, 1, $2) = $1 OR substr(agent_authority_enc, 1, $2) = $1) OR "
    "EXISTS (SELECT 1 FROM inspection_keys WHERE substr(private_key_enc, 1, $2) = $1) "
    "THEN 1 ELSE 0 END";
constexpr std::string_view kAnySealedParty =
    "SELECT id, name_enc, phone_enc, phone_index FROM parties WHERE name_enc LIKE 'v1:%' "
    "ORDER BY CASE WHEN phone_index IS NULL THEN 1 ELSE 0 END, id LIMIT 1";
}  // namespace

Result<std::vector<NodeKeyRecord>> NodeKeyRepository::All(Session& s) const {
  RECIRC_TRY(Rows rows, s.Query(kAll));
  std::vector<NodeKeyRecord> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

Status NodeKeyRepository::Insert(Session& s, const NodeKeyRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute(kInsert, {r.kind, r.key_id, r.fingerprint, r.created_at}));
  (void)n;
  return Ok();
}

Status NodeKeyRepository::Delete(Session& s, const std::string& kind,
                                 const std::string& key_id) const {
  RECIRC_TRY(int64_t n, s.Execute(kDelete, {kind, key_id}));
  (void)n;
  return Ok();
}

Result<bool> NodeKeyRepository::HoldsKeyedData(Session& s) const {
  RECIRC_TRY(Row row, s.QueryOne(kHoldsKeyedData, {}, "keyed data"));
  return row.Int(0) != 0;
}

Result<bool> NodeKeyRepository::UsesDataKey(Session& s, const std::string& key_id) const {
  const std::string prefix = "v1:" + key_id + ":";
  RECIRC_TRY(Row row, s.QueryOne(kUsesDataKey, {prefix, static_cast<int64_t>(prefix.size())},
                                 "data key use"));
  return row.Int(0) != 0;
}

Result<std::optional<SealedParty>> NodeKeyRepository::AnySealedParty(Session& s) const {
  RECIRC_TRY(auto row, s.QueryOptional(kAnySealedParty, {}));
  if (!row) return std::optional<SealedParty>();
  return std::optional<SealedParty>(
      SealedParty{row->Text(0), row->Text(1), row->OptText(2), row->OptText(3)});
}

}  // namespace recirc::storage
