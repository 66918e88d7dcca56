// Best offers: a buyer proposes a price below an offer's, the seller answers (accept, decline,
// counter), the buyer takes a counter; a buyer account lists its own. Thin handlers over
// BestOfferService (docs/market.md, "Best offers").
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "core/ids.hpp"
#include "domain/market/paging.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

json::value BestJson(const storage::BestOfferRecord& b) {
  return json::value_from(dto::BestOffer::From(b));
}

Result<http::Response> MakeBestOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::MakeBestOffer>(ctx));
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto best,
             d.best_offers.Make(ctx.Actor(), offer_id, in.buyer_ref.value_or(""), in.amount_fen));
  return http::Json(201, BestJson(best));
}

Result<http::Response> RespondBestOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RespondBestOffer>(ctx));
  RECIRC_TRY(auto id, BestOfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto best, d.best_offers.Respond(ctx.Actor(), id, in.action, in.counter_fen));
  return http::Json(200, BestJson(best));
}

Result<http::Response> AcceptCounter(const MarketServices& d, http::RequestContext& ctx) {
  // The buyer confirms the amount they take (a buyer account gives no buyer_ref).
  RECIRC_TRY(auto in, ReadBody<dto::AcceptCounter>(ctx));
  RECIRC_TRY(auto id, BestOfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto best, d.best_offers.AcceptCounter(ctx.Actor(), id, in.buyer_ref.value_or(""),
                                                    in.counter_fen));
  return http::Json(200, BestJson(best));
}

Result<http::Response> GetBestOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, BestOfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto best, d.best_offers.Get(ctx.Actor(), id));
  return http::Json(200, BestJson(best));
}

Result<http::Response> OfferBestOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto list, d.best_offers.OfOffer(ctx.Actor(), offer_id));
  dto::List<dto::BestOffer> out;
  for (const auto& b : list) out.items.push_back(dto::BestOffer::From(b));
  return http::Json(200, json::value_from(out));
}

// GET /api/v1/best-offers/mine?cursor=&limit=: the caller's own best offers, newest first.
Result<http::Response> MyBestOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, CursorPageFromQuery(ctx, market::kBuyerPageDefault, market::kBuyerPageMax));
  RECIRC_TRY(auto mine, d.best_offers.Mine(ctx.Actor(), page));
  dto::CursorPage<dto::MyBestOffer> out{{}, mine.next_cursor};
  for (const auto& r : mine.items) out.items.push_back(dto::MyBestOffer::From(r));
  return http::Json(200, json::value_from(out));
}

}  // namespace

void AddBestOfferRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = &api.services;
  auto add = [&](Verb v, const char* pattern, P p, MarketHandler fn, size_t limit) {
    AddServiceRoute(routes, *d, v, pattern, p, fn, limit);
  };
  add(Verb::post, "/api/v1/offers/{id}/best-offers", P::kMarketBuy, MakeBestOffer, kSmallBody);
  add(Verb::get, "/api/v1/offers/{id}/best-offers", P::kMarketManage, OfferBestOffers, 0);
  add(Verb::get, "/api/v1/best-offers/mine", P::kMarketBuy, MyBestOffers, 0);
  add(Verb::get, "/api/v1/best-offers/{id}", P::kAuthenticated, GetBestOffer, 0);
  add(Verb::post, "/api/v1/best-offers/{id}/respond", P::kMarketManage, RespondBestOffer,
      kSmallBody);
  add(Verb::post, "/api/v1/best-offers/{id}/accept-counter", P::kMarketBuy, AcceptCounter,
      kSmallBody);

  using http::Describe;
  using http::Document;
  const char* tag = "market";
  Describe(routes, Verb::post, "/api/v1/offers/{id}/best-offers",
           Document<dto::MakeBestOffer, dto::BestOffer>(
               "Make a best offer (auto-accepted or auto-declined by the thresholds; expires after "
               "48 hours)",
               tag, 201)
               .Ok("Created")
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::get, "/api/v1/offers/{id}/best-offers",
           Document<void, dto::List<dto::BestOffer>>(
               "The best offers made on one of the organisation's offers (in id order), each with "
               "its effective status (expired when 48 hours passed unanswered)",
               tag)
               .Fails(404, "not found (or an offer of another organisation)"));
  Describe(routes, Verb::get, "/api/v1/best-offers/mine",
           Document<void, dto::CursorPage<dto::MyBestOffer>>(
               "The caller's own best offers (a buyer account's; staff, who make them for a "
               "buyer_ref, have none here), newest first, each with its effective status and its "
               "offer's title and price",
               tag)
               .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
               .Query("limit",
                      R"js({"type": "integer", "minimum": 1, "maximum": 100, "default": 20})js"));
  Describe(routes, Verb::get, "/api/v1/best-offers/{id}",
           Document<void, dto::BestOffer>("A best offer with its effective status", tag));
  Describe(routes, Verb::post, "/api/v1/best-offers/{id}/respond",
           Document<dto::RespondBestOffer, dto::BestOffer>(
               "The seller accepts, declines or counters", tag)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/best-offers/{id}/accept-counter",
           Document<dto::AcceptCounter, dto::BestOffer>(
               "The buyer accepts the seller's counter-offer", tag)
               .Fails(422)
               .Fails(409));
}

}  // namespace recirc::api
