#pragma once
// SearchIndex: the marketplace's full-text index, a Xapian database under <data_dir>/search/.
//
// - Text (titles, descriptions, brand, model) is indexed with CJK n-grams, so two-character Chinese
//   words (手机, 沙发) match inside longer runs; English is stemmed (some).
// - Filters are boolean terms: category, region (province, city and county prefixes of the GB/T
//   2260 code), grade, sale mode. Price and publication time are value slots (ranges, sorting).
// - Facets are counted by Xapian::ValueCountMatchSpy over the whole match (category, region one
//   level below the region filter, grade, price band, sale mode).
// - Queries are split on whitespace and each token parsed on its own, then joined with OP_AND:
//   Xapian 1.4.22's QueryParser mishandles mixed queries such as `cheap 自行车 lego` under
//   FLAG_CJK_NGRAM (ARCHITECTURE.md). Each token also matches its brand/model synonyms and its
//   letter/digit split (search/synonyms.hpp: 苹果 = apple, iphone13 = iphone 13).
// - One writer per database (Xapian's lock): the writer opens on the first write, so commands that
//   never write (admin, seed) do not take the lock. Searches use a small pool of readers.
// - Xapian is not transactional with the SQL database: the last applied journal seq is kept in the
//   database's metadata and committed with the documents (see SearchConsumer).

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "search/listing_document.hpp"

namespace recirc::search {

enum class SortOrder { kRelevance, kPriceAsc, kPriceDesc, kNewest };
Result<SortOrder> ParseSortOrder(std::string_view text);

struct SearchQuery {
  std::string text;  // the user's words; empty browses everything that passes the filters
  std::string category;
  std::string region;  // a GB/T 2260 code; 110000 (province), 110100 (city), 110108 (county)
  std::string grade;
  std::string sale_mode;
  std::optional<int64_t> price_min_fen;
  std::optional<int64_t> price_max_fen;
  SortOrder sort = SortOrder::kRelevance;
  int64_t offset = 0;  // from the cursor
  int limit = 20;
  bool facets = true;
  // Facets count at most this many matches (the first the matcher meets, in index order: the
  // oldest listings); past that the counts are scaled to the estimated total and Facets::exact is
  // false. Counting every match of a common word in a million listings costs more than the search
  // itself (docs/performance.md).
  int facet_sample = 10'000;
  // Sellers whose listings stay in the index but are not shown (suspended by the platform
  // administrator): left out of the matching, so totals, facets and pages leave them out too.
  std::vector<std::string> hidden_organisations;
  std::vector<std::string> hidden_outlets;
};

struct SearchHit {
  ListingDocument listing;
  int rank = 0;
  double weight = 0;
};

struct FacetCount {
  std::string value;
  int64_t count = 0;
};

struct Facets {
  std::vector<FacetCount> category;
  std::vector<FacetCount> region;  // one level below the region filter (provinces without one)
  std::vector<FacetCount> grade;
  std::vector<FacetCount> price_band;  // bands of kPriceBands, in their order
  std::vector<FacetCount> sale_mode;
  bool exact = true;    // every match was counted; false: counted a sample, counts scaled
  int64_t counted = 0;  // matches the counts were taken from
};

struct SearchResult {
  std::vector<SearchHit> hits;
  int64_t estimated_total = 0;
  std::optional<std::string> next_cursor;
  Facets facets;
};

// Price bands for the facet, in fen: [lower, upper). The label is in yuan ("100-500", "10000+").
struct PriceBand {
  std::string_view label;
  int64_t lower_fen;
  int64_t upper_fen;  // exclusive; INT64_MAX for the last
};
std::span<const PriceBand> PriceBands();

class SearchIndex {
 public:
  // Opens (creating if needed) the database in `dir`.
  static Result<std::unique_ptr<SearchIndex>> Open(const std::filesystem::path& dir);
  ~SearchIndex();

  // Writes are buffered until Commit().
  Status Put(const ListingDocument& doc);  // adds or replaces by listing id
  Status Remove(std::string_view listing_id);
  Status SetLastSeq(int64_t seq);
  Status Commit();
  Status Clear();  // removes every document and the last seq, committed

  Result<int64_t> LastSeq();  // the committed value, 0 for a new index
  Result<int64_t> Count();
  Result<SearchResult> Search(const SearchQuery& query);
  // The Xapian query Search() runs for the text (for tests and diagnostics).
  static Xapian::Query ParseText(std::string_view text);

 private:
  explicit SearchIndex(std::filesystem::path dir) : dir_(std::move(dir)) {}
  Result<Xapian::WritableDatabase*> Writer();
  std::unique_ptr<Xapian::Database> TakeReader();
  void ReturnReader(std::unique_ptr<Xapian::Database> reader);

  std::filesystem::path dir_;
  std::mutex write_mutex_;
  std::unique_ptr<Xapian::WritableDatabase> writer_;  // GUARDED_BY(write_mutex_)
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> readers_;  // GUARDED_BY(readers_mutex_)
};

}  // namespace recirc::search
