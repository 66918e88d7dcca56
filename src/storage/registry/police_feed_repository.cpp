#include "storage/registry/police_feed_repository.hpp"

namespace recirc::storage {
namespace {
constexpr std::string_view kInsert =
    "INSERT INTO police_feed (seq, occurred_at, region_code, organisation_id, outlet_id, "
    "acquisition_id, item_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kAfter =
    "SELECT seq, occurred_at, region_code, organisation_id, outlet_id, acquisition_id, item_id, "
    "payload FROM police_feed WHERE seq > $1 AND substr(region_code, 1, $2) = $3 ORDER BY seq "
    "LIMIT $4";
}  // namespace

Status PoliceFeedRepository::Insert(Session& s, const PoliceFeedRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute(kInsert, {r.seq, r.occurred_at, r.region_code, r.organisation_id,
                                            r.outlet_id, r.acquisition_id, r.item_id, r.payload}));
  (void)n;
  return Ok();
}

Status PoliceFeedRepository::Clear(Session& s) const {
  RECIRC_TRY(int64_t n, s.Execute("DELETE FROM police_feed"));
  (void)n;
  return Ok();
}

Result<std::vector<PoliceFeedRecord>> PoliceFeedRepository::After(Session& s,
                                                                  const std::string& region_prefix,
                                                                  int64_t after, int limit) const {
  RECIRC_TRY(Rows rows, s.Query(kAfter, {after, static_cast<int64_t>(region_prefix.size()),
                                         region_prefix, int64_t{limit}}));
  std::vector<PoliceFeedRecord> out;
  for (const Row& r : rows) {
    out.push_back(
        {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  }
  return out;
}

}  // namespace recirc::storage
