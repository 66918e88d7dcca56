#pragma once
// Reference data on the wire (GB/T 2260 regions), described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>

#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;

struct Region {
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"level", R"js({"enum": ["province", "city", "county"]})js"}};
  std::string code;
  std::string name;
  std::string level;
};
BOOST_DESCRIBE_STRUCT(Region, (), (code, name, level))

struct RegionList {
  static constexpr std::string_view kSchemaName = "RegionList";
  std::vector<Region> items;
};
BOOST_DESCRIBE_STRUCT(RegionList, (), (items))

}  // namespace recirc::api::dto
