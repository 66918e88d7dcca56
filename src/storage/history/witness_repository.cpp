#include "storage/history/witness_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kCosignatures =
    "SELECT size, witness, line, created_at FROM tlog_cosignatures WHERE size = $1 "
    "ORDER BY witness";
constexpr std::string_view kPutCosignature =
    "INSERT INTO tlog_cosignatures (size, witness, line, created_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (size, witness) DO UPDATE SET line = excluded.line, "
    "created_at = excluded.created_at";
constexpr std::string_view kLatest =
    "SELECT origin, size, root, note, updated_at FROM witness_checkpoints WHERE origin = $1";
constexpr std::string_view kInsertFirst =
    "INSERT INTO witness_checkpoints (origin, size, root, note, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (origin) DO NOTHING";
constexpr std::string_view kAdvance =
    "UPDATE witness_checkpoints SET size = $2, root = $3, note = $4, updated_at = $5 "
    "WHERE origin = $1 AND size = $6";

}  // namespace

Result<std::vector<CosignatureRecord>> WitnessRepository::Cosignatures(Session& s,
                                                                       int64_t size) const {
  return MapRows<CosignatureRecord>(s.Query(kCosignatures, {size}), [](const Row& r) {
    return CosignatureRecord{r.Int(0), r.Text(1), r.Text(2), r.Int(3)};
  });
}

Status WitnessRepository::PutCosignature(Session& s, const CosignatureRecord& c) const {
  return Done(s.Execute(kPutCosignature, {c.size, c.witness, c.line, c.created_at}));
}

Result<std::optional<WitnessedCheckpoint>> WitnessRepository::Latest(
    Session& s, const std::string& origin) const {
  return MapOptional<WitnessedCheckpoint>(s.QueryOptional(kLatest, {origin}), [](const Row& r) {
    return WitnessedCheckpoint{r.Text(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4)};
  });
}

Result<bool> WitnessRepository::Advance(Session& s, int64_t old_size,
                                        const WitnessedCheckpoint& c) const {
  const Params values{c.origin, c.size, c.root, c.note, c.updated_at};
  if (old_size == 0) {
    RECIRC_TRY(int64_t inserted, s.Execute(kInsertFirst, values));
    if (inserted == 1) return true;
  }
  Params update = values;
  update.emplace_back(old_size);
  RECIRC_TRY(int64_t updated, s.Execute(kAdvance, update));
  return updated == 1;
}

}  // namespace recirc::storage
