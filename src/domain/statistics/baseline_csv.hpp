#pragma once
// The city's baseline as CSV (docs/statistics.md), parsed before anything is stored: bytes in,
// rows out, no storage. Errors name `body` and the line and column ("line 3: value_yuan ...").

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "storage/statistics/statistics_repository.hpp"

namespace recirc::statistics {

inline constexpr std::string_view kBaselineHeader =
    "month,region_code,category,transactions,value_yuan";
inline constexpr size_t kMaxBaselineRows = 100'000;

// The header, then one row a line: a month of `year` (YYYY-MM), a district (6 digits), a category
// of data/categories.json, a whole number of transactions and their value in yuan (at most two
// decimals); each district must start with `region_prefix` (the importer's jurisdiction). A UTF-8
// BOM and CRLF line ends are accepted; an empty file is an error.
Result<std::vector<storage::BaselineRow>> ParseBaselineCsv(std::string_view csv, int year,
                                                           std::string_view region_prefix);

}  // namespace recirc::statistics
