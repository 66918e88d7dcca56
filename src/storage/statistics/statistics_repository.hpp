#pragma once
// SQL of the statistics context (docs/statistics.md): the rollups the journal consumer keeps
// (domain/statistics/rollups.hpp) and the grouped reads the dashboards and exports make.

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

// One cell of stat_rollups.
struct RollupKey {
  std::string month;        // "2026-12", Asia/Shanghai
  std::string region_code;  // the outlet's district (GB/T 2260)
  std::string category;
  std::string flow;     // acquisition, sale
  std::string format;   // the acquisition kind or the sale mode
  std::string channel;  // store, online, flea_market, door_to_door...
};

// An offer as the consumer saw it last published.
struct StatOffer {
  std::string offer_id;
  std::string region_code;
  std::string category;
  std::string sale_mode;
  std::string channel;
};

// What a grouped read sums over: months in [from_month, to_month], districts starting with
// region_prefix ("" for all), one category or all.
struct RollupFilter {
  std::string from_month;
  std::string to_month;
  std::string region_prefix;
  std::optional<std::string> category;
  std::optional<std::string> flow;
};

// The dimensions a read can group by (never text from a request).
enum class RollupDimension { kMonth, kRegion, kCategory, kFlowFormatChannel };

struct RollupRow {
  std::vector<std::string> key;  // the grouped columns, in order
  int64_t count = 0;
  int64_t value_fen = 0;
};

// One row of the imported baseline.
struct BaselineRow {
  std::string month;  // "2024-03"
  std::string region_code;
  std::string category;
  int64_t count = 0;
  int64_t value_fen = 0;
};

class StatisticsRepository {
 public:
  Status Add(Session& s, const RollupKey& key, int64_t count, int64_t value_fen) const;
  Status SaveOffer(Session& s, const StatOffer& offer) const;
  Result<std::optional<StatOffer>> FindOffer(Session& s, const std::string& offer_id) const;
  // Records a counted sale; false when the order was already counted.
  Result<bool> AddSale(Session& s, const std::string& order_id, const std::string& offer_id,
                       int64_t value_fen) const;
  // Marks a counted sale reversed and returns it (offer id, value); nullopt when it was never
  // counted or already reversed.
  Result<std::optional<std::pair<std::string, int64_t>>> ReverseSale(
      Session& s, const std::string& order_id) const;
  Status Clear(Session& s) const;

  Result<std::vector<RollupRow>> Grouped(Session& s, const RollupFilter& filter,
                                         RollupDimension by) const;

  // A baseline row replaces the one of its (month, district, category).
  Status SaveBaseline(Session& s, const BaselineRow& row) const;
  // The baseline grouped like Grouped (filter.flow is ignored: the baseline is of sales;
  // kFlowFormatChannel is not a baseline dimension and gives nothing).
  Result<std::vector<RollupRow>> BaselineGrouped(Session& s, const RollupFilter& filter,
                                                 RollupDimension by) const;

 private:
  // table: stat_rollups or stat_baseline (never text from a request).
  Result<std::vector<RollupRow>> GroupedFrom(Session& s, std::string_view table,
                                             const RollupFilter& filter, RollupDimension by) const;
};

}  // namespace recirc::storage
