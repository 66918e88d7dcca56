#pragma once
// The authorities' statistics as files (docs/statistics.md): CSV for other systems (codes, one
// section per breakdown) and an Excel workbook laid out as the pilot attachment's "basic
// situation" tables (Chinese labels: categories, transaction methods, months, districts), each
// figure beside the same months a year earlier. In both, a cell of fewer than `min_cell`
// transactions shows neither its count nor its value ("suppressed" / "不足 N 笔").

#include <string>

#include "core/error.hpp"
#include "domain/statistics/statistics_service.hpp"

namespace recirc::documents {

std::string TransactionsCsv(const statistics::StatisticsReport& report, int64_t min_cell);
Result<std::string> TransactionsXlsx(const statistics::StatisticsReport& report, int64_t min_cell);

}  // namespace recirc::documents
