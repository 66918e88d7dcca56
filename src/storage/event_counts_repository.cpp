#include "storage/event_counts_repository.hpp"

namespace recirc::storage {
namespace {
constexpr std::string_view kAdd =
    "INSERT INTO event_counts (day, type, count) VALUES ($1, $2, $3) "
    "ON CONFLICT (day, type) DO UPDATE SET count = event_counts.count + excluded.count";
constexpr std::string_view kClear = "DELETE FROM event_counts";
constexpr std::string_view kAll = "SELECT day, type, count FROM event_counts ORDER BY day, type";
}  // namespace

Status EventCountsRepository::Add(Session& s, int64_t day, const std::string& type,
                                  int64_t n) const {
  RECIRC_TRY(int64_t changed, s.Execute(kAdd, {day, type, n}));
  (void)changed;
  return Ok();
}

Status EventCountsRepository::Clear(Session& s) const {
  RECIRC_TRY(int64_t changed, s.Execute(kClear));
  (void)changed;
  return Ok();
}

Result<std::vector<EventCount>> EventCountsRepository::All(Session& s) const {
  RECIRC_TRY(Rows rows, s.Query(kAll));
  std::vector<EventCount> out;
  for (const Row& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  return out;
}

}  // namespace recirc::storage
