#include "core/region.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

namespace recirc::core {
namespace {

constexpr std::string_view kHeader = "code,name,parent_code,level";
constexpr std::size_t kFieldCount = 4;

bool IsRegionCode(std::string_view code) {
  return code.size() == 6 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<RegionLevel> ParseLevel(std::string_view text) {
  for (RegionLevel level : {RegionLevel::kProvince, RegionLevel::kCity, RegionLevel::kCounty}) {
    if (text == RegionLevelName(level)) {
      return level;
    }
  }
  return std::nullopt;
}

// How many leading digits of a code identify a region of this level: 11 for 110000, 4401 for
// 440100. A child's code starts with them.
std::size_t SignificantDigits(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return 2;
    case RegionLevel::kCity:
      return 4;
    case RegionLevel::kCounty:
      return 6;
  }
  return 6;
}

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma - start));
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return fields;
}

class LineErrors {
 public:
  explicit LineErrors(std::string_view source) : source_(source) {}
  Error At(std::size_t line, const std::string& message) const {
    return Error::InvalidArgument(source_,
                                  source_ + " line " + std::to_string(line) + ": " + message);
  }

 private:
  std::string source_;
};

}  // namespace

std::string_view RegionLevelName(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "province";
    case RegionLevel::kCity:
      return "city";
    case RegionLevel::kCounty:
      return "county";
  }
  return "county";
}

Result<RegionTable> RegionTable::LoadCsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::NotFound("cannot open region table " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return Error::Internal("cannot read region table " + path.string());
  }
  return ParseCsv(text.str(), path.string());
}

Result<RegionTable> RegionTable::ParseCsv(std::string_view text, std::string_view source) {
  const LineErrors errors(source);
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);  // a UTF-8 byte order mark
  }

  struct Parsed {
    Region region;
    std::size_t line;
  };
  std::vector<Parsed> parsed;
  std::size_t line_number = 0;
  bool seen_header = false;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      continue;
    }
    if (!seen_header) {
      if (line != kHeader) {
        return errors.At(line_number, "expected the header \"" + std::string(kHeader) + "\"");
      }
      seen_header = true;
      continue;
    }
    if (line.find('"') != std::string_view::npos) {
      return errors.At(line_number, "quoted fields are not supported");
    }
    const std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() != kFieldCount) {
      return errors.At(line_number, "expected " + std::to_string(kFieldCount) +
                                        " comma-separated fields, got " +
                                        std::to_string(fields.size()));
    }
    Region region;
    region.code = std::string(fields[0]);
    region.name = std::string(fields[1]);
    region.parent_code = std::string(fields[2]);
    if (!IsRegionCode(region.code)) {
      return errors.At(line_number, "code \"" + region.code + "\" is not six digits");
    }
    if (region.name.empty()) {
      return errors.At(line_number, "name is empty");
    }
    const std::optional<RegionLevel> level = ParseLevel(fields[3]);
    if (!level) {
      return errors.At(line_number, "level \"" + std::string(fields[3]) +
                                        "\" is not one of province, city, county");
    }
    region.level = *level;
    if (region.level == RegionLevel::kProvince && !region.parent_code.empty()) {
      return errors.At(line_number, "a province has no parent, got \"" + region.parent_code + "\"");
    }
    if (region.level != RegionLevel::kProvince && !IsRegionCode(region.parent_code)) {
      return errors.At(line_number, "parent_code \"" + region.parent_code + "\" is not six digits");
    }
    parsed.push_back({std::move(region), line_number});
  }
  if (!seen_header) {
    return errors.At(1, "the file is empty");
  }

  std::stable_sort(parsed.begin(), parsed.end(),
                   [](const Parsed& a, const Parsed& b) { return a.region.code < b.region.code; });
  for (std::size_t i = 1; i < parsed.size(); ++i) {
    if (parsed[i].region.code == parsed[i - 1].region.code) {
      return errors.At(parsed[i].line, "code " + parsed[i].region.code +
                                           " already appears on line " +
                                           std::to_string(parsed[i - 1].line));
    }
  }

  RegionTable table;
  table.regions_.reserve(parsed.size());
  for (Parsed& p : parsed) {
    table.regions_.push_back(std::move(p.region));
  }
  for (std::size_t i = 0; i < table.regions_.size(); ++i) {
    const Region& region = table.regions_[i];
    if (region.level == RegionLevel::kProvince) {
      table.children_[""].push_back(i);  // provinces are the children of "no parent"
      continue;
    }
    const Region* parent = table.Find(region.parent_code);
    if (parent == nullptr) {
      return errors.At(parsed[i].line,
                       "parent_code " + region.parent_code + " is not in the table");
    }
    if (parent->level >= region.level) {
      return errors.At(parsed[i].line, "parent " + parent->code + " is a " +
                                           std::string(RegionLevelName(parent->level)) +
                                           ", not above a " +
                                           std::string(RegionLevelName(region.level)));
    }
    const std::size_t digits = SignificantDigits(parent->level);
    if (region.code.compare(0, digits, parent->code, 0, digits) != 0) {
      return errors.At(
          parsed[i].line,
          "code " + region.code + " does not start with the digits of its parent " + parent->code);
    }
    table.children_[region.parent_code].push_back(i);
  }
  return table;
}

const Region* RegionTable::Find(std::string_view code) const {
  const auto it = std::lower_bound(
      regions_.begin(), regions_.end(), code,
      [](const Region& region, std::string_view wanted) { return region.code < wanted; });
  if (it == regions_.end() || it->code != code) {
    return nullptr;
  }
  return &*it;
}

std::vector<const Region*> RegionTable::Children(std::string_view parent_code) const {
  std::vector<const Region*> children;
  const auto it = children_.find(parent_code);
  if (it == children_.end()) {
    return children;
  }
  children.reserve(it->second.size());
  for (std::size_t index : it->second) {
    children.push_back(&regions_[index]);
  }
  return children;
}

bool RegionTable::IsWithin(std::string_view code, std::string_view ancestor_code) const {
  // Parents are checked at load time to be strictly higher levels, so this ends within three steps.
  for (const Region* region = Find(code); region != nullptr; region = Find(region->parent_code)) {
    if (region->code == ancestor_code) {
      return true;
    }
  }
  return false;
}

Status ValidateRegionCode(const RegionTable& table, std::string_view code, std::string_view field) {
  if (!IsRegionCode(code)) {
    return Error::InvalidArgument(std::string(field), "region code must be six digits");
  }
  if (table.Find(code) == nullptr) {
    return Error::InvalidArgument(std::string(field),
                                  "region code " + std::string(code) + " is not a known region");
  }
  return Ok();
}

}  // namespace recirc::core
