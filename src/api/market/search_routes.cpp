// The public market search: GET /api/v1/search?q=&category=&region=&grade=&sale_mode=
// &price_min=&price_max=&sort=&cursor=&limit= (no account needed; listings hold nothing personal).
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "api/market/search_dto.hpp"
#include "core/money.hpp"
#include "http/openapi_schema.hpp"
#include "search/search_index.hpp"

namespace recirc::api {
namespace {

// The search form sends its empty fields as "name="; they mean no filter.
Result<std::optional<int64_t>> Whole(const http::RequestContext& ctx, const std::string& name,
                                     int64_t max) {
  auto text = ctx.Query(name);
  if (text && text->empty()) return std::optional<int64_t>();
  return WholeQuery(ctx, name, 0, max);
}

Result<search::SearchQuery> QueryFrom(const http::RequestContext& ctx,
                                      const core::RegionTable& regions) {
  search::SearchQuery q;
  q.text = ctx.Query("q").value_or("");
  if (q.text.size() > 200) return Error::InvalidArgument("q", "q is at most 200 bytes");
  q.category = ctx.Query("category").value_or("");
  if (q.category.size() > 40) return Error::InvalidArgument("category", "category is too long");
  q.region = ctx.Query("region").value_or("");
  if (!q.region.empty()) RECIRC_CHECK(core::ValidateRegionCode(regions, q.region, "region"));
  q.grade = ctx.Query("grade").value_or("");
  if (q.grade.size() > 40) return Error::InvalidArgument("grade", "grade is too long");
  q.sale_mode = ctx.Query("sale_mode").value_or("");
  if (!q.sale_mode.empty() && !search::IsSaleMode(q.sale_mode)) {
    return Error::InvalidArgument(
        "sale_mode", "sale_mode must be fixed_price, auction, rental, consignment or lot");
  }
  RECIRC_TRY(q.price_min_fen, Whole(ctx, "price_min", kMaxFen));
  RECIRC_TRY(q.price_max_fen, Whole(ctx, "price_max", kMaxFen));
  if (q.price_min_fen && q.price_max_fen && *q.price_min_fen > *q.price_max_fen) {
    return Error::InvalidArgument("price_max", "price_max is below price_min");
  }
  RECIRC_TRY(q.sort, search::ParseSortOrder(ctx.Query("sort").value_or("")));
  RECIRC_TRY(auto cursor, Whole(ctx, "cursor", 10'000));
  q.offset = cursor.value_or(0);
  RECIRC_TRY(auto limit, Whole(ctx, "limit", 100));
  if (limit && *limit < 1) return Error::InvalidArgument("limit", "limit is from 1 to 100");
  q.limit = static_cast<int>(limit.value_or(20));
  // A client paging or re-sorting the same words and filters keeps the facets it has.
  const auto facets = ctx.Query("facets").value_or("true");
  if (facets != "true" && facets != "false") {
    return Error::InvalidArgument("facets", "facets is true or false");
  }
  q.facets = facets == "true";
  return q;
}

std::vector<dto::SearchFacet> Facets(const std::vector<search::FacetCount>& counts,
                                     const core::RegionTable* regions) {
  std::vector<dto::SearchFacet> out;
  for (const auto& c : counts) {
    dto::SearchFacet f{c.value, c.count, {}};
    if (regions)
      if (const auto* r = regions->Find(c.value)) f.name = r->name;
    out.push_back(std::move(f));
  }
  return out;
}

dto::SearchHit Hit(const search::ListingDocument& d, int64_t rank, const market::OfferCard* card) {
  dto::SearchHit hit{d.listing_id,
                     d.item_id,
                     d.title_zh,
                     d.title_en,
                     d.description_zh,
                     d.description_en,
                     d.brand,
                     d.model,
                     d.category,
                     d.region_code,
                     d.grade,
                     d.price_fen,
                     d.sale_mode,
                     d.channel,
                     dto::Time{d.published_at},
                     rank,
                     {},
                     {},
                     {}};
  if (card) {
    if (!card->seller_name.empty()) hit.seller_name = card->seller_name;
    if (card->outlet_name) hit.outlet_name = *card->outlet_name;
    if (card->photo_sha256) hit.photo = *card->photo_sha256;
  }
  return hit;
}

Result<http::Response> Search(search::SearchIndex& index, market::OfferService& offers,
                              market::OfferPhotoService& photos, const core::RegionTable& regions,
                              http::RequestContext& ctx) {
  RECIRC_TRY(auto query, QueryFrom(ctx, regions));
  // A suspended seller's listings stay in the index (they return on reactivation) but are left
  // out of the matching, so the total, the facets and the pages leave them out too.
  RECIRC_TRY(auto suspended, offers.SuspendedSellers());
  query.hidden_organisations = suspended.organisations;
  query.hidden_outlets = suspended.outlets;
  RECIRC_TRY(auto result, index.Search(query));
  std::vector<std::string> ids;
  std::vector<std::string> unattributed;  // indexed before listings carried their seller
  for (const auto& h : result.hits) {
    ids.push_back(h.listing.listing_id);
    if (h.listing.organisation_id.empty()) unattributed.push_back(h.listing.listing_id);
  }
  RECIRC_TRY(auto hidden, offers.SuspendedListings(unattributed, suspended));
  RECIRC_TRY(auto cards, photos.Cards(ids));
  dto::SearchResult out;
  for (const auto& h : result.hits) {
    if (hidden.contains(h.listing.listing_id)) continue;
    auto card = cards.find(h.listing.listing_id);
    out.items.push_back(Hit(h.listing, h.rank, card == cards.end() ? nullptr : &card->second));
  }
  out.total = result.estimated_total;
  out.facets = {Facets(result.facets.category, nullptr),
                Facets(result.facets.region, &regions),
                Facets(result.facets.grade, nullptr),
                Facets(result.facets.price_band, nullptr),
                Facets(result.facets.sale_mode, nullptr),
                result.facets.exact,
                result.facets.counted};
  if (result.next_cursor) out.next_cursor = *result.next_cursor;
  return http::Json(200, boost::json::value_from(out));
}

}  // namespace

void AddSearchRoutes(std::vector<http::Route>& routes, const MarketApi& d) {
  search::SearchIndex* index = &d.search;
  const core::RegionTable* regions = &d.regions;
  market::OfferService* offers = &d.services.offers;
  market::OfferPhotoService* photos = &d.offer_photos;
  routes.push_back({http::Verb::get, "/api/v1/search", identity::Permission::kPublic,
                    [index, offers, photos, regions](http::RequestContext& c) {
                      return Search(*index, *offers, *photos, *regions, c);
                    },
                    0, http::Execution::kBlocking});
  http::Describe(
      routes, http::Verb::get, "/api/v1/search",
      http::Document<void, dto::SearchResult>(
          "Search published listings (Chinese and English), with filters, facets and "
          "sorting",
          "market")
          .Query("q", R"js({"type": "string", "maxLength": 200})js",
                 "the buyer's words, e.g. `华为 手机`, `iPhone 13`; empty browses")
          .Query("category", R"js({"type": "string"})js",
                 "a category code: phone, tablet, laptop, furniture, bicycle, luxury_bag, ...")
          .Query("region", R"js({"type": "string", "pattern": "^[0-9]{6}$"})js",
                 "a GB/T 2260 code; a province or city code includes everything below it")
          .Query("grade", R"js({"type": "string"})js",
                 "the listing's grade, e.g. A/B (functional/cosmetic) or a category grade")
          .Query(
              "sale_mode",
              R"js({"type": "string", "enum": ["fixed_price", "auction", "rental", "consignment", "lot"]})js",
              "fixed_price, auction, rental, consignment or lot")
          .Query("price_min", R"js({"type": "integer", "minimum": 0})js", "lowest price in fen")
          .Query("price_max", R"js({"type": "integer", "minimum": 0})js", "highest price in fen")
          .Query(
              "sort",
              R"js({"type": "string", "enum": ["relevance", "price_asc", "price_desc", "newest"]})js",
              "relevance (default; newest first without words), price_asc, price_desc, newest")
          .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
          .Query("limit", R"js({"type": "integer", "minimum": 1, "maximum": 100})js",
                 "hits per page (default 20)")
          .Query("facets", R"js({"type": "string", "enum": ["true", "false"]})js",
                 "false leaves the facet lists empty: a client paging or re-sorting the same words "
                 "and filters keeps the facets it has (default true)")
          .Details("Each whitespace-separated word must match (Chinese words match by character "
                   "n-grams, so 手机 finds 苹果手机). No account needed; listings hold nothing "
                   "personal."));
}

}  // namespace recirc::api
