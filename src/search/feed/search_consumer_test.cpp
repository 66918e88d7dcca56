// The search consumer over the real journal on both databases: offers are indexed, withdrawals
// and sales delete, a rebuild replays, a replay after a lost cursor commit applies nothing twice,
// a malformed payload is skipped without stopping the feed.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>

#include "domain/market/events.hpp"
#include "domain/registry/events.hpp"
#include "journal/runner.hpp"
#include "search/feed/search_consumer.hpp"
#include "support/test_database.hpp"

namespace recirc::search {
namespace {

std::string Offered(const std::string& id, const std::string& title, int64_t price_fen = 100'000) {
  ListingDocument d;
  d.listing_id = id;
  d.item_id = "I" + id;
  d.title_zh = title;
  d.category = "phone";
  d.region_code = "110108";
  d.grade = "A/B";
  d.price_fen = price_fen;
  d.sale_mode = "fixed_price";
  d.channel = "online";
  d.published_at = 1'795'000'000'000;
  return boost::json::serialize(ListingToJson(d));
}

class SearchConsumerTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (!test_db_) return;
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised names hold a slash
    dir_ = std::filesystem::temp_directory_path() / ("recirc-search-consumer-" + name);
    std::filesystem::remove_all(dir_);
    auto index = SearchIndex::Open(dir_);
    ASSERT_TRUE(index) << index.error().message;
    index_ = std::move(*index);
    consumer_ = std::make_unique<SearchConsumer>(*index_);
    runner_ = std::make_unique<journal::JournalRunner>(
        db(), journal_, std::vector<journal::Consumer*>{consumer_.get()}, /*batch_size=*/2);
  }
  void TearDown() override {
    runner_.reset();
    consumer_.reset();
    index_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  Status Append(const EventType& type, const std::string& payload) {
    return db().Write([&](storage::Session& s) -> Status {
      RECIRC_CHECK(journal_.Append(s, {type, "I", {}, {}, payload}));
      return Ok();
    });
  }
  std::vector<std::string> Find(const std::string& text) {
    SearchQuery q;
    q.text = text;
    auto r = index_->Search(q);
    EXPECT_TRUE(r) << r.error().message;
    std::vector<std::string> ids;
    if (r)
      for (const auto& h : r->hits) ids.push_back(h.listing.listing_id);
    return ids;
  }
  SeededRandom random_{7};
  storage::JournalRepository journal_{clock_, random_};
  std::filesystem::path dir_;
  std::unique_ptr<SearchIndex> index_;
  std::unique_ptr<SearchConsumer> consumer_;
  std::unique_ptr<journal::JournalRunner> runner_;
};

TEST_P(SearchConsumerTest, OffersAreIndexedAndWithdrawalsAndSalesDelete) {
  ASSERT_TRUE(Append(market::events::kListingPublished, Offered("A", "华为 Mate 40 手机")));
  ASSERT_TRUE(Append(market::events::kListingPublished, Offered("B", "苹果 iPhone 13 手机")));
  ASSERT_TRUE(Append(market::events::kListingPublished, Offered("C", "小米 12 手机")));
  ASSERT_TRUE(Append(registry::events::kItemAcquired, "{}"));  // not for search
  ASSERT_TRUE(runner_->RunOnce());
  EXPECT_EQ(Find("手机").size(), 3u);
  EXPECT_EQ(*index_->LastSeq(), 4) << "the end of the last batch (seq 3-4) that touched the index";
  ASSERT_TRUE(
      Append(market::events::kListingPublished, Offered("A", "华为 Mate 40 手机 降价", 90'000)));
  ASSERT_TRUE(Append(market::events::kListingClosed, R"({"listing_id":"B"})"));
  ASSERT_TRUE(Append(market::events::kListingClosed, R"({"listing_id":"C","item_id":"IC"})"));
  ASSERT_TRUE(runner_->RunOnce());
  EXPECT_EQ(Find("手机"), std::vector<std::string>{"A"});
  EXPECT_EQ(Find("降价"), std::vector<std::string>{"A"}) << "replaced, not added twice";
  EXPECT_EQ(*index_->Count(), 1);
}

TEST_P(SearchConsumerTest, RebuildReplaysTheJournalIntoAnEmptyIndex) {
  ASSERT_TRUE(Append(market::events::kListingPublished, Offered("A", "沙发")));
  ASSERT_TRUE(Append(market::events::kListingPublished, Offered("B", "自行车")));
  ASSERT_TRUE(Append(market::events::kListingClosed, R"({"listing_id":"A"})"));
  ASSERT_TRUE(runner_->RunOnce());
  ASSERT_TRUE(runner_->Rebuild("search"));
  EXPECT_EQ(*index_->Count(), 0);
  EXPECT_EQ(*index_->LastSeq(), 0);
  ASSERT_TRUE(runner_->RunOnce());
  EXPECT_EQ(Find(""), std::vector<std::string>{"B"});
}

TEST_P(SearchConsumerTest, ReplayAfterALostCursorCommitSkipsWhatTheIndexHas) {
  ASSERT_TRUE(Append(market::events::kListingPublished,
                     R"({"listing_id":"X"})"));  // malformed: no title etc.
  ASSERT_TRUE(Append(market::events::kListingPublished, Offered("A", "手机")));
  ASSERT_TRUE(runner_->RunOnce());
  EXPECT_EQ(consumer_->skipped(), 1) << "the malformed event is skipped, the next one applied";
  EXPECT_EQ(Find("手机"), std::vector<std::string>{"A"});
  // The Xapian commit happened but the cursor's did not (a crash between them).
  ASSERT_TRUE(db().Write([&](storage::Session& s) { return journal_.SaveCursor(s, "search", 0); }));
  ASSERT_TRUE(runner_->RunOnce());
  EXPECT_EQ(consumer_->skipped(), 1) << "events at or below the index's seq are not applied again";
  EXPECT_EQ(*index_->Count(), 1);
}

RECIRC_BOTH_DATABASES(SearchConsumerTest);

}  // namespace
}  // namespace recirc::search
