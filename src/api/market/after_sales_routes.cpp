// After-sales decisions by the seller: refusing a return, deciding a warranty claim and
// completing a repair or replacement, and the organisation's list of cases. Thin handlers over
// AfterSalesService; every POST names a required field. (Requests, accepting returns and disputes
// are in market_routes.cpp.)
#include <boost/json.hpp>

#include "api/market/after_sales_json.hpp"
#include "api/market/routes.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

std::string Id(const http::RequestContext& ctx) { return std::string(ctx.Param("id")); }

Result<http::Response> RefuseReturn(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"reason"}));
  RECIRC_TRY(std::string reason, f.String("reason"));
  RECIRC_TRY(auto r, d.after_sales.RefuseReturn(ctx.Actor(), Id(ctx), reason));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> DecideWarranty(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"outcome", "note", "amount_fen"}));
  market::WarrantyDecision in;
  RECIRC_TRY(in.outcome, f.String("outcome"));
  RECIRC_TRY(auto note, f.OptionalString("note"));
  in.note = note.value_or("");
  RECIRC_TRY(in.amount_fen, f.OptionalFen("amount_fen"));
  RECIRC_TRY(auto r, d.after_sales.DecideWarranty(ctx.Actor(), Id(ctx), in));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> CompleteWarranty(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"note"}));
  RECIRC_TRY(std::string note, f.String("note"));
  RECIRC_TRY(auto r, d.after_sales.CompleteWarranty(ctx.Actor(), Id(ctx), note));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> OrganisationAfterSales(const MarketServices& d, http::RequestContext& ctx) {
  const std::string status = ctx.Query("status").value_or("");
  RECIRC_TRY(auto list, d.after_sales.OfOrganisation(ctx.Actor(), status));
  json::array items;
  for (const auto& a : list) items.push_back(AfterSaleJson(a));
  return http::Json(200, json::object{{"items", std::move(items)}});
}

}  // namespace

void AddAfterSalesRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
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
  add(Verb::get, "/api/v1/after-sales", P::kMarketManage, OrganisationAfterSales, 0);
  add(Verb::post, "/api/v1/returns/{id}/refuse", P::kMarketManage, RefuseReturn, kSmall);
  add(Verb::post, "/api/v1/warranty-claims/{id}/decision", P::kMarketManage, DecideWarranty,
      kSmall);
  add(Verb::post, "/api/v1/warranty-claims/{id}/complete", P::kMarketManage, CompleteWarranty,
      kSmall);
}

}  // namespace recirc::api
