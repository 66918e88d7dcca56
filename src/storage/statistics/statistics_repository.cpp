#include "storage/statistics/statistics_repository.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kAdd =
    "INSERT INTO stat_rollups (month, region_code, category, flow, format, channel, count, "
    "value_fen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (month, region_code, category, flow, format, channel) DO UPDATE SET "
    "count = stat_rollups.count + excluded.count, "
    "value_fen = stat_rollups.value_fen + excluded.value_fen";
constexpr std::string_view kSaveOffer =
    "INSERT INTO stat_offers (offer_id, region_code, category, sale_mode, channel) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (offer_id) DO UPDATE SET "
    "region_code = excluded.region_code, category = excluded.category, "
    "sale_mode = excluded.sale_mode, channel = excluded.channel";
constexpr std::string_view kFindOffer =
    "SELECT offer_id, region_code, category, sale_mode, channel FROM stat_offers "
    "WHERE offer_id = $1";
constexpr std::string_view kAddSale =
    "INSERT INTO stat_sales (order_id, offer_id, value_fen) VALUES ($1, $2, $3) "
    "ON CONFLICT (order_id) DO NOTHING";
constexpr std::string_view kReverseSale =
    "UPDATE stat_sales SET reversed = 1 WHERE order_id = $1 AND reversed = 0 "
    "RETURNING offer_id, value_fen";

constexpr std::string_view kSaveBaseline =
    "INSERT INTO stat_baseline (month, region_code, category, count, value_fen) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (month, region_code, category) DO UPDATE SET "
    "count = excluded.count, value_fen = excluded.value_fen";

// The filter's WHERE clause and its parameters: $1..$3 always, then the category and the flow
// when asked.
std::string Where(const RollupFilter& f, Params& params) {
  params = {f.from_month, f.to_month, f.region_prefix + "%"};
  std::string sql = " WHERE month >= $1 AND month <= $2 AND region_code LIKE $3";
  if (f.category) {
    params.emplace_back(*f.category);
    sql += " AND category = $" + std::to_string(params.size());
  }
  if (f.flow) {
    params.emplace_back(*f.flow);
    sql += " AND flow = $" + std::to_string(params.size());
  }
  return sql;
}

std::string_view Columns(RollupDimension by) {
  switch (by) {
    case RollupDimension::kMonth:
      return "month";
    case RollupDimension::kRegion:
      return "region_code";
    case RollupDimension::kCategory:
      return "category";
    case RollupDimension::kFlowFormatChannel:
      return "flow, format, channel";
  }
  return "month";
}

}  // namespace

Status StatisticsRepository::Add(Session& s, const RollupKey& k, int64_t count,
                                 int64_t value_fen) const {
  RECIRC_TRY(int64_t changed, s.Execute(kAdd, {k.month, k.region_code, k.category, k.flow, k.format,
                                               k.channel, count, value_fen}));
  (void)changed;
  return Ok();
}

Status StatisticsRepository::SaveOffer(Session& s, const StatOffer& o) const {
  RECIRC_TRY(int64_t changed, s.Execute(kSaveOffer, {o.offer_id, o.region_code, o.category,
                                                     o.sale_mode, o.channel}));
  (void)changed;
  return Ok();
}

Result<std::optional<StatOffer>> StatisticsRepository::FindOffer(Session& s,
                                                                 const std::string& id) const {
  RECIRC_TRY(Rows rows, s.Query(kFindOffer, {id}));
  if (rows.empty()) return std::optional<StatOffer>();
  const Row& r = rows.front();
  return std::optional<StatOffer>(StatOffer{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
}

Result<bool> StatisticsRepository::AddSale(Session& s, const std::string& order_id,
                                           const std::string& offer_id, int64_t value_fen) const {
  RECIRC_TRY(int64_t changed, s.Execute(kAddSale, {order_id, offer_id, value_fen}));
  return changed > 0;
}

Result<std::optional<std::pair<std::string, int64_t>>> StatisticsRepository::ReverseSale(
    Session& s, const std::string& order_id) const {
  RECIRC_TRY(Rows rows, s.Query(kReverseSale, {order_id}));
  if (rows.empty()) return std::optional<std::pair<std::string, int64_t>>();
  return std::optional<std::pair<std::string, int64_t>>(
      std::pair{rows.front().Text(0), rows.front().Int(1)});
}

Status StatisticsRepository::Clear(Session& s) const {
  for (std::string_view table : {"stat_rollups", "stat_offers", "stat_sales"}) {
    RECIRC_TRY(int64_t changed, s.Execute("DELETE FROM " + std::string(table)));
    (void)changed;
  }
  return Ok();
}

Result<std::vector<RollupRow>> StatisticsRepository::Grouped(Session& s, const RollupFilter& f,
                                                             RollupDimension by) const {
  return GroupedFrom(s, "stat_rollups", f, by);
}

Status StatisticsRepository::SaveBaseline(Session& s, const BaselineRow& r) const {
  RECIRC_TRY(int64_t changed,
             s.Execute(kSaveBaseline, {r.month, r.region_code, r.category, r.count, r.value_fen}));
  (void)changed;
  return Ok();
}

Result<std::vector<RollupRow>> StatisticsRepository::BaselineGrouped(Session& s,
                                                                     const RollupFilter& f,
                                                                     RollupDimension by) const {
  if (by == RollupDimension::kFlowFormatChannel) return std::vector<RollupRow>();
  RollupFilter without_flow = f;
  without_flow.flow.reset();
  return GroupedFrom(s, "stat_baseline", without_flow, by);
}

Result<std::vector<RollupRow>> StatisticsRepository::GroupedFrom(Session& s, std::string_view table,
                                                                 const RollupFilter& f,
                                                                 RollupDimension by) const {
  const std::string columns(Columns(by));
  Params params;
  const std::string where = Where(f, params);
  const std::string sql =
      "SELECT " + columns + ", CAST(SUM(count) AS BIGINT), CAST(SUM(value_fen) AS BIGINT) FROM " +
      std::string(table) + where + " GROUP BY " + columns + " ORDER BY " + columns;
  RECIRC_TRY(Rows rows, s.Query(sql, params));
  const size_t n = by == RollupDimension::kFlowFormatChannel ? 3 : 1;
  std::vector<RollupRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    RollupRow row;
    for (size_t i = 0; i < n; ++i) row.key.push_back(r.Text(i));
    row.count = r.Int(n);
    row.value_fen = r.Int(n + 1);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace recirc::storage
