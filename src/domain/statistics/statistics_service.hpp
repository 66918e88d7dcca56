#pragma once
// StatisticsService: the transaction figures the commerce authority files (DOMAIN.md "Statistics
// for the authorities"), read from the rollups: a period of months, one district or the whole
// jurisdiction, one category or all; each figure beside the same months a year earlier. Commerce
// officials see their own jurisdiction (the region code of their organisation), platform
// administrators everything. Exports (documents/statistics_report.hpp) suppress small cells
// (fewer than `min_cell` transactions).

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/identity/principal.hpp"
#include "storage/statistics/statistics_repository.hpp"

namespace recirc::statistics {

struct StatisticsQuery {
  std::optional<std::string> from_month;  // "2026-01"; default: January of this year
  std::optional<std::string> to_month;    // default: this month
  std::optional<std::string> region;      // a province, city or district code; default: all
  std::optional<std::string> category;
  std::optional<std::string> flow;  // acquisition or sale; default: both
};

struct Figure {
  std::vector<std::string> key;  // the breakdown's columns (see StatisticsReport)
  int64_t count = 0;
  int64_t value_fen = 0;
  int64_t last_year_count = 0;  // the same months a year earlier
  int64_t last_year_value_fen = 0;
  int64_t baseline_count = 0;  // the imported baseline's same months (when the report has one)
  int64_t baseline_value_fen = 0;
};

struct StatisticsReport {
  std::string from_month;
  std::string to_month;
  std::string region_prefix;  // "" for everywhere
  std::optional<std::string> category;
  std::optional<std::string> flow;
  // Set when the figures stand beside the baseline: a period within one calendar year, sales
  // included. The baseline has no methods: by_method carries none.
  std::optional<int> baseline_year;
  std::vector<Figure> totals;       // key: {flow}
  std::vector<Figure> by_month;     // key: {month}
  std::vector<Figure> by_district;  // key: {region_code}
  std::vector<Figure> by_category;  // key: {category}
  std::vector<Figure> by_method;    // key: {flow, format, channel}
};

class StatisticsService {
 public:
  StatisticsService(storage::Database& db, const storage::StatisticsRepository& repo,
                    const Clock& clock, int64_t min_cell = 3, int baseline_year = 2024)
      : db_(db), repo_(repo), clock_(clock), min_cell_(min_cell), baseline_year_(baseline_year) {}

  Result<StatisticsReport> Transactions(const identity::Principal& actor,
                                        const StatisticsQuery& query) const;
  int64_t min_cell() const { return min_cell_; }
  int baseline_year() const { return baseline_year_; }

  // Imports the city's baseline: CSV with the header month,region_code,category,transactions,
  // value_yuan, one row per month of the baseline year, district (in the actor's jurisdiction)
  // and category. All rows or none; a row replaces an earlier import of its cell. An error names
  // the line and the column ("line 3: value_yuan"). Returns the rows imported.
  Result<int64_t> ImportBaseline(const identity::Principal& actor, std::string_view csv) const;

 private:
  storage::Database& db_;
  const storage::StatisticsRepository& repo_;
  const Clock& clock_;
  int64_t min_cell_;
  int baseline_year_;
};

// "2025-03" for "2026-03": the same month a year earlier.
std::string YearEarlier(const std::string& month);

}  // namespace recirc::statistics
