// The marketplace: offers, prohibited-listing blocks and appeals, orders and
// after-sales (best offers: best_offer_routes.cpp). Thin handlers over the market services; every
// POST names a required field.
#include <boost/json.hpp>

#include "api/api.hpp"
#include "api/dto.hpp"
#include "api/market/after_sales_json.hpp"
#include "core/clock.hpp"
#include "domain/market/paging.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

json::value OptInt(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }
json::value OptTime(const std::optional<int64_t>& v) {
  return v ? json::value(FormatRfc3339(FromUnixMillis(*v))) : nullptr;
}
std::string Time(int64_t ms) { return FormatRfc3339(FromUnixMillis(ms)); }

// The best-offer thresholds are the seller's own terms: only its organisation reads them; the
// public (and buyers) see whether best offers are taken, never the amounts.
json::object OfferJson(const storage::OfferRecord& o, bool seller_view = true) {
  return {{"id", o.id},
          {"item_id", o.item_id},
          {"organisation_id", o.organisation_id},
          {"sale_mode", o.sale_mode},
          {"channel", o.channel},
          {"outlet_id", o.outlet_id ? json::value(*o.outlet_id) : nullptr},
          {"title", o.title},
          {"description", o.description},
          {"price_fen", o.price_fen},
          {"warranty_months", o.warranty_months},
          {"return_days", o.return_days},
          {"best_offer",
           {{"enabled", o.best_offer},
            {"auto_accept_fen", seller_view ? OptInt(o.auto_accept_fen) : nullptr},
            {"auto_decline_fen", seller_view ? OptInt(o.auto_decline_fen) : nullptr}}},
          {"mode_terms", json::parse(o.mode_terms)},
          {"status", ToString(o.status)},
          {"disclosure_version", OptInt(o.disclosure_version)},
          {"created_at", Time(o.created_at)},
          {"published_at", OptTime(o.published_at)}};
}

json::object BlockJson(const storage::ListingBlockRecord& b) {
  return {{"id", b.id},
          {"offer_id", b.offer_id},
          {"item_id", b.item_id},
          {"organisation_id", b.organisation_id},
          {"region_code", b.region_code},
          {"rule", b.rule_id},
          {"reason", b.reason},
          {"status", ToString(b.status)},
          {"appeal", b.appeal ? json::value(*b.appeal) : nullptr},
          {"appealed_at", OptTime(b.appealed_at)},
          {"decision_note", b.decision_note ? json::value(*b.decision_note) : nullptr},
          {"decided_at", OptTime(b.decided_at)},
          {"created_at", Time(b.created_at)}};
}

json::object OrderJson(const storage::OrderRecord& o) {
  return {{"id", o.id},
          {"offer_id", o.offer_id},
          {"item_id", o.item_id},
          {"organisation_id", o.organisation_id},
          {"buyer_ref", o.buyer_ref.empty() ? json::value(nullptr) : json::value(o.buyer_ref)},
          {"buyer_user_id", o.buyer_ref.empty() ? json::value(o.created_by) : nullptr},
          {"price_fen", o.price_fen},
          {"disclosure_version", o.disclosure_version},
          {"disclosure_accepted_at", Time(o.disclosure_accepted_at)},
          {"provider", o.provider},
          {"simulated", o.provider == "simulated"},
          {"payment_ref", o.payment_ref ? json::value(*o.payment_ref) : nullptr},
          {"state", ToString(o.state)},
          {"paid_fen", o.paid_fen},
          {"refunded_fen", o.refunded_fen},
          {"dispatch", o.dispatch ? json::parse(*o.dispatch) : json::value(nullptr)},
          {"received_at", OptTime(o.received_at)},
          {"warranty_months", o.warranty_months},
          {"return_days", o.return_days},
          {"created_at", Time(o.created_at)}};
}

template <class T, class F>
json::object Items(const std::vector<T>& v, F&& to_json) {
  json::array items;
  for (const auto& x : v) items.push_back(to_json(x));
  return {{"items", std::move(items)}};
}

// {items, next_cursor} of a page (next_cursor null at the end).
template <class Page, class F>
json::object Paged(const Page& page, F&& to_json) {
  json::object out = Items(page.items, to_json);
  out["next_cursor"] = page.next_cursor ? json::value(*page.next_cursor) : nullptr;
  return out;
}

Result<std::vector<std::string>> StringList(const json::object& body, std::string_view key,
                                            bool required) {
  std::vector<std::string> out;
  const json::value* v = body.if_contains(key);
  if (v == nullptr && !required) return out;
  if (v == nullptr || !v->is_array()) {
    return Error::InvalidArgument(std::string(key), std::string(key) + " is an array of strings");
  }
  for (const auto& x : v->as_array()) {
    if (!x.is_string()) {
      return Error::InvalidArgument(std::string(key), std::string(key) + " is an array of strings");
    }
    out.emplace_back(x.as_string());
  }
  return out;
}

std::string Id(const http::RequestContext& ctx) { return std::string(ctx.Param("id")); }

// Offers.

Result<http::Response> CreateOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"item_id", "sale_mode", "channel", "outlet_id", "title", "description",
                            "price_fen", "warranty_months", "return_days", "best_offer"}));
  market::OfferTerms t;
  RECIRC_TRY(t.item_id, f.String("item_id"));
  RECIRC_TRY(auto mode, f.OptionalString("sale_mode"));
  if (mode) t.sale_mode = *mode;
  RECIRC_TRY(t.channel, f.String("channel"));
  RECIRC_TRY(t.outlet_id, f.OptionalString("outlet_id"));
  RECIRC_TRY(t.title, f.String("title"));
  RECIRC_TRY(auto description, f.OptionalString("description"));
  t.description = description.value_or("");
  RECIRC_TRY(t.price_fen, f.Fen("price_fen"));
  RECIRC_TRY(t.warranty_months, f.Integer("warranty_months"));
  RECIRC_TRY(t.return_days, f.Integer("return_days"));
  if (const json::value* b = body.if_contains("best_offer")) {
    if (!b->is_object()) return Error::InvalidArgument("best_offer", "best_offer is an object");
    http::JsonFields bf(b->as_object());
    auto fail = bf.OnlyKnown({"enabled", "auto_accept_fen", "auto_decline_fen"});
    if (!fail) {
      Error e = fail.error();
      e.field = "best_offer." + e.field;
      return e;
    }
    RECIRC_TRY(t.best_offer.enabled, bf.OptionalBool("enabled", false));
    RECIRC_TRY(t.best_offer.auto_accept_fen, bf.OptionalFen("auto_accept_fen"));
    RECIRC_TRY(t.best_offer.auto_decline_fen, bf.OptionalFen("auto_decline_fen"));
  }
  RECIRC_TRY(auto offer, d.offers.Create(ctx.Actor(), t));
  return http::Json(201, OfferJson(offer));
}

Result<http::Response> PublishOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"disclosure_version"}));
  RECIRC_TRY(int64_t version, f.Integer("disclosure_version"));
  RECIRC_TRY(auto result, d.offers.Publish(ctx.Actor(), Id(ctx), version));
  json::object out{{"offer", OfferJson(result.offer)}};
  out["block"] = result.block ? json::value(BlockJson(*result.block)) : nullptr;
  return http::Json(200, out);
}

Result<http::Response> WithdrawOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reason"}));
  RECIRC_TRY(std::string reason, f.String("reason"));
  RECIRC_TRY(auto offer, d.offers.Withdraw(ctx.Actor(), Id(ctx), reason));
  return http::Json(200, OfferJson(offer));
}

bool SellerOf(const http::RequestContext& ctx, const storage::OfferRecord& o) {
  return ctx.principal != nullptr && ctx.principal->InOrganisation(o.organisation_id);
}

Result<http::Response> GetOffer(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto offer, d.offers.Get(ctx.principal, Id(ctx)));
  return http::Json(200, OfferJson(offer, SellerOf(ctx, offer)));
}

Result<http::Response> ItemOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto offers, d.offers.OfItem(ctx.principal, Id(ctx)));
  return http::Json(200, Items(offers, [&](const storage::OfferRecord& o) {
                      return OfferJson(o, SellerOf(ctx, o));
                    }));
}

// GET /api/v1/offers?cursor=&limit=: the organisation's offers, newest first.
Result<http::Response> OwnOffers(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page,
             CursorPageFromQuery(ctx, market::kOperatorPageDefault, market::kOperatorPageMax));
  RECIRC_TRY(auto offers, d.offers.OfOrganisation(ctx.Actor(), page));
  return http::Json(200, Paged(offers, [](const storage::OfferRecord& o) { return OfferJson(o); }));
}

Result<http::Response> ProhibitedRules(const MarketServices& d, http::RequestContext&) {
  json::array rules;
  for (const auto& r : d.rules.rules()) {
    json::array categories, channels, zh, en;
    for (const auto& x : r.categories) categories.push_back(json::string(x));
    for (const auto& x : r.channels) channels.push_back(json::string(x));
    for (const auto& x : r.keywords_zh) zh.push_back(json::string(x));
    for (const auto& x : r.keywords_en) en.push_back(json::string(x));
    rules.push_back({{"id", r.id},
                     {"basis", r.basis},
                     {"categories", categories},
                     {"channels", channels},
                     {"keywords", {{"zh", zh}, {"en", en}}},
                     {"signal", r.signal.empty() ? json::value(nullptr) : json::value(r.signal)},
                     {"reason", {{"zh", r.reason_zh}, {"en", r.reason_en}}}});
  }
  return http::Json(200, json::object{{"version", d.rules.version()}, {"rules", rules}});
}

// The providers this server offers: the web's checkout shows the simulated one (labelled
// 模拟支付 / SIMULATED) only when it is here.
Result<http::Response> ListPaymentProviders(const MarketServices& d, http::RequestContext&) {
  json::array items;
  for (const auto* p : d.payments.Offered()) {
    items.push_back({{"name", p->Name()}, {"simulated", p->Simulated()}});
  }
  return http::Json(200, json::object{{"items", std::move(items)}});
}

// Listing blocks.

Result<http::Response> ListBlocks(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto blocks, d.blocks.List(ctx.Actor(), ctx.Query("status")));
  return http::Json(200, Items(blocks, BlockJson));
}

Result<http::Response> GetBlock(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ListingBlockId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto block, d.blocks.Get(ctx.Actor(), id));
  return http::Json(200, BlockJson(block));
}

Result<http::Response> AppealBlock(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"statement"}));
  RECIRC_TRY(std::string statement, f.String("statement"));
  RECIRC_TRY(auto id, ListingBlockId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto block, d.blocks.Appeal(ctx.Actor(), id, statement));
  return http::Json(200, BlockJson(block));
}

Result<http::Response> DecideBlock(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"decision", "note"}));
  RECIRC_TRY(std::string decision, f.String("decision"));
  RECIRC_TRY(std::string note, f.String("note"));
  RECIRC_TRY(auto id, ListingBlockId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto block, d.blocks.Decide(ctx.Actor(), id, decision, note));
  return http::Json(200, BlockJson(block));
}

// Orders.

Result<http::Response> PlaceOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown(
      {"offer_id", "buyer_ref", "provider", "accepted_disclosure_version", "best_offer_id"}));
  market::OrderInput in;
  RECIRC_TRY(in.offer_id, f.String("offer_id"));
  RECIRC_TRY(in.buyer_ref, f.OptionalString("buyer_ref"));
  RECIRC_TRY(in.provider, f.String("provider"));
  RECIRC_TRY(in.accepted_disclosure_version, f.Integer("accepted_disclosure_version"));
  RECIRC_TRY(in.best_offer_id, f.OptionalString("best_offer_id"));
  RECIRC_TRY(auto order, d.orders.Place(ctx.Actor(), in));
  return http::Json(201, OrderJson(order));
}

Result<http::Response> GetOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto order, d.orders.Get(ctx.Actor(), Id(ctx)));
  return http::Json(200, OrderJson(order));
}

// GET /api/v1/orders?cursor=&limit=: the organisation's orders, newest first.
Result<http::Response> OwnOrders(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page,
             CursorPageFromQuery(ctx, market::kOperatorPageDefault, market::kOperatorPageMax));
  RECIRC_TRY(auto orders, d.orders.OfOrganisation(ctx.Actor(), page));
  return http::Json(200, Paged(orders, OrderJson));
}

// GET /api/v1/orders/mine?cursor=&limit=: the orders the caller placed, newest first.
Result<http::Response> MyOrders(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto page, CursorPageFromQuery(ctx, market::kBuyerPageDefault, market::kBuyerPageMax));
  RECIRC_TRY(auto mine, d.orders.Mine(ctx.Actor(), page));
  return http::Json(200, Paged(mine, OrderJson));
}

Result<http::Response> PayOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"amount_fen", "receipt_number"}));
  RECIRC_TRY(int64_t amount, f.Fen("amount_fen"));
  RECIRC_TRY(auto receipt, f.OptionalString("receipt_number"));
  RECIRC_TRY(auto order, d.orders.Pay(ctx.Actor(), Id(ctx), amount, receipt));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> DispatchOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"method", "serials", "photos", "tracking"}));
  market::DispatchInput in;
  RECIRC_TRY(in.method, f.String("method"));
  RECIRC_TRY(in.serials, StringList(body, "serials", true));
  RECIRC_TRY(in.photos, StringList(body, "photos", true));
  RECIRC_TRY(in.tracking, f.OptionalString("tracking"));
  RECIRC_TRY(auto order, d.orders.Dispatch(ctx.Actor(), Id(ctx), in));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> ReceiveOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"condition"}));
  RECIRC_TRY(std::string condition, f.String("condition"));
  RECIRC_TRY(auto order, d.orders.Receive(ctx.Actor(), Id(ctx), condition));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> SettleOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"amount_fen"}));
  RECIRC_TRY(int64_t amount, f.Fen("amount_fen"));
  RECIRC_TRY(auto order, d.orders.Settle(ctx.Actor(), Id(ctx), amount));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> CancelOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reason"}));
  RECIRC_TRY(std::string reason, f.String("reason"));
  RECIRC_TRY(auto order, d.orders.Cancel(ctx.Actor(), Id(ctx), reason));
  return http::Json(200, OrderJson(order));
}

Result<http::Response> RefundOrder(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"amount_fen"}));
  RECIRC_TRY(int64_t amount, f.Fen("amount_fen"));
  RECIRC_TRY(auto order, d.orders.Refund(ctx.Actor(), Id(ctx), amount));
  return http::Json(200, OrderJson(order));
}

// After-sales.

Result<http::Response> RequestReturn(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"serials", "photos", "reason"}));
  market::ReturnInput in;
  RECIRC_TRY(in.serials, StringList(body, "serials", true));
  RECIRC_TRY(in.photos, StringList(body, "photos", false));
  RECIRC_TRY(in.reason, f.String("reason"));
  RECIRC_TRY(auto r, d.after_sales.RequestReturn(ctx.Actor(), Id(ctx), in));
  return http::Json(201, AfterSaleJson(r));
}

Result<http::Response> AcceptReturn(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"refund_fen", "override_flag"}));
  RECIRC_TRY(int64_t refund, f.Fen("refund_fen"));
  RECIRC_TRY(bool override_flag, f.OptionalBool("override_flag", false));
  RECIRC_TRY(auto r, d.after_sales.AcceptReturn(ctx.Actor(), Id(ctx), refund, override_flag));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> ClaimWarranty(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"fault"}));
  RECIRC_TRY(std::string fault, f.String("fault"));
  RECIRC_TRY(auto r, d.after_sales.ClaimWarranty(ctx.Actor(), Id(ctx), fault));
  return http::Json(201, AfterSaleJson(r));
}

Result<http::Response> OpenDispute(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"report_id", "claim"}));
  RECIRC_TRY(std::string report, f.String("report_id"));
  RECIRC_TRY(std::string claim, f.String("claim"));
  RECIRC_TRY(auto r, d.after_sales.OpenDispute(ctx.Actor(), Id(ctx), report, claim));
  return http::Json(201, AfterSaleJson(r));
}

Result<http::Response> SettleDispute(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reinspection_report_id", "outcome"}));
  RECIRC_TRY(std::string report, f.String("reinspection_report_id"));
  RECIRC_TRY(std::string outcome, f.String("outcome"));
  RECIRC_TRY(auto r, d.after_sales.SettleDispute(ctx.Actor(), Id(ctx), report, outcome));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> OrderAfterSales(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto list, d.after_sales.OfOrder(ctx.Actor(), Id(ctx)));
  return http::Json(200, Items(list, AfterSaleJson));
}

}  // namespace

void AddMarketRoutes(std::vector<http::Route>& routes, ApiDeps& deps) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = deps.market;
  if (d == nullptr) return;
  auto bind = [d](Result<http::Response> (*fn)(const MarketServices&, http::RequestContext&)) {
    return [d, fn](http::RequestContext& c) { return fn(*d, c); };
  };
  constexpr size_t kSmall = size_t{8} * 1024;
  constexpr size_t kMedium = size_t{32} * 1024;
  auto add = [&](Verb v, const char* pattern, P p, auto fn, size_t limit) {
    routes.push_back({v, pattern, p, bind(fn), limit});
  };
  add(Verb::get, "/api/v1/market/prohibited-rules", P::kPublic, ProhibitedRules, 0);
  add(Verb::get, "/api/v1/market/payment-providers", P::kPublic, ListPaymentProviders, 0);
  add(Verb::post, "/api/v1/offers", P::kMarketManage, CreateOffer, kMedium);
  add(Verb::get, "/api/v1/offers", P::kMarketManage, OwnOffers, 0);
  add(Verb::get, "/api/v1/offers/{id}", P::kPublic, GetOffer, 0);
  add(Verb::post, "/api/v1/offers/{id}/publish", P::kMarketManage, PublishOffer, kSmall);
  add(Verb::post, "/api/v1/offers/{id}/withdraw", P::kMarketManage, WithdrawOffer, kSmall);
  add(Verb::get, "/api/v1/items/{id}/offers", P::kPublic, ItemOffers, 0);
  add(Verb::get, "/api/v1/listing-blocks", P::kMarketManage, ListBlocks, 0);
  add(Verb::get, "/api/v1/supervision/listing-blocks", P::kSupervisionRead, ListBlocks, 0);
  add(Verb::get, "/api/v1/listing-blocks/{id}", P::kAuthenticated, GetBlock, 0);
  add(Verb::post, "/api/v1/listing-blocks/{id}/appeal", P::kMarketManage, AppealBlock, kSmall);
  add(Verb::post, "/api/v1/listing-blocks/{id}/decision", P::kSupervisionAct, DecideBlock, kSmall);
  add(Verb::post, "/api/v1/orders", P::kMarketBuy, PlaceOrder, kSmall);
  add(Verb::get, "/api/v1/orders", P::kMarketManage, OwnOrders, 0);
  add(Verb::get, "/api/v1/orders/mine", P::kMarketBuy, MyOrders, 0);
  add(Verb::get, "/api/v1/orders/{id}", P::kAuthenticated, GetOrder, 0);
  add(Verb::post, "/api/v1/orders/{id}/pay", P::kMarketBuy, PayOrder, kSmall);
  add(Verb::post, "/api/v1/orders/{id}/dispatch", P::kMarketManage, DispatchOrder, kMedium);
  add(Verb::post, "/api/v1/orders/{id}/receive", P::kMarketBuy, ReceiveOrder, kSmall);
  add(Verb::post, "/api/v1/orders/{id}/settle", P::kMarketManage, SettleOrder, kSmall);
  add(Verb::post, "/api/v1/orders/{id}/cancel", P::kAuthenticated, CancelOrder, kSmall);
  add(Verb::post, "/api/v1/orders/{id}/refunds", P::kMarketManage, RefundOrder, kSmall);
  add(Verb::post, "/api/v1/orders/{id}/returns", P::kMarketBuy, RequestReturn, kMedium);
  add(Verb::post, "/api/v1/orders/{id}/warranty-claims", P::kMarketBuy, ClaimWarranty, kSmall);
  add(Verb::post, "/api/v1/orders/{id}/disputes", P::kMarketBuy, OpenDispute, kSmall);
  add(Verb::get, "/api/v1/orders/{id}/after-sales", P::kAuthenticated, OrderAfterSales, 0);
  add(Verb::post, "/api/v1/returns/{id}/accept", P::kMarketManage, AcceptReturn, kSmall);
  add(Verb::post, "/api/v1/disputes/{id}/settle", P::kMarketManage, SettleDispute, kSmall);
}

}  // namespace recirc::api
