// The search index over a labelled fixture of 60 Chinese/English listings
// (testdata/listings.jsonl): relevance of labelled queries (two-character Chinese words, model
// names, mixed queries), filters, facets, sorting, paging, replace and delete.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "search/search_index.hpp"

namespace recirc::search {
namespace {

std::filesystem::path SourceDir() {
  const char* dir = std::getenv("RECIRC_SOURCE_DIR");
  return dir ? std::filesystem::path(dir) : std::filesystem::path(".");
}

std::vector<ListingDocument> Fixture() {
  std::ifstream in(SourceDir() / "src/search/testdata/listings.jsonl");
  std::vector<ListingDocument> out;
  std::string line;
  while (std::getline(in, line)) {
    auto doc = ListingFromJson(boost::json::parse(line));
    if (!doc)
      ADD_FAILURE() << doc.error().message << ": " << line;
    else
      out.push_back(*doc);
  }
  return out;
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("recirc-search-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto index = SearchIndex::Open(dir_);
    ASSERT_TRUE(index) << index.error().message;
    index_ = std::move(*index);
    fixture_ = Fixture();
    ASSERT_EQ(fixture_.size(), 60u);
    for (const auto& d : fixture_) ASSERT_TRUE(index_->Put(d));
    ASSERT_TRUE(index_->Commit());
  }
  void TearDown() override {
    index_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::vector<std::string> Ids(const SearchQuery& q) {
    auto r = index_->Search(q);
    EXPECT_TRUE(r) << r.error().message;
    std::vector<std::string> ids;
    if (r)
      for (const auto& h : r->hits) ids.push_back(h.listing.listing_id);
    return ids;
  }
  std::vector<std::string> Ids(const std::string& text, int limit = 20) {
    SearchQuery q;
    q.text = text;
    q.limit = limit;
    return Ids(q);
  }
  std::filesystem::path dir_;
  std::unique_ptr<SearchIndex> index_;
  std::vector<ListingDocument> fixture_;
};

struct Labelled {
  std::string query;
  std::set<std::string> relevant;
};

// Judged by hand against the fixture: every listing a buyer typing the query would want.
const std::vector<Labelled>& LabelledQueries() {
  static const std::vector<Labelled> kQueries = {
      {"手机",
       {"P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12", "P13",
        "P14"}},
      {"沙发", {"S01", "S02", "S03", "S04", "S05", "S08", "S10"}},
      {"自行车", {"B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08"}},
      {"笔记本", {"L01", "L02", "L03", "L04", "L05", "L06", "L07", "L08"}},
      {"平板", {"T01", "T02", "T03"}},
      {"乐高", {"K01", "K02", "K03"}},
      {"iPhone 13", {"P01", "P02"}},
      {"Mate 40", {"P03", "P04"}},
      {"MacBook", {"L01", "L06"}},
      {"华为 手机", {"P03", "P04", "P10"}},
      {"iPhone 13 手机", {"P01", "P02"}},
      {"cheap 自行车", {"B03", "K03"}},
      {"cheap 自行车 lego", {"K03"}},
      {"sofa", {"S01", "S02", "S03", "S04", "S05", "S08", "S10"}},
      {"bikes", {"B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08"}},
      {"华为", {"P03", "P04", "P10", "L03", "T02"}},
      {"Birkin 手袋", {"G03"}},
      {"小米 平板", {"T03"}},
  };
  return kQueries;
}

TEST_F(SearchTest, LabelledQueriesFindTheirListingsFirst) {
  double precision_sum = 0, recall_sum = 0;
  for (const auto& l : LabelledQueries()) {
    const auto ids = Ids(l.query);
    // Every relevant listing is among the first |relevant| + 2 hits.
    const size_t window = std::min(ids.size(), l.relevant.size() + 2);
    std::set<std::string> top(ids.begin(), ids.begin() + static_cast<ptrdiff_t>(window));
    for (const auto& id : l.relevant) {
      EXPECT_TRUE(top.contains(id))
          << "query `" << l.query << "` misses " << id << " in its top " << window;
    }
    int relevant_found = 0;
    for (const auto& id : ids) relevant_found += l.relevant.contains(id) ? 1 : 0;
    const double precision = ids.empty() ? 0 : double(relevant_found) / double(ids.size());
    const double recall = double(relevant_found) / double(l.relevant.size());
    precision_sum += precision;
    recall_sum += recall;
    std::printf("  %-20s hits %2zu  precision %.2f  recall %.2f\n", l.query.c_str(), ids.size(),
                precision, recall);
  }
  const double n = static_cast<double>(LabelledQueries().size());
  std::printf("  mean precision %.3f, mean recall %.3f over %zu queries\n", precision_sum / n,
              recall_sum / n, LabelledQueries().size());
  EXPECT_EQ(recall_sum, n) << "every labelled query finds all of its listings";
}

TEST_F(SearchTest, TwoCharacterChineseWordsFindOnlyTheirCategory) {
  for (const auto& [word, category] :
       std::vector<std::pair<std::string, std::string>>{{"手机", "phone"}, {"沙发", "furniture"}}) {
    SearchQuery q;
    q.text = word;
    q.limit = 50;
    auto r = index_->Search(q);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_FALSE(r->hits.empty()) << word;
    for (const auto& h : r->hits)
      EXPECT_EQ(h.listing.category, category) << word << " found " << h.listing.listing_id;
  }
}

TEST_F(SearchTest, ModelNameRanksItsListingFirst) {
  EXPECT_EQ(Ids("iPhone 13").front(), "P01");
  EXPECT_EQ(Ids("Mate 40").size(), 2u) << "MateBook and MatePad are other words";
  EXPECT_EQ(Ids("Mate 40 Pro").front(), "P03");
  EXPECT_EQ(Ids("75192"), std::vector<std::string>{"K01"});
}

TEST_F(SearchTest, MixedQueriesParseTokenByToken) {
  EXPECT_EQ(Ids("cheap 自行车 lego"), std::vector<std::string>{"K03"});
  EXPECT_EQ(Ids("华为　手机").size(), 3u) << "the ideographic space separates words";
  EXPECT_TRUE(Ids("自行车 nosuchword").empty()) << "every word must match (AND)";
  EXPECT_EQ(Ids("  ").size(), 20u) << "no words browses everything";
  SearchQuery odd;
  odd.text = "AND OR ( \" -";
  EXPECT_TRUE(index_->Search(odd)) << "operators are plain words or ignored, never errors";
  EXPECT_EQ(Ids("\"(").size(), 20u) << "punctuation alone narrows nothing";
}

TEST_F(SearchTest, FiltersNarrowByCategoryRegionGradeModeAndPrice) {
  SearchQuery q;
  q.text = "手机";
  q.region = "110000";  // Beijing: P01 110108, P05 110105, P09 110108, P12 110101
  auto ids = Ids(q);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()),
            (std::set<std::string>{"P01", "P05", "P09", "P12"}));
  q.region = "110108";  // Haidian only
  ids = Ids(q);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), (std::set<std::string>{"P01", "P09"}));
  q = {};
  q.text = "手机";
  q.price_max_fen = 100'000;
  ids = Ids(q);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()),
            (std::set<std::string>{"P06", "P11", "P12"}));
  q.price_min_fen = 60'000;
  ids = Ids(q);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), (std::set<std::string>{"P06", "P12"}));
  q = {};
  q.text = "沙发";
  q.grade = "A";
  ids = Ids(q);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()),
            (std::set<std::string>{"S04", "S08", "S10"}));
  q = {};
  q.category = "luxury_bag";
  q.sale_mode = "consignment";
  ids = Ids(q);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), (std::set<std::string>{"G01", "G03"}));
}

TEST_F(SearchTest, FacetsCountTheWholeMatch) {
  SearchQuery q;
  q.limit = 1;
  auto r = index_->Search(q);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->estimated_total, 60);
  EXPECT_TRUE(r->facets.exact);
  EXPECT_EQ(r->facets.counted, 60);
  std::map<std::string, int64_t> categories, modes, provinces, bands;
  for (const auto& d : fixture_) {
    ++categories[d.category];
    ++modes[d.sale_mode];
    ++provinces[d.region_code.substr(0, 2) + "0000"];
    for (const auto& b : PriceBands())
      if (d.price_fen >= b.lower_fen && d.price_fen < b.upper_fen) ++bands[std::string(b.label)];
  }
  auto as_map = [](const std::vector<FacetCount>& v) {
    std::map<std::string, int64_t> m;
    for (const auto& c : v) m[c.value] = c.count;
    return m;
  };
  EXPECT_EQ(as_map(r->facets.category), categories);
  EXPECT_EQ(as_map(r->facets.sale_mode), modes);
  EXPECT_EQ(as_map(r->facets.region), provinces);
  auto band_counts = as_map(r->facets.price_band);
  std::erase_if(band_counts, [](const auto& kv) { return kv.second == 0; });
  EXPECT_EQ(band_counts, bands);
  ASSERT_EQ(r->facets.price_band.size(), PriceBands().size()) << "every band, in order";
  EXPECT_EQ(r->facets.price_band.front().value, "0-100");

  q.text = "沙发";
  q.region = "110000";
  r = index_->Search(q);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->estimated_total, 1);  // S01 in Chaoyang
  ASSERT_EQ(r->facets.region.size(), 1u) << "a province filter facets its cities";
  EXPECT_EQ(r->facets.region[0].value, "110100");
  EXPECT_EQ(r->facets.grade.at(0).value, "B");
}

// Past the sample, facets count the first matches only, scale to the total and say so.
TEST_F(SearchTest, FacetsOverASampleAreScaledAndSaySo) {
  SearchQuery q;
  q.limit = 1;
  q.facet_sample = 12;
  auto r = index_->Search(q);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->facets.exact);
  EXPECT_GE(r->facets.counted, 12);
  EXPECT_LT(r->facets.counted, 60);
  int64_t sum = 0;
  for (const auto& c : r->facets.category) sum += c.count;
  const auto kinds = static_cast<int64_t>(r->facets.category.size());
  EXPECT_NEAR(static_cast<double>(sum), 60.0, static_cast<double>(kinds))
      << "scaled to the whole match, give or take one per value for rounding";
  q.facet_sample = 60;
  r = index_->Search(q);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->facets.exact) << "a sample as large as the match counts it all";
}

TEST_F(SearchTest, SortsByPriceAndTime) {
  SearchQuery q;
  q.text = "沙发";
  q.sort = SortOrder::kPriceAsc;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"S04", "S03", "S08", "S05", "S01", "S10", "S02"}));
  q.sort = SortOrder::kPriceDesc;
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"S02", "S10", "S01", "S05", "S08", "S03", "S04"}));
  q.sort = SortOrder::kNewest;
  auto r = index_->Search(q);
  ASSERT_TRUE(r);
  for (size_t i = 1; i < r->hits.size(); ++i)
    EXPECT_GE(r->hits[i - 1].listing.published_at, r->hits[i].listing.published_at);
  EXPECT_FALSE(ParseSortOrder("cheapest"));
  EXPECT_EQ(ParseSortOrder("cheapest").error().field, "sort");
}

TEST_F(SearchTest, CursorPagesThroughEveryHitOnce) {
  SearchQuery q;
  q.text = "手机";
  q.limit = 5;
  std::vector<std::string> all;
  int pages = 0;
  for (;;) {
    auto r = index_->Search(q);
    ASSERT_TRUE(r) << r.error().message;
    ++pages;
    for (const auto& h : r->hits) all.push_back(h.listing.listing_id);
    if (!r->next_cursor) break;
    q.offset = std::stoll(*r->next_cursor);
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(all.size(), 14u);
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), 14u);
}

TEST_F(SearchTest, ReplaceAndRemoveByListingId) {
  ListingDocument d = fixture_.front();  // P01
  d.title_zh = "苹果 iPhone 13 降价";
  d.price_fen = 299'900;
  ASSERT_TRUE(index_->Put(d));
  ASSERT_TRUE(index_->Remove("S01"));
  ASSERT_TRUE(index_->Remove("no-such-listing"));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(*index_->Count(), 59);
  EXPECT_EQ(Ids("降价"), std::vector<std::string>{"P01"});
  const auto sofas = Ids("沙发");
  EXPECT_EQ(std::count(sofas.begin(), sofas.end(), "S01"), 0);
  ASSERT_TRUE(index_->Clear());
  EXPECT_EQ(*index_->Count(), 0);
  EXPECT_EQ(*index_->LastSeq(), 0);
}

TEST(ListingDocumentTest, BadPayloadNamesTheField) {
  auto parse = [](const char* text) { return ListingFromJson(boost::json::parse(text)); };
  const std::string ok =
      R"({"listing_id":"L1","item_id":"I1","title_zh":"手机","category":"phone",)"
      R"("region_code":"110108","grade":"A/B","price_fen":100,"sale_mode":"fixed_price",)"
      R"("channel":"online","published_at":"2026-11-01T00:00:00.000Z"})";
  ASSERT_TRUE(ListingFromJson(boost::json::parse(ok)));
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = ok;
    s.replace(s.find(from), from.size(), to);
    return ListingFromJson(boost::json::parse(s));
  };
  EXPECT_EQ(with(R"("price_fen":100)", R"("price_fen":-1)").error().field, "price_fen");
  EXPECT_EQ(with("fixed_price", "barter").error().field, "sale_mode");
  EXPECT_EQ(with("110108", "1101").error().field, "region_code");
  EXPECT_EQ(with("2026-11-01T00:00:00.000Z", "yesterday").error().field, "published_at");
  EXPECT_EQ(with(R"("title_zh":"手机",)", "").error().field, "title_zh");
  EXPECT_EQ(parse("[]").error().field, "listing");
}

}  // namespace
}  // namespace recirc::search
