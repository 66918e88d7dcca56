#pragma once
// Automatic delivery of the daily register reports to the police (DOMAIN.md: "Report to police:
// within 24 h (by end of next day) in machine-readable form"). `recirc serve` runs DeliverDue
// at start and hourly; for every day not yet delivered up to yesterday it writes, for every
// outlet, the outlet's register of that day as JSON, CSV and XLSX (the builders of
// register_report.hpp) to
//   <report_dir>/<outlet region code>/<YYYY-MM-DD>/<outlet id>.{json,csv,xlsx}
// — one directory per county jurisdiction; a city or province bureau reads the directories
// under its prefix. Days are calendar days in China Standard Time (UTC+8) on the injected clock.
//
// Idempotent: a delivered day is recorded in report_deliveries after its files are in place
// (each written to a temporary file, fsync'd and renamed), so a restart does not deliver a day
// twice, a crash before the record rewrites the same files, and days missed while the server was
// down are caught up in order. The first run ever delivers yesterday only.

#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/database.hpp"
#include "storage/report_delivery_repository.hpp"

namespace recirc::documents {

struct DeliveryReport {
  std::vector<std::string> days;  // delivered by this run, oldest first
  int64_t files = 0;
};

// The calendar day ("YYYY-MM-DD") of `unix_ms` in China Standard Time.
std::string ChinaDay(int64_t unix_ms);

class ReportDelivery {
 public:
  ReportDelivery(storage::Database& db, const registry::RegistryPort& registry,
                 std::filesystem::path root, const Clock& clock)
      : db_(db), registry_(registry), root_(std::move(root)), clock_(clock) {}

  Result<DeliveryReport> DeliverDue();

 private:
  // Writes every outlet's report of the day starting at `day_start` (unix ms); returns the files.
  Result<int64_t> DeliverDay(const std::string& day, int64_t day_start, int64_t& outlets);

  storage::Database& db_;
  const registry::RegistryPort& registry_;
  storage::ReportDeliveryRepository deliveries_;
  std::filesystem::path root_;
  const Clock& clock_;
};

}  // namespace recirc::documents
