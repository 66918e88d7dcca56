#pragma once
// RegionTable: the GB/T 2260 administrative division codes (province, prefecture-level city,
// county-level division) loaded from data/regions.csv, which scripts/gen-regions.mjs generates
// (see data/README.md). Codes are six digits: province 2 + city 2 + county 2.
//
// Parents follow the data, not the digits: the districts of the four municipalities (110105
// 朝阳区) hang directly under the province-level code (110000), because GB/T 2260 has no
// city-level 110100; county-level cities administered by a province (429004 仙桃市) hang under
// the "directly administered" grouping code (429000).
//
// A loaded table is immutable; its const methods are safe to call from any thread.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace recirc::core {

enum class RegionLevel { kProvince, kCity, kCounty };

// "province", "city", "county": the spelling used in the CSV.
std::string_view RegionLevelName(RegionLevel level);

struct Region {
  std::string code;         // six digits
  std::string name;         // as published, e.g. 朝阳区
  std::string parent_code;  // empty for a province
  RegionLevel level = RegionLevel::kProvince;
};

class RegionTable {
 public:
  // Reads a CSV with the header `code,name,parent_code,level`. Rejects the whole file, with an
  // InvalidArgument error naming the file and line, if a line has the wrong number of fields, a
  // code that is not six digits, an empty name, an unknown level, a duplicate code, or a parent
  // that is missing, not of a higher level or not the parent's prefix. A missing file is NotFound.
  [[nodiscard]] static Result<RegionTable> LoadCsv(const std::filesystem::path& path);
  // The same for CSV text already in memory; `source` names it in error messages.
  [[nodiscard]] static Result<RegionTable> ParseCsv(std::string_view text, std::string_view source);

  // The region with this code, or nullptr. The pointer lives as long as the table.
  const Region* Find(std::string_view code) const;
  // The regions whose parent is `parent_code`, in code order; empty if there are none.
  // Children("") lists the provinces.
  std::vector<const Region*> Children(std::string_view parent_code) const;
  // True when `code` is a known region and is `ancestor_code` itself or lies under it (following
  // parents, so 429004 仙桃市 is within 420000 湖北省).
  bool IsWithin(std::string_view code, std::string_view ancestor_code) const;
  std::size_t size() const { return regions_.size(); }

 private:
  RegionTable() = default;

  std::vector<Region> regions_;  // sorted by code
  // parent code → indices into regions_, in code order.
  std::map<std::string, std::vector<std::size_t>, std::less<>> children_;
};

// OK when `code` is six digits and names a region in `table`; otherwise InvalidArgument naming
// `field`.
[[nodiscard]] Status ValidateRegionCode(const RegionTable& table, std::string_view code,
                                        std::string_view field = "region_code");

}  // namespace recirc::core
