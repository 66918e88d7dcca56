#include "domain/registry/import_csv.hpp"

#include <charconv>

#include "domain/identity/text.hpp"
#include "domain/registry/item_fields.hpp"

namespace recirc::registry {
namespace {

constexpr std::string_view kWatchlistHeader = "identifier_kind,identifier_value,status,note";
constexpr std::string_view kReferenceHeader =
    "category,brand,model,reference_price_fen,release_year";

// Splits `csv` into lines ('\n', an optional '\r' before it), numbered from 1.
class Lines {
 public:
  explicit Lines(std::string_view csv) : rest_(csv) {}
  bool Next(std::string_view& line) {
    if (rest_.empty()) return false;
    const size_t end = rest_.find('\n');
    line = rest_.substr(0, end);
    rest_ = end == std::string_view::npos ? std::string_view() : rest_.substr(end + 1);
    ++number_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }
  Error Bad(const std::string& why) const {
    return Error::InvalidArgument("body", "line " + std::to_string(number_) + ": " + why);
  }
  size_t Number() const { return number_; }

 private:
  std::string_view rest_;
  size_t number_ = 0;
};

Result<std::optional<int64_t>> OptionalNumber(std::string_view cell, int64_t min, int64_t max,
                                              const std::string& what) {
  if (cell.empty()) return std::optional<int64_t>();
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  if (ec != std::errc() || ptr != cell.data() + cell.size() || v < min || v > max) {
    return Error::InvalidArgument("body", what + " is a whole number from " + std::to_string(min) +
                                              " to " + std::to_string(max) + " or empty");
  }
  return std::optional<int64_t>(v);
}

}  // namespace

Result<std::vector<WatchlistLine>> ParseWatchlistCsv(std::string_view csv) {
  std::vector<WatchlistLine> out;
  Lines lines(csv);
  std::string_view line;
  while (lines.Next(line)) {
    if (lines.Number() == 1) {
      if (line != kWatchlistHeader) {
        return lines.Bad("the header is " + std::string(kWatchlistHeader));
      }
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string_view> cells;
    for (int i = 0; i < 3; ++i) {
      const size_t comma = line.find(',');
      if (comma == std::string_view::npos) return lines.Bad("four columns are needed");
      cells.push_back(line.substr(0, comma));
      line = line.substr(comma + 1);
    }
    auto status = Parse<WatchlistStatus>(cells[2], "status");
    if (!status) {
      return lines.Bad("the status is black, grey or white");
    }
    auto value = NormaliseItemIdentifier(cells[0], cells[1], "identifier_value");
    if (!value) return lines.Bad(value.error().message);
    if (line.size() > 500) return lines.Bad("the note has at most 500 characters");
    out.push_back({std::string(cells[0]), *value, *status, std::string(line)});
  }
  if (out.empty()) return Error::InvalidArgument("body", "the file holds no entries");
  return out;
}

Result<std::vector<ReferenceModelLine>> ParseReferenceModelsCsv(std::string_view csv) {
  std::vector<ReferenceModelLine> out;
  Lines lines(csv);
  std::string_view line;
  while (lines.Next(line)) {
    if (lines.Number() == 1) {
      if (line != kReferenceHeader) {
        return lines.Bad("the header is " + std::string(kReferenceHeader));
      }
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string_view> cells;
    while (true) {
      const size_t comma = line.find(',');
      cells.push_back(line.substr(0, comma));
      if (comma == std::string_view::npos) break;
      line = line.substr(comma + 1);
    }
    if (cells.size() != 5) return lines.Bad("five columns are needed");
    if (auto st = CheckCategory(cells[0]); !st) return lines.Bad(st.error().message);
    if (auto st = identity::CheckText(cells[1], "brand", 64); !st) {
      return lines.Bad(st.error().message);
    }
    if (auto st = identity::CheckText(cells[2], "model", 64); !st) {
      return lines.Bad(st.error().message);
    }
    auto price = OptionalNumber(cells[3], 1, int64_t{1'000'000'000'000}, "reference_price_fen");
    if (!price) return lines.Bad(price.error().message);
    auto year = OptionalNumber(cells[4], 1900, 2100, "release_year");
    if (!year) return lines.Bad(year.error().message);
    out.push_back(
        {std::string(cells[0]), ReferenceKey(cells[1]), ReferenceKey(cells[2]), *price, *year});
  }
  if (out.empty()) return Error::InvalidArgument("body", "the file holds no models");
  return out;
}

}  // namespace recirc::registry
