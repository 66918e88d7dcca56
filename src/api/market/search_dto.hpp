#pragma once
// The public search on the wire (see dto.hpp for the shared shapes).

#include "api/market/dto.hpp"

namespace recirc::api::dto {

// The public search (GET /api/v1/search).
struct SearchHit {
  static constexpr std::string_view kSchemaName = "SearchHit";
  static constexpr std::string_view kDescription =
      "A published listing as indexed for search (the item.offered payload, docs/search.md), "
      "with its rank in the answer.";
  static constexpr FieldSchema kFieldSchemas[] = {{"price_fen", R"js({"minimum": 0})js"}};
  std::string listing_id;
  std::string item_id;
  std::string title_zh;
  std::string title_en;
  std::string description_zh;
  std::string description_en;
  std::string brand;
  std::string model;
  std::string category;
  std::string region_code;
  std::string grade;
  int64_t price_fen = 0;
  std::string sale_mode;
  std::string channel;
  Time published_at;
  int64_t rank = 0;
  // The selling shop (business names) and the first item photo's SHA-256
  // (GET /offers/{listing_id}/photos/{photo}).
  Omitted<std::string> seller_name;
  Omitted<std::string> outlet_name;
  Omitted<std::string> photo;
};
BOOST_DESCRIBE_STRUCT(SearchHit, (),
                      (listing_id, item_id, title_zh, title_en, description_zh, description_en,
                       brand, model, category, region_code, grade, price_fen, sale_mode, channel,
                       published_at, rank, seller_name, outlet_name, photo))

struct SearchFacet {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"name", R"js({"description": "the region's name (region facet only)"})js"}};
  std::string value;
  int64_t count = 0;
  Omitted<std::string> name;
};
BOOST_DESCRIBE_STRUCT(SearchFacet, (), (value, count, name))

struct SearchFacets {
  static constexpr std::string_view kDescription =
      "counts over the whole match when exact is true; over a match of more than 10,000 "
      "listings, counts of the first 10,000 met in index order, scaled to the total and rounded "
      "(exact false). Empty lists when the request said facets=false. region is one level below "
      "the region filter; price_band lists every band in order (yuan: 0-100, 100-500, 500-1000, "
      "1000-3000, 3000-10000, 10000+)";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"exact", R"js({"description": "every match was counted"})js"},
      {"counted", R"js({"description": "how many matches the counts were taken from"})js"}};
  std::vector<SearchFacet> category;
  std::vector<SearchFacet> region;
  std::vector<SearchFacet> grade;
  std::vector<SearchFacet> price_band;
  std::vector<SearchFacet> sale_mode;
  bool exact = true;
  int64_t counted = 0;
};
BOOST_DESCRIBE_STRUCT(SearchFacets, (),
                      (category, region, grade, price_band, sale_mode, exact, counted))

struct SearchResult {
  static constexpr std::string_view kSchemaName = "SearchResult";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"total", R"js({"description": "listings matching the words and filters"})js"}};
  std::vector<SearchHit> items;
  int64_t total = 0;
  SearchFacets facets;
  Omitted<std::string> next_cursor;
};
BOOST_DESCRIBE_STRUCT(SearchResult, (), (items, total, facets, next_cursor))

}  // namespace recirc::api::dto
