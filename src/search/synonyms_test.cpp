// Brand and model synonyms (data/search_synonyms.json) and letter/digit splitting: a listing a shop
// titled in one language is found by the buyer's word in the other, and `iphone13` finds
// `iPhone 13`.
#include "search/synonyms.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "search/search_index.hpp"

namespace recirc::search {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(SynonymsTest, EmbeddedFileHasTheCommonBrands) {
  const Synonyms& s = Synonyms::Embedded();
  EXPECT_TRUE(Has(s.Of("苹果"), "apple"));
  EXPECT_TRUE(Has(s.Of("Apple"), "苹果"));
  EXPECT_TRUE(Has(s.Of("华为"), "huawei"));
  EXPECT_TRUE(Has(s.Of("小米"), "xiaomi"));
  EXPECT_TRUE(s.Of("手机").empty());
  EXPECT_TRUE(Has(s.Rewrites("苹果手机"), " apple 手机"));
}

TEST(SynonymsTest, BadFileNamesThePlace) {
  auto bad = Synonyms::FromJson(R"({"schema": "recirc.search-synonyms.v1",
                                     "groups": [{"words": ["a", "b"]}, {"words": ["c", ""]}]})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "groups[1].words[1]");
  EXPECT_FALSE(Synonyms::FromJson(R"({"schema": "other", "groups": []})"));
}

TEST(SynonymsTest, SplitsWhereLettersMeetDigits) {
  EXPECT_EQ(SplitLettersDigits("iphone13"), "iphone 13");
  EXPECT_EQ(SplitLettersDigits("mate40pro"), "mate 40 pro");
  EXPECT_EQ(SplitLettersDigits("iPhone 13"), "iPhone 13");
  EXPECT_EQ(SplitLettersDigits("苹果13"), "苹果13");
}

class SynonymSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("recirc-synonyms-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto index = SearchIndex::Open(dir_);
    ASSERT_TRUE(index) << index.error().message;
    index_ = std::move(*index);
    // As shops write them: one title, in one language.
    Put("A1", "", "iPhone 13 128GB Midnight", "Apple", "iPhone 13", "phone");
    Put("A2", "华为 Mate 40 手机", "", "华为", "Mate 40", "phone");
    Put("A3", "", "Redmi Note 12", "Xiaomi", "Note 12", "phone");
    Put("A4", "二手 iPhone13 手机", "", "苹果", "iPhone13", "phone");
    Put("A5", "", "Oak dining table", "", "", "furniture");
    ASSERT_TRUE(index_->Commit());
  }
  void TearDown() override {
    index_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Put(const std::string& id, const std::string& zh, const std::string& en,
           const std::string& brand, const std::string& model, const std::string& category) {
    ListingDocument d;
    d.listing_id = id;
    d.item_id = "I" + id;
    d.title_zh = zh;
    d.title_en = en;
    d.brand = brand;
    d.model = model;
    d.category = category;
    d.region_code = "110108";
    d.grade = "A/B";
    d.price_fen = 100'000;
    d.sale_mode = "fixed_price";
    d.channel = "online";
    d.published_at = 1;
    ASSERT_TRUE(index_->Put(d));
  }
  std::vector<std::string> Ids(const std::string& text) {
    SearchQuery q;
    q.text = text;
    auto r = index_->Search(q);
    EXPECT_TRUE(r) << r.error().message;
    std::vector<std::string> ids;
    if (r)
      for (const auto& h : r->hits) ids.push_back(h.listing.listing_id);
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  std::filesystem::path dir_;
  std::unique_ptr<SearchIndex> index_;
};

using List = std::vector<std::string>;

TEST_F(SynonymSearchTest, ChineseBrandFindsTheEnglishListing) {
  EXPECT_EQ(Ids("苹果"), (List{"A1", "A4"}));
  EXPECT_EQ(Ids("小米"), (List{"A3"}));
  EXPECT_EQ(Ids("苹果手机"), (List{"A1", "A4"}));
}

TEST_F(SynonymSearchTest, EnglishBrandFindsTheChineseListing) {
  EXPECT_EQ(Ids("huawei"), (List{"A2"}));
  EXPECT_EQ(Ids("Huawei mate"), (List{"A2"}));
  EXPECT_EQ(Ids("apple"), (List{"A1", "A4"}));
}

TEST_F(SynonymSearchTest, LettersAndDigitsTypedTogetherOrApart) {
  EXPECT_EQ(Ids("iphone13"), (List{"A1", "A4"}));
  EXPECT_EQ(Ids("iPhone 13"), (List{"A1", "A4"}));
  EXPECT_EQ(Ids("mate40"), (List{"A2"}));
  EXPECT_EQ(Ids("note12 小米"), (List{"A3"}));
}

TEST_F(SynonymSearchTest, UnrelatedWordsStillNarrow) {
  EXPECT_EQ(Ids("苹果 table"), List{});
  EXPECT_EQ(Ids("table"), (List{"A5"}));
}

}  // namespace
}  // namespace recirc::search
