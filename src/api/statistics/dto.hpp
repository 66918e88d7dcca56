#pragma once
// The authorities' statistics on the wire, described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>

#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;

struct StatFigure {
  std::vector<std::string> key;  // the breakdown's columns
  int64_t count = 0;
  int64_t value_fen = 0;
  int64_t last_year_count = 0;  // the same months a year earlier
  int64_t last_year_value_fen = 0;
  int64_t baseline_count = 0;  // the baseline year's same months (when baseline_year is set)
  int64_t baseline_value_fen = 0;
};
BOOST_DESCRIBE_STRUCT(StatFigure, (),
                      (key, count, value_fen, last_year_count, last_year_value_fen, baseline_count,
                       baseline_value_fen))

struct TransactionStatistics {
  std::string from;
  std::string to;
  std::string region_prefix;  // "" for the whole jurisdiction of a platform administrator
  std::optional<std::string> category;
  std::optional<std::string> flow;
  std::optional<int> baseline_year;     // set when figures stand beside the imported baseline
  std::vector<StatFigure> totals;       // key: [flow]
  std::vector<StatFigure> by_month;     // key: [month]
  std::vector<StatFigure> by_district;  // key: [region_code]
  std::vector<StatFigure> by_category;  // key: [category]
  std::vector<StatFigure> by_method;    // key: [flow, format, channel]
};
BOOST_DESCRIBE_STRUCT(TransactionStatistics, (),
                      (from, to, region_prefix, category, flow, baseline_year, totals, by_month,
                       by_district, by_category, by_method))

struct BaselineImported {
  int64_t imported = 0;  // rows
  int baseline_year = 0;
};
BOOST_DESCRIBE_STRUCT(BaselineImported, (), (imported, baseline_year))

}  // namespace recirc::api::dto
