#include "storage/registry/near_miss_repository.hpp"

namespace recirc::storage {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO screening_near_misses (id, acquisition_id, item_id, region_code, score, reasons, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
// The prefix is matched with substr, not LIKE, so no pattern characters need escaping.
constexpr std::string_view kInRegion =
    "SELECT id, acquisition_id, item_id, region_code, score, reasons, created_at "
    "FROM screening_near_misses WHERE substr(region_code, 1, $1) = $2 AND created_at >= $3 "
    "AND created_at < $4 ORDER BY created_at DESC, id DESC LIMIT $5";
}  // namespace

Status NearMissRepository::Insert(Session& s, const NearMissRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute(kInsert, {r.id, r.acquisition_id, r.item_id, r.region_code,
                                            r.score, r.reasons, r.created_at}));
  (void)n;
  return Ok();
}

Result<std::vector<NearMissRecord>> NearMissRepository::InRegion(Session& s,
                                                                 const std::string& region_prefix,
                                                                 int64_t from, int64_t to,
                                                                 int limit) const {
  RECIRC_TRY(Rows rows, s.Query(kInRegion, {static_cast<int64_t>(region_prefix.size()),
                                            region_prefix, from, to, int64_t{limit}}));
  std::vector<NearMissRecord> out;
  for (const Row& r : rows) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Int(6)});
  }
  return out;
}

}  // namespace recirc::storage
