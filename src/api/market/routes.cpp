// The marketplace: offers, prohibited-listing blocks and appeals, orders and
// after-sales (best offers: best_offer_routes.cpp). Thin handlers over the market services; every
// POST names a required field.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/after_sales_dto.hpp"
#include "api/market/after_sales_json.hpp"
#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "core/clock.hpp"
#include "domain/market/paging.hpp"
#include "http/json_fields.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

// The best-offer thresholds reach only the seller's organisation: OfferService clears them for
// everybody else.
json::object OfferJson(const storage::OfferRecord& o) {
  return json::value_from(dto::Offer::From(o)).as_object();
}

json::object BlockJson(const storage::ListingBlockRecord& b) {
  return json::value_from(dto::ListingBlock::From(b)).as_object();
}

json::object OrderJson(const storage::OrderRecord& o) {
  return json::value_from(dto::Order::From(o)).as_object();
}

// Offers.

Result<http::Response> CreateOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewOffer>(ctx));
  if (in.sale_mode == "english_auction") {
    if (!in.auction) {
      return Error::InvalidArgument("auction", "an english_auction offer gives its auction terms");
    }
    RECIRC_TRY(auto terms, in.auction->ToDomain(in.price_fen));
    RECIRC_TRY(auto offer, d.auctions.Create(ctx.Actor(), in.ToDomain(), terms));
    return http::Json(201, OfferJson(offer));
  }
  if (in.auction) {
    return Error::InvalidArgument("auction", "auction terms are for sale_mode english_auction");
  }
  RECIRC_TRY(auto offer, d.offers.Create(ctx.Actor(), in.ToDomain()));
  return http::Json(201, OfferJson(offer));
}

Result<http::Response> PublishOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::PublishOffer>(ctx));
  RECIRC_TRY(auto id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto result, d.offers.Publish(ctx.Actor(), id, in.disclosure_version));
  return http::Json(200, json::value_from(dto::PublishResult::From(result)));
}

Result<http::Response> WithdrawOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::WithdrawOffer>(ctx));
  RECIRC_TRY(auto id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto offer, d.offers.Withdraw(ctx.Actor(), id, in.reason));
  return http::Json(200, OfferJson(offer));
}

// A public offer names its seller and outlet (OfferPhotoService::Cards).
Result<http::Response> GetOffer(const MarketServices& d, market::OfferPhotoService& photos,
                                http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OfferId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto offer, d.offers.Get(ctx.principal, id));
  auto out = dto::Offer::From(offer);
  RECIRC_TRY(auto cards, photos.Cards({offer.id}));
  if (auto card = cards.find(offer.id); card != cards.end()) {
    if (!card->second.seller_name.empty()) out.seller_name = card->second.seller_name;
    if (card->second.outlet_name) out.outlet_name = *card->second.outlet_name;
  }
  return http::Json(200, json::value_from(out));
}

Result<http::Response> ItemOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto item_id, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto offers, d.offers.OfItem(ctx.principal, item_id));
  dto::List<dto::Offer> out;
  for (const auto& o : offers) out.items.push_back(dto::Offer::From(o));
  return http::Json(200, json::value_from(out));
}

// GET /api/v1/offers?cursor=&limit=: the organisation's offers, newest first.
Result<http::Response> OwnOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page,
             CursorPageFromQuery(ctx, market::kOperatorPageDefault, market::kOperatorPageMax));
  RECIRC_TRY(auto offers, d.offers.OfOrganisation(ctx.Actor(), page));
  dto::CursorPage<dto::Offer> out{{}, offers.next_cursor};
  for (const auto& o : offers.items) out.items.push_back(dto::Offer::From(o));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> ProhibitedRules(const MarketServices& d, http::RequestContext&) {
  return http::Json(200, json::value_from(dto::ProhibitedRules::From(d.rules)));
}

// The providers this server offers: the web's checkout shows the simulated one (labelled
// 模拟支付 / SIMULATED) only when it is here.
Result<http::Response> ListPaymentProviders(const MarketServices& d, http::RequestContext&) {
  dto::PaymentProviderList out;
  for (const auto* p : d.payments.Offered())
    out.items.push_back({std::string(p->Name()), p->Simulated()});
  return http::Json(200, json::value_from(out));
}

// Listing blocks.

Result<http::Response> ListBlocks(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto blocks, d.blocks.List(ctx.Actor(), ctx.Query("status")));
  dto::List<dto::ListingBlock> out;
  for (const auto& b : blocks) out.items.push_back(dto::ListingBlock::From(b));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> GetBlock(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ListingBlockId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto block, d.blocks.Get(ctx.Actor(), id));
  return http::Json(200, BlockJson(block));
}

Result<http::Response> AppealBlock(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::AppealBlock>(ctx));
  RECIRC_TRY(auto id, ListingBlockId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto block, d.blocks.Appeal(ctx.Actor(), id, in.statement));
  return http::Json(200, BlockJson(block));
}

Result<http::Response> DecideBlock(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::DecideBlock>(ctx));
  RECIRC_TRY(auto id, ListingBlockId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto block, d.blocks.Decide(ctx.Actor(), id, in.decision, in.note));
  return http::Json(200, BlockJson(block));
}

// Orders.

Result<http::Response> PlaceOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::PlaceOrder>(ctx));
  market::OrderInput in;
  RECIRC_TRY(in.offer_id, OfferId::Parse(body.offer_id, "offer_id"));
  in.buyer_ref = body.buyer_ref;
  in.provider = body.provider;
  in.accepted_disclosure_version = body.accepted_disclosure_version;
  if (body.best_offer_id) {
    RECIRC_TRY(in.best_offer_id, BestOfferId::Parse(*body.best_offer_id, "best_offer_id"));
  }
  if (body.delivery) in.delivery = body.delivery->ToDomain();
  RECIRC_TRY(auto order, d.orders.Place(ctx.Actor(), in));
  return http::Json(201, OrderJson(order));
}

Result<http::Response> GetOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order, d.orders.Get(ctx.Actor(), id));
  RECIRC_TRY(auto delivery, d.orders.DeliveryOf(ctx.Actor(), id));
  auto out = dto::Order::From(order);
  if (delivery) out.delivery = dto::Delivery::From(*delivery);
  return http::Json(200, json::value_from(out));
}

// GET /api/v1/orders?cursor=&limit=: the organisation's orders, newest first.
Result<http::Response> OwnOrders(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page,
             CursorPageFromQuery(ctx, market::kOperatorPageDefault, market::kOperatorPageMax));
  RECIRC_TRY(auto orders, d.orders.OfOrganisation(ctx.Actor(), page));
  dto::CursorPage<dto::Order> out{{}, orders.next_cursor};
  for (const auto& o : orders.items) out.items.push_back(dto::Order::From(o));
  return http::Json(200, json::value_from(out));
}

// GET /api/v1/orders/mine?cursor=&limit=: the orders the caller placed, newest first, each with
// what was bought (title, seller, first photo).
Result<http::Response> MyOrders(const MarketServices& d, market::OfferPhotoService& photos,
                                http::RequestContext& ctx) {
  RECIRC_TRY(auto page, CursorPageFromQuery(ctx, market::kBuyerPageDefault, market::kBuyerPageMax));
  RECIRC_TRY(auto mine, d.orders.Mine(ctx.Actor(), page));
  std::vector<std::string> offer_ids;
  for (const auto& o : mine.items) offer_ids.push_back(o.offer_id);
  RECIRC_TRY(auto cards, photos.Cards(offer_ids));
  dto::CursorPage<dto::Order> out{{}, mine.next_cursor};
  for (const auto& o : mine.items) {
    auto order = dto::Order::From(o);
    if (auto card = cards.find(o.offer_id); card != cards.end()) {
      order.title = card->second.title;
      if (!card->second.seller_name.empty()) order.seller_name = card->second.seller_name;
      if (card->second.photo_sha256) order.photo = *card->second.photo_sha256;
    }
    out.items.push_back(std::move(order));
  }
  return http::Json(200, json::value_from(out));
}

Result<http::Response> PayOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::PayOrder>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order,
             d.orders.Pay(ctx.Actor(), id, Money::Fen(in.amount_fen), in.receipt_number));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> DispatchOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::DispatchOrder>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order, d.orders.Dispatch(ctx.Actor(), id, in.ToDomain()));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> ReceiveOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::ReceiveOrder>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order, d.orders.Receive(ctx.Actor(), id, in.condition));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> SettleOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::SettleOrder>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order, d.orders.Settle(ctx.Actor(), id, Money::Fen(in.amount_fen)));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> CancelOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::CancelOrder>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order, d.orders.Cancel(ctx.Actor(), id, in.reason));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> RefundOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RefundOrder>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto order, d.orders.Refund(ctx.Actor(), id, Money::Fen(in.amount_fen)));
  return http::Json(200, OrderJson(order));
}

// After-sales.

Result<http::Response> RequestReturn(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RequestReturn>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto r, d.after_sales.RequestReturn(ctx.Actor(), id, in.ToDomain()));
  return http::Json(201, AfterSaleJson(r));
}

Result<http::Response> AcceptReturn(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::AcceptReturn>(ctx));
  RECIRC_TRY(auto id, AfterSaleId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto r, d.after_sales.AcceptReturn(ctx.Actor(), id, Money::Fen(in.refund_fen),
                                                in.override_flag));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> ClaimWarranty(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::ClaimWarranty>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto r, d.after_sales.ClaimWarranty(ctx.Actor(), id, in.fault));
  return http::Json(201, AfterSaleJson(r));
}

Result<http::Response> OpenDispute(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::OpenDispute>(ctx));
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto report, InspectionReportId::Parse(in.report_id, "report_id"));
  RECIRC_TRY(auto r, d.after_sales.OpenDispute(ctx.Actor(), id, report, in.claim));
  return http::Json(201, AfterSaleJson(r));
}

Result<http::Response> SettleDispute(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::SettleDispute>(ctx));
  RECIRC_TRY(auto id, AfterSaleId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto report,
             InspectionReportId::Parse(in.reinspection_report_id, "reinspection_report_id"));
  RECIRC_TRY(auto r, d.after_sales.SettleDispute(ctx.Actor(), id, report, in.outcome));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> OrderAfterSales(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, OrderId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto list, d.after_sales.OfOrder(ctx.Actor(), id));
  dto::AfterSaleList out;
  for (const auto& a : list) out.items.push_back(dto::AfterSale::From(a));
  return http::Json(200, json::value_from(out));
}

}  // namespace

void AddServiceRoute(std::vector<http::Route>& routes, const market::MarketServices& services,
                     http::Verb verb, const char* pattern, identity::Permission permission,
                     MarketHandler fn, size_t body_limit) {
  const market::MarketServices* d = &services;
  routes.push_back({verb, pattern, permission,
                    [d, fn](http::RequestContext& c) { return fn(*d, c); }, body_limit});
}

void AddMarketRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = &api.services;
  constexpr size_t kMedium = size_t{32} * 1024;
  auto add = [&](Verb v, const char* pattern, P p, MarketHandler fn, size_t limit) {
    AddServiceRoute(routes, *d, v, pattern, p, fn, limit);
  };
  add(Verb::get, "/api/v1/market/prohibited-rules", P::kPublic, ProhibitedRules, 0);
  add(Verb::get, "/api/v1/market/payment-providers", P::kPublic, ListPaymentProviders, 0);
  add(Verb::post, "/api/v1/offers", P::kMarketManage, CreateOffer, kMedium);
  add(Verb::get, "/api/v1/offers", P::kMarketManage, OwnOffers, 0);
  market::OfferPhotoService* photos = &api.offer_photos;
  routes.push_back({Verb::get, "/api/v1/offers/{id}", P::kPublic,
                    [d, photos](http::RequestContext& c) { return GetOffer(*d, *photos, c); }, 0});
  add(Verb::post, "/api/v1/offers/{id}/publish", P::kMarketManage, PublishOffer, kSmallBody);
  add(Verb::post, "/api/v1/offers/{id}/withdraw", P::kMarketManage, WithdrawOffer, kSmallBody);
  add(Verb::get, "/api/v1/items/{id}/offers", P::kPublic, ItemOffers, 0);
  add(Verb::get, "/api/v1/listing-blocks", P::kMarketManage, ListBlocks, 0);
  add(Verb::get, "/api/v1/supervision/listing-blocks", P::kSupervisionRead, ListBlocks, 0);
  add(Verb::get, "/api/v1/listing-blocks/{id}", P::kAuthenticated, GetBlock, 0);
  add(Verb::post, "/api/v1/listing-blocks/{id}/appeal", P::kMarketManage, AppealBlock, kSmallBody);
  add(Verb::post, "/api/v1/listing-blocks/{id}/decision", P::kSupervisionAct, DecideBlock,
      kSmallBody);
  add(Verb::post, "/api/v1/orders", P::kMarketBuy, PlaceOrder, kSmallBody);
  add(Verb::get, "/api/v1/orders", P::kMarketManage, OwnOrders, 0);
  routes.push_back({Verb::get, "/api/v1/orders/mine", P::kMarketBuy,
                    [d, photos](http::RequestContext& c) { return MyOrders(*d, *photos, c); }, 0});
  add(Verb::get, "/api/v1/orders/{id}", P::kAuthenticated, GetOrder, 0);
  add(Verb::post, "/api/v1/orders/{id}/pay", P::kMarketBuy, PayOrder, kSmallBody);
  add(Verb::post, "/api/v1/orders/{id}/dispatch", P::kMarketManage, DispatchOrder, kMedium);
  add(Verb::post, "/api/v1/orders/{id}/receive", P::kMarketBuy, ReceiveOrder, kSmallBody);
  add(Verb::post, "/api/v1/orders/{id}/settle", P::kMarketManage, SettleOrder, kSmallBody);
  add(Verb::post, "/api/v1/orders/{id}/cancel", P::kAuthenticated, CancelOrder, kSmallBody);
  add(Verb::post, "/api/v1/orders/{id}/refunds", P::kMarketManage, RefundOrder, kSmallBody);
  add(Verb::post, "/api/v1/orders/{id}/returns", P::kMarketBuy, RequestReturn, kMedium);
  add(Verb::post, "/api/v1/orders/{id}/warranty-claims", P::kMarketBuy, ClaimWarranty, kSmallBody);
  add(Verb::post, "/api/v1/orders/{id}/disputes", P::kMarketBuy, OpenDispute, kSmallBody);
  add(Verb::get, "/api/v1/orders/{id}/after-sales", P::kAuthenticated, OrderAfterSales, 0);
  add(Verb::post, "/api/v1/returns/{id}/accept", P::kMarketManage, AcceptReturn, kSmallBody);
  add(Verb::post, "/api/v1/disputes/{id}/settle", P::kMarketManage, SettleDispute, kSmallBody);
  // Bodies and answers described by DTOs (api/market/dto.hpp).
  using http::Describe;
  using http::Document;
  Describe(
      routes, Verb::get, "/api/v1/market/prohibited-rules",
      Document<void, dto::ProhibitedRules>(
          "The prohibited-goods rules (data/market), categories, keywords and signals", "market"));
  Describe(routes, Verb::get, "/api/v1/market/payment-providers",
           Document<void, dto::PaymentProviderList>(
               "The payment providers this server offers (simulated only in the demo and where "
               "the config enables it)",
               "market"));
  Describe(
      routes, Verb::post, "/api/v1/offers",
      Document<dto::NewOffer, dto::Offer>("Create an offer (draft) with its terms", "market", 201)
          .Ok("Created")
          .Fails(422)
          .Fails(409));
  Describe(routes, Verb::post, "/api/v1/offers/{id}/publish",
           Document<dto::PublishOffer, dto::PublishResult>(
               "Publish: no hold, current disclosure version, sanitization, warranty; the "
               "prohibited-goods rules may block it",
               "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::get, "/api/v1/offers/{id}",
           Document<void, dto::Offer>("An offer (published, reserved and sold ones are public)",
                                      "market", 200));
  Describe(routes, Verb::post, "/api/v1/offers/{id}/withdraw",
           Document<dto::WithdrawOffer, dto::Offer>("Withdraw an offer", "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::get, "/api/v1/listing-blocks/{id}",
           Document<void, dto::ListingBlock>("One listing block", "market", 200));
  Describe(routes, Verb::post, "/api/v1/listing-blocks/{id}/appeal",
           Document<dto::AppealBlock, dto::ListingBlock>("Appeal a block with a statement",
                                                         "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/listing-blocks/{id}/decision",
           Document<dto::DecideBlock, dto::ListingBlock>(
               "Market supervision upholds or lifts an appealed block", "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders",
           Document<dto::PlaceOrder, dto::Order>(
               "Place an order; the buyer's acceptance of the current disclosure version is "
               "recorded; one live order per offer (409 offer_taken). A buyer account's order is "
               "its own (buyer_user_id); staff name the buyer with buyer_ref.",
               "market", 201)
               .Ok("Created")
               .Fails(422)
               .Fails(409));
  Describe(
      routes, Verb::get, "/api/v1/orders/{id}",
      Document<void, dto::Order>("An order (its seller or the user who placed it)", "market", 200));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/pay",
           Document<dto::PayOrder, dto::Order>("Pay into escrow; amount_fen confirms the price",
                                               "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/dispatch",
           Document<dto::DispatchOrder, dto::Order>(
               "Hand over or ship, recording serials and photos (sha256 references)", "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/receive",
           Document<dto::ReceiveOrder, dto::Order>(
               "The buyer received it; the inspection window starts", "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(
      routes, Verb::post, "/api/v1/orders/{id}/settle",
      Document<dto::SettleOrder, dto::Order>(
          "Release the held money after the inspection and return windows; amount_fen confirms it",
          "market", 200)
          .Fails(422)
          .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/cancel",
           Document<dto::CancelOrder, dto::Order>(
               "Cancel a placed order, or a paid one with a full refund", "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/refunds",
           Document<dto::RefundOrder, dto::Order>(
               "Refund part or all of the payment (never more than paid)", "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::get, "/api/v1/offers",
           Document<void, dto::CursorPage<dto::Offer>>(
               "Your organisation's offers, newest first, a page at a time (next_cursor is the "
               "last id of a full page, null at the end)",
               "market")
               .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
               .Query("limit",
                      R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js"));
  Describe(routes, Verb::get, "/api/v1/items/{id}/offers",
           Document<void, dto::List<dto::Offer>>("The item's public offers", "market"));
  Describe(
      routes, Verb::get, "/api/v1/listing-blocks",
      Document<void, dto::List<dto::ListingBlock>>("Your organisation's blocked listings", "market")
          .Query("status", R"js({"enum": ["blocked", "appealed", "upheld", "lifted"]})js"));
  Describe(routes, Verb::get, "/api/v1/supervision/listing-blocks",
           Document<void, dto::List<dto::ListingBlock>>(
               "Market supervision: listings the rules blocked in your region", "market")
               .Query("status", R"js({"enum": ["blocked", "appealed", "upheld", "lifted"]})js"));
  Describe(routes, Verb::get, "/api/v1/orders",
           Document<void, dto::CursorPage<dto::Order>>(
               "Your organisation's orders, newest first, a page at a time (next_cursor is the "
               "last id of a full page, null at the end)",
               "market")
               .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
               .Query("limit",
                      R"js({"type": "integer", "minimum": 1, "maximum": 200, "default": 50})js"));
  Describe(routes, Verb::get, "/api/v1/orders/mine",
           Document<void, dto::CursorPage<dto::Order>>(
               "The orders the caller placed (a buyer's own orders), newest first", "market")
               .Query("cursor", R"js({"type": "string"})js", "next_cursor of the previous page")
               .Query("limit",
                      R"js({"type": "integer", "minimum": 1, "maximum": 100, "default": 20})js"));
  Describe(routes, Verb::get, "/api/v1/orders/{id}/after-sales",
           Document<void, dto::AfterSaleList>("The order's returns, warranty claims and disputes",
                                              "market"));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/returns",
           Document<dto::RequestReturn, dto::AfterSale>(
               "Request a return within the return window; serials are compared with the "
               "dispatch record",
               "market", 201)
               .Ok("Created")
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/returns/{id}/accept",
           Document<dto::AcceptReturn, dto::AfterSale>(
               "Accept a return with a full refund (a flagged return needs override_flag)",
               "market", 200)
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/warranty-claims",
           Document<dto::ClaimWarranty, dto::AfterSale>(
               "Claim under the warranty within its period", "market", 201)
               .Ok("Created")
               .Fails(422)
               .Fails(409));
  Describe(routes, Verb::post, "/api/v1/orders/{id}/disputes",
           Document<dto::OpenDispute, dto::AfterSale>(
               "Dispute the condition against a recorded inspection report", "market", 201)
               .Ok("Created")
               .Fails(422)
               .Fails(409));
  Describe(
      routes, Verb::post, "/api/v1/disputes/{id}/settle",
      Document<dto::SettleDispute, dto::AfterSale>(
          "Settle a dispute by a re-inspection compared with the disputed report", "market", 200)
          .Fails(422)
          .Fails(409));
}

}  // namespace recirc::api
