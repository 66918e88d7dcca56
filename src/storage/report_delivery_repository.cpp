#include "storage/report_delivery_repository.hpp"

namespace recirc::storage {
namespace {
constexpr std::string_view kLast = "SELECT MAX(day) FROM report_deliveries";
// The same statement on both dialects (SQLite 3.24+ and PostgreSQL 9.5+).
constexpr std::string_view kMark =
    "INSERT INTO report_deliveries (day, outlets, delivered_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (day) DO NOTHING";
constexpr std::string_view kOutlets =
    "SELECT id, organisation_id, region_code FROM outlets ORDER BY id";
}  // namespace

Result<std::optional<std::string>> ReportDeliveryRepository::LastDelivered(Session& s) const {
  RECIRC_TRY(Row row, s.QueryOne(kLast, {}, "last delivery"));
  return row.OptText(0);
}

Status ReportDeliveryRepository::MarkDelivered(Session& s, const std::string& day, int64_t outlets,
                                               int64_t at) const {
  RECIRC_TRY(int64_t n, s.Execute(kMark, {day, outlets, at}));
  (void)n;
  return Ok();
}

Result<std::vector<OutletRegion>> ReportDeliveryRepository::AllOutlets(Session& s) const {
  RECIRC_TRY(Rows rows, s.Query(kOutlets));
  std::vector<OutletRegion> out;
  for (const Row& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2)});
  return out;
}

}  // namespace recirc::storage
