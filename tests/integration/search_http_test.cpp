// GET /api/v1/search over the whole server: listings arrive as `listing.published` events through
// the journal runner, a buyer without an account finds them by a Chinese word, a model name and a
// mixed query, with facets; bad parameters are refused naming the parameter.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <thread>

#include "core/random.hpp"
#include "domain/market/events.hpp"
#include "search/search_index.hpp"
#include "storage/journal_repository.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

std::string Offered(const std::string& id, const std::string& title, const std::string& category,
                    const std::string& region, int64_t price_fen) {
  return json::serialize(json::object{{"listing_id", id},
                                      {"item_id", "I" + id},
                                      {"title_zh", title},
                                      {"category", category},
                                      {"region_code", region},
                                      {"grade", "A/B"},
                                      {"price_fen", price_fen},
                                      {"sale_mode", "fixed_price"},
                                      {"channel", "online"},
                                      {"published_at", "2026-11-20T08:00:00.000Z"}});
}

class SearchHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  Result<int64_t> Append(TestServer& server, const EventType& type, const std::string& payload) {
    int64_t seq = 0;
    RECIRC_CHECK(server.db().Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(seq, journal_.Append(s, {type, "L", {}, {}, payload}));
      return Ok();
    }));
    return seq;
  }
  // The server's journal runner applies events on its own thread; wait (bounded) until the index
  // has everything up to `seq`.
  static bool WaitForIndex(TestServer& server, int64_t seq) {
    for (int i = 0; i < 500; ++i) {
      auto last = server.app().search().LastSeq();
      if (last && *last >= seq) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
  static json::object Get(TestServer& server, const std::string& target, unsigned status = 200) {
    auto r = server.Call({"GET", target});
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  static std::vector<std::string> Ids(const json::object& body) {
    std::vector<std::string> ids;
    for (const auto& item : body.at("items").as_array())
      ids.emplace_back(item.at("listing_id").as_string());
    return ids;
  }
  SystemClock clock_;
  SeededRandom random_{3};
  storage::JournalRepository journal_{clock_, random_};
};

TEST_P(SearchHttpTest, BuyerFindsListingsByWordModelAndMixedQuery) {
  auto server = TestServer::Start(GetParam());
  if (!server) GTEST_SKIP() << "database unavailable";
  ASSERT_TRUE(Append(*server, market::events::kListingPublished,
                     Offered("A", "华为 Mate 40 Pro 手机", "phone", "110108", 289'900)));
  ASSERT_TRUE(Append(*server, market::events::kListingPublished,
                     Offered("B", "苹果 iPhone 13 手机", "phone", "310104", 329'900)));
  ASSERT_TRUE(Append(*server, market::events::kListingPublished,
                     Offered("C", "北欧布艺沙发 cheap", "furniture", "110105", 120'000)));
  auto seq = Append(*server, market::events::kListingClosed, R"({"listing_id":"C"})");
  ASSERT_TRUE(seq);
  ASSERT_TRUE(WaitForIndex(*server, *seq)) << "the journal runner indexed the events";

  // 手机, 华为 手机, Mate 40 (percent-encoded UTF-8).
  auto body = Get(*server, "/api/v1/search?q=%E6%89%8B%E6%9C%BA");
  EXPECT_EQ(body.at("total").as_int64(), 2);
  body = Get(*server, "/api/v1/search?q=%E5%8D%8E%E4%B8%BA%20%E6%89%8B%E6%9C%BA");
  EXPECT_EQ(Ids(body), std::vector<std::string>{"A"});
  body = Get(*server, "/api/v1/search?q=Mate%2040");
  EXPECT_EQ(Ids(body), std::vector<std::string>{"A"});
  EXPECT_EQ(body.at("items").at(0).at("price_fen").as_int64(), 289'900);
  body = Get(*server, "/api/v1/search?q=%E6%B2%99%E5%8F%91");  // 沙发: sold, so gone
  EXPECT_TRUE(Ids(body).empty());

  body = Get(*server, "/api/v1/search?category=phone&region=110000&sort=price_desc");
  EXPECT_EQ(Ids(body), std::vector<std::string>{"A"});
  const auto& region_facet = body.at("facets").at("region").as_array();
  ASSERT_EQ(region_facet.size(), 1u);
  EXPECT_EQ(region_facet[0].at("value").as_string(), "110100");
  EXPECT_EQ(region_facet[0].at("count").as_int64(), 1);
  EXPECT_TRUE(body.at("facets").at("exact").as_bool());
  EXPECT_EQ(body.at("facets").at("counted").as_int64(), 1);
  // Paging the same words and filters: the client keeps its facets and asks for none.
  body = Get(*server, "/api/v1/search?category=phone&facets=false");
  EXPECT_EQ(body.at("total").as_int64(), 2);
  EXPECT_TRUE(body.at("facets").at("category").as_array().empty());
  EXPECT_EQ(body.at("facets").at("counted").as_int64(), 0);
  body = Get(*server, "/api/v1/search?price_min=300000");
  EXPECT_EQ(Ids(body), std::vector<std::string>{"B"});
  body = Get(*server, "/api/v1/search?limit=1&sort=price_asc");
  EXPECT_EQ(Ids(body), std::vector<std::string>{"A"});
  ASSERT_TRUE(body.contains("next_cursor"));
  body = Get(*server, "/api/v1/search?limit=1&sort=price_asc&cursor=" +
                          std::string(body.at("next_cursor").as_string()));
  EXPECT_EQ(Ids(body), std::vector<std::string>{"B"});
  EXPECT_FALSE(body.contains("next_cursor"));
}

TEST_P(SearchHttpTest, BadParametersAreNamed) {
  auto server = TestServer::Start(GetParam());
  if (!server) GTEST_SKIP() << "database unavailable";
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"sort=cheapest", "sort"},
           {"price_min=-5", "price_min"},
           {"price_min=500&price_max=100", "price_max"},
           {"sale_mode=barter", "sale_mode"},
           {"region=999999", "region"},
           {"cursor=abc", "cursor"},
           {"limit=0", "limit"},
           {"facets=maybe", "facets"}}) {
    auto body = Get(*server, "/api/v1/search?" + query, 400);
    EXPECT_EQ(body.at("error").at("field").as_string(), field) << query;
  }
}

INSTANTIATE_TEST_SUITE_P(Db, SearchHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
