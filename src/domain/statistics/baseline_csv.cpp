#include "domain/statistics/baseline_csv.hpp"

#include <string>

#include "core/category.hpp"

namespace recirc::statistics {
namespace {

constexpr int64_t kMaxCount = 1'000'000'000'000;  // a city's transactions in a month, and more
constexpr int64_t kMaxFen = 100'000'000'000'000'000;

std::vector<std::string_view> Split(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    out.push_back(line.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<int64_t> WholeNumber(std::string_view s, int64_t max) {
  if (!AllDigits(s) || s.size() > 18) return std::nullopt;
  const int64_t v = std::stoll(std::string(s));
  if (v > max) return std::nullopt;
  return v;
}

// "1234.5" yuan -> 123450 fen.
std::optional<int64_t> Fen(std::string_view s) {
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  std::string_view part = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (part.size() > 2 || (dot != std::string_view::npos && part.empty())) return std::nullopt;
  if (!part.empty() && !AllDigits(part)) return std::nullopt;
  auto yuan = WholeNumber(whole, kMaxFen / 100);
  if (!yuan) return std::nullopt;
  int64_t fen = *yuan * 100;
  const auto digit = [](char c) { return int64_t{c - '0'}; };
  if (!part.empty()) fen += digit(part[0]) * 10;
  if (part.size() == 2) fen += digit(part[1]);
  return fen;
}

Error Bad(size_t line, std::string_view column, const std::string& why) {
  return Error::InvalidArgument(
             "body", "line " + std::to_string(line) + ": " + std::string(column) + " " + why)
      .Param("line", std::to_string(line));
}

}  // namespace

Result<std::vector<storage::BaselineRow>> ParseBaselineCsv(std::string_view csv, int year,
                                                           std::string_view region_prefix) {
  if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
  std::vector<storage::BaselineRow> out;
  size_t number = 0;
  const std::string prefix = std::to_string(year) + "-";
  while (!csv.empty()) {
    const size_t end = csv.find('\n');
    std::string_view line = csv.substr(0, end);
    csv.remove_prefix(end == std::string_view::npos ? csv.size() : end + 1);
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (number == 1) {
      if (line != kBaselineHeader) {
        return Bad(1, "header", "must be " + std::string(kBaselineHeader))
            .Id("statistics.baseline_header")
            .Param("header", std::string(kBaselineHeader));
      }
      continue;
    }
    if (line.empty()) continue;
    if (out.size() == kMaxBaselineRows) {
      return Bad(number, "file", "holds more than " + std::to_string(kMaxBaselineRows) + " rows")
          .Id("statistics.baseline_too_many")
          .Param("max", std::to_string(kMaxBaselineRows));
    }
    const auto cells = Split(line);
    if (cells.size() != 5)
      return Bad(number, "row", "must have 5 columns").Id("statistics.baseline_columns");
    storage::BaselineRow row;
    const std::string_view month = cells[0];
    const int m = month.size() == 7 && month.starts_with(prefix) && AllDigits(month.substr(5))
                      ? std::stoi(std::string(month.substr(5)))
                      : 0;
    if (m < 1 || m > 12)
      return Bad(number, "month", "must be a month of " + std::to_string(year))
          .Id("statistics.baseline_month")
          .Param("year", std::to_string(year));
    row.month = month;
    if (cells[1].size() != 6 || !AllDigits(cells[1])) {
      return Bad(number, "region_code", "must be a district code (6 digits)")
          .Id("statistics.baseline_region");
    }
    if (!cells[1].starts_with(region_prefix)) {
      return Bad(number, "region_code", "is outside your jurisdiction")
          .Id("statistics.baseline_outside");
    }
    row.region_code = cells[1];
    if (core::CategoryVocabulary::Embedded().Find(cells[2]) == nullptr) {
      return Bad(number, "category", "is not a category of data/categories.json")
          .Id("statistics.baseline_category");
    }
    row.category = cells[2];
    auto count = WholeNumber(cells[3], kMaxCount);
    if (!count)
      return Bad(number, "transactions", "must be a whole number")
          .Id("statistics.baseline_transactions");
    row.count = *count;
    auto fen = Fen(cells[4]);
    if (!fen)
      return Bad(number, "value_yuan", "must be yuan with at most two decimals")
          .Id("statistics.baseline_value");
    row.value_fen = *fen;
    out.push_back(std::move(row));
  }
  if (out.empty())
    return Error::InvalidArgument("body", "the file holds no rows").Id("statistics.baseline_empty");
  return out;
}

}  // namespace recirc::statistics
