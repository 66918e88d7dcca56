// Best offers: a buyer proposes a price below an offer's, the seller answers (accept, decline,
// counter), the buyer takes a counter; a buyer account lists its own. Thin handlers over
// BestOfferService (docs/market.md, "Best offers").
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/routes.hpp"
#include "core/clock.hpp"
#include "domain/market/paging.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

std::string Time(int64_t ms) { return FormatRfc3339(FromUnixMillis(ms)); }
json::value OptInt(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }

json::object BestJson(const storage::BestOfferRecord& b) {
  return {{"id", b.id},
          {"offer_id", b.offer_id},
          {"buyer_ref", b.buyer_ref},
          {"amount_fen", b.amount_fen},
          {"counter_fen", OptInt(b.counter_fen)},
          {"status", ToString(b.status)},
          {"expires_at", Time(b.expires_at)},
          {"created_at", Time(b.created_at)}};
}

// A buyer's own best offer in their list: the offer's title and price beside it.
json::object MineJson(const storage::BuyerBestOfferRecord& r) {
  json::object o = BestJson(r.best);
  o["offer_title"] = r.offer_title;
  o["offer_price_fen"] = r.offer_price_fen;
  return o;
}

std::string Id(const http::RequestContext& ctx) { return std::string(ctx.Param("id")); }

Result<http::Response> MakeBestOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"buyer_ref", "amount_fen"}));
  RECIRC_TRY(auto given_ref, f.OptionalString("buyer_ref"));
  const std::string buyer_ref = given_ref.value_or("");
  RECIRC_TRY(int64_t amount, f.Fen("amount_fen"));
  RECIRC_TRY(auto best, d.best_offers.Make(ctx.Actor(), Id(ctx), buyer_ref, amount));
  return http::Json(201, BestJson(best));
}

Result<http::Response> RespondBestOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"action", "counter_fen"}));
  RECIRC_TRY(std::string action, f.String("action"));
  RECIRC_TRY(auto counter, f.OptionalFen("counter_fen"));
  RECIRC_TRY(auto best, d.best_offers.Respond(ctx.Actor(), Id(ctx), action, counter));
  return http::Json(200, BestJson(best));
}

Result<http::Response> AcceptCounter(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"buyer_ref", "counter_fen"}));
  RECIRC_TRY(auto given_ref, f.OptionalString("buyer_ref"));
  const std::string buyer_ref = given_ref.value_or("");
  // The buyer confirms the amount they take (a buyer account gives no buyer_ref).
  RECIRC_TRY(int64_t counter, f.Fen("counter_fen"));
  RECIRC_TRY(auto best, d.best_offers.AcceptCounter(ctx.Actor(), Id(ctx), buyer_ref, counter));
  return http::Json(200, BestJson(best));
}

Result<http::Response> GetBestOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto best, d.best_offers.Get(ctx.Actor(), Id(ctx)));
  return http::Json(200, BestJson(best));
}

Result<http::Response> OfferBestOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto list, d.best_offers.OfOffer(ctx.Actor(), Id(ctx)));
  json::array items;
  for (const auto& b : list) items.push_back(BestJson(b));
  return http::Json(200, json::object{{"items", std::move(items)}});
}

// GET /api/v1/best-offers/mine?cursor=&limit=: the caller's own best offers, newest first.
Result<http::Response> MyBestOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, CursorPageFromQuery(ctx, market::kBuyerPageDefault, market::kBuyerPageMax));
  RECIRC_TRY(auto mine, d.best_offers.Mine(ctx.Actor(), page));
  json::array items;
  for (const auto& r : mine.items) items.push_back(MineJson(r));
  json::object out{{"items", std::move(items)}};
  out["next_cursor"] = mine.next_cursor ? json::value(*mine.next_cursor) : nullptr;
  return http::Json(200, out);
}

}  // namespace

void AddBestOfferRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = &api.services;
  auto bind = [d](Result<http::Response> (*fn)(const MarketServices&, http::RequestContext&)) {
    return [d, fn](http::RequestContext& c) { return fn(*d, c); };
  };
  constexpr size_t kSmall = size_t{8} * 1024;
  auto add = [&](Verb v, const char* pattern, P p, auto fn, size_t limit) {
    routes.push_back({v, pattern, p, bind(fn), limit});
  };
  add(Verb::post, "/api/v1/offers/{id}/best-offers", P::kMarketBuy, MakeBestOffer, kSmall);
  add(Verb::get, "/api/v1/offers/{id}/best-offers", P::kMarketManage, OfferBestOffers, 0);
  add(Verb::get, "/api/v1/best-offers/mine", P::kMarketBuy, MyBestOffers, 0);
  add(Verb::get, "/api/v1/best-offers/{id}", P::kAuthenticated, GetBestOffer, 0);
  add(Verb::post, "/api/v1/best-offers/{id}/respond", P::kMarketManage, RespondBestOffer, kSmall);
  add(Verb::post, "/api/v1/best-offers/{id}/accept-counter", P::kMarketBuy, AcceptCounter, kSmall);
}

}  // namespace recirc::api
