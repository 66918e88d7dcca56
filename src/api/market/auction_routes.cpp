// Auctions (sale_mode english_auction): bids, Buy-It-Now, a typing-error retraction and the
// auction's state. Thin handlers over AuctionService (domain/market/auction_service.hpp); the
// offer itself is created with POST /api/v1/offers (sale_mode english_auction, auction terms).
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/auction_dto.hpp"
#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "core/ids.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

json::value StateJson(const market::AuctionView& v) {
  return json::value_from(dto::AuctionState::From(v));
}

Result<http::Response> PlaceBid(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::PlaceBid>(ctx));
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view,
             d.auctions.Bid(ctx.Actor(), offer_id, in.buyer_ref.value_or(""), in.max_fen));
  return http::Json(201, StateJson(view));
}

Result<http::Response> BuyItNow(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::BuyItNow>(ctx));
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view,
             d.auctions.BuyItNow(ctx.Actor(), offer_id, in.buyer_ref.value_or(""), in.amount_fen));
  return http::Json(201, StateJson(view));
}

Result<http::Response> RetractBid(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RetractBid>(ctx));
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view, d.auctions.Retract(ctx.Actor(), offer_id, in.buyer_ref.value_or(""), in.seq,
                                           in.reason));
  return http::Json(200, StateJson(view));
}

// GET /api/v1/offers/{id}/auction?buyer_ref=: counter staff ask for their buyer.
Result<http::Response> GetAuction(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto offer_id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view,
             d.auctions.State(ctx.principal, offer_id, ctx.Query("buyer_ref").value_or("")));
  return http::Json(200, StateJson(view));
}

}  // namespace

void AddAuctionRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = &api.services;
  auto add = [&](Verb v, const char* pattern, P p, MarketHandler fn, size_t limit) {
    AddServiceRoute(routes, *d, v, pattern, p, fn, limit);
  };
  add(Verb::post, "/api/v1/offers/{id}/bids", P::kMarketBuy, PlaceBid, kSmallBody);
  add(Verb::post, "/api/v1/offers/{id}/bids/retract", P::kMarketBuy, RetractBid, kSmallBody);
  add(Verb::post, "/api/v1/offers/{id}/buy-it-now", P::kMarketBuy, BuyItNow, kSmallBody);
  add(Verb::get, "/api/v1/offers/{id}/auction", P::kPublic, GetAuction, 0);

  using http::Describe;
  using http::Document;
  const char* tag = "market";
  Describe(routes, Verb::post, "/api/v1/offers/{id}/bids",
           Document<dto::PlaceBid, dto::AuctionState>(
               "Bid on an auction with a maximum (proxy bidding); the bid is stored before the "
               "answer. The answer never names other bidders or their maxima",
               tag, 201));
  Describe(routes, Verb::post, "/api/v1/offers/{id}/bids/retract",
           Document<dto::RetractBid, dto::AuctionState>(
               "Retract one's own standing bid, only for a typing error (recorded)", tag));
  Describe(routes, Verb::post, "/api/v1/offers/{id}/buy-it-now",
           Document<dto::BuyItNow, dto::AuctionState>(
               "Buy at the Buy-It-Now price before the first bid: the auction ends and the "
               "caller's order is placed",
               tag, 201));
  Describe(routes, Verb::get, "/api/v1/offers/{id}/auction",
           Document<void, dto::AuctionState>(
               "An auction's state: price, bid count, end (with extensions), whether the reserve "
               "is met, and whether the caller is winning",
               tag));
}

}  // namespace recirc::api
