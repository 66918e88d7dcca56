#include "core/region.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace recirc::core {
namespace {

std::filesystem::path SourceDir() {
  const char* dir = std::getenv("RECIRC_SOURCE_DIR");
  return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::current_path();
}

// The real table, loaded once for the whole suite.
class RegionTableTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = RegionTable::LoadCsv(SourceDir() / "data" / "regions.csv");
    if (loaded) {
      table_.emplace(std::move(*loaded));
    } else {
      load_error_ = loaded.error().message;
    }
  }
  static void TearDownTestSuite() { table_.reset(); }
  void SetUp() override {
    ASSERT_TRUE(table_.has_value()) << load_error_ << " (is RECIRC_SOURCE_DIR the repo root?)";
  }
  static const RegionTable& table() { return *table_; }

 private:
  static inline std::optional<RegionTable> table_;
  static inline std::string load_error_;
};

TEST_F(RegionTableTest, HoldsTheWholeCountyLevelList) { EXPECT_GT(table().size(), 3000u); }

TEST_F(RegionTableTest, FindsWellKnownRegions) {
  const Region* beijing = table().Find("110000");
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->name, "北京市");
  EXPECT_EQ(beijing->level, RegionLevel::kProvince);
  EXPECT_EQ(beijing->parent_code, "");

  // A municipality's districts sit directly under it: GB/T 2260 has no 110100.
  const Region* chaoyang = table().Find("110105");
  ASSERT_NE(chaoyang, nullptr);
  EXPECT_EQ(chaoyang->name, "朝阳区");
  EXPECT_EQ(chaoyang->level, RegionLevel::kCounty);
  EXPECT_EQ(chaoyang->parent_code, "110000");
  EXPECT_EQ(table().Find("110100"), nullptr);

  const Region* shenzhen = table().Find("440300");
  ASSERT_NE(shenzhen, nullptr);
  EXPECT_EQ(shenzhen->name, "深圳市");
  EXPECT_EQ(shenzhen->level, RegionLevel::kCity);
  EXPECT_EQ(shenzhen->parent_code, "440000");

  EXPECT_EQ(table().Find("999999"), nullptr);
  EXPECT_EQ(table().Find(""), nullptr);
}

TEST_F(RegionTableTest, ListsChildrenInCodeOrder) {
  const auto provinces_cities = table().Children("440000");
  ASSERT_FALSE(provinces_cities.empty());
  EXPECT_EQ(provinces_cities.front()->code, "440100");  // 广州市
  bool has_shenzhen = false;
  for (std::size_t i = 0; i < provinces_cities.size(); ++i) {
    EXPECT_EQ(provinces_cities[i]->level, RegionLevel::kCity);
    EXPECT_EQ(provinces_cities[i]->parent_code, "440000");
    if (i > 0) {
      EXPECT_LT(provinces_cities[i - 1]->code, provinces_cities[i]->code);
    }
    has_shenzhen = has_shenzhen || provinces_cities[i]->code == "440300";
  }
  EXPECT_TRUE(has_shenzhen);

  const auto beijing_districts = table().Children("110000");
  EXPECT_EQ(beijing_districts.size(), 16u);
  EXPECT_TRUE(table().Children("110105").empty());
  const auto provinces = table().Children("");
  ASSERT_GE(provinces.size(), 31u);
  EXPECT_EQ(provinces.front()->code, "110000");
  for (const Region* p : provinces) EXPECT_EQ(p->level, RegionLevel::kProvince);
  EXPECT_TRUE(table().Children("999999").empty());
}

TEST_F(RegionTableTest, EveryRegionBelowAProvinceIsWithinIt) {
  EXPECT_TRUE(table().IsWithin("110105", "110000"));
  EXPECT_TRUE(table().IsWithin("110105", "110105"));
  EXPECT_TRUE(table().IsWithin("440305", "440300"));  // 南山区 in 深圳市
  EXPECT_TRUE(table().IsWithin("440305", "440000"));
  EXPECT_TRUE(table().IsWithin("429004", "420000"));  // 仙桃市, administered by the province
  EXPECT_FALSE(table().IsWithin("440305", "440100"));
  EXPECT_FALSE(table().IsWithin("440000", "440300"));
  EXPECT_FALSE(table().IsWithin("110105", "120000"));
  EXPECT_FALSE(table().IsWithin("999999", "990000"));
  EXPECT_FALSE(table().IsWithin("110105", "11"));  // ancestors are full codes, not prefixes
}

TEST_F(RegionTableTest, ValidatesRegionCodes) {
  EXPECT_TRUE(ValidateRegionCode(table(), "440305"));
  const Status unknown = ValidateRegionCode(table(), "440399", "listing.region");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(unknown.error().field, "listing.region");
  EXPECT_EQ(unknown.error().message, "region code 440399 is not a known region");
  const Status malformed = ValidateRegionCode(table(), "44030");
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().field, "region_code");
  EXPECT_EQ(malformed.error().message, "region code must be six digits");
}

std::string ParseError(std::string_view csv) {
  auto table = RegionTable::ParseCsv(csv, "test.csv");
  if (table) return "accepted";
  EXPECT_EQ(table.error().code, ErrorCode::kInvalidArgument);
  return table.error().message;
}

constexpr std::string_view kHeader = "code,name,parent_code,level\n";

TEST(RegionTableParseTest, AcceptsASmallTable) {
  auto table = RegionTable::ParseCsv(
      std::string(kHeader) +
          "440000,广东省,,province\r\n440300,深圳市,440000,city\n440305,南山区,440300,county\n\n",
      "test.csv");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->size(), 3u);
  EXPECT_TRUE(table->IsWithin("440305", "440000"));
}

TEST(RegionTableParseTest, RejectsMalformedLinesNamingTheLine) {
  EXPECT_EQ(ParseError("code,name\n"),
            "test.csv line 1: expected the header \"code,name,parent_code,level\"");
  EXPECT_EQ(ParseError(""), "test.csv line 1: the file is empty");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440000,广东省,province\n"),
            "test.csv line 2: expected 4 comma-separated fields, got 3");
  EXPECT_EQ(
      ParseError(std::string(kHeader) + "440000,广东省,,province\n44030,深圳市,440000,city\n"),
      "test.csv line 3: code \"44030\" is not six digits");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440000,,,province\n"),
            "test.csv line 2: name is empty");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440000,广东省,,state\n"),
            "test.csv line 2: level \"state\" is not one of province, city, county");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440000,\"广东省\",,province\n"),
            "test.csv line 2: quoted fields are not supported");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440000,广东省,110000,province\n"),
            "test.csv line 2: a province has no parent, got \"110000\"");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440300,深圳市,,city\n"),
            "test.csv line 2: parent_code \"\" is not six digits");
}

TEST(RegionTableParseTest, RejectsInconsistentTablesNamingTheLine) {
  EXPECT_EQ(ParseError(std::string(kHeader) + "440000,广东省,,province\n440000,广东,,province\n"),
            "test.csv line 3: code 440000 already appears on line 2");
  EXPECT_EQ(ParseError(std::string(kHeader) + "440300,深圳市,440000,city\n"),
            "test.csv line 2: parent_code 440000 is not in the table");
  EXPECT_EQ(
      ParseError(std::string(kHeader) + "440000,广东省,,province\n440300,深圳市,440000,city\n"
                                        "440301,某区,440305,county\n440305,南山区,440300,county\n"),
      "test.csv line 4: parent 440305 is a county, not above a county");
  EXPECT_EQ(
      ParseError(std::string(kHeader) + "440000,广东省,,province\n110105,朝阳区,440000,county\n"),
      "test.csv line 3: code 110105 does not start with the digits of its parent 440000");
}

TEST(RegionTableLoadTest, MissingFileIsNotFound) {
  auto table = RegionTable::LoadCsv(SourceDir() / "data" / "no-such-file.csv");
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace recirc::core
