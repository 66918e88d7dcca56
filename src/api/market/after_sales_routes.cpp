// After-sales decisions by the seller: refusing a return, deciding a warranty claim and
// completing a repair or replacement, and the organisation's list of cases. Thin handlers over
// AfterSalesService; every POST names a required field. (Requests, accepting returns and disputes
// are in market_routes.cpp.)
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/market/after_sales_dto.hpp"
#include "api/market/after_sales_json.hpp"
#include "api/market/dto.hpp"
#include "api/market/routes.hpp"
#include "http/json_fields.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using market::MarketServices;

Result<http::Response> RefuseReturn(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::RefuseReturn>(ctx));
  RECIRC_TRY(auto id, AfterSaleId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto r, d.after_sales.RefuseReturn(ctx.Actor(), id, in.reason));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> DecideWarranty(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::WarrantyDecision>(ctx));
  market::WarrantyDecision in;
  in.outcome = body.outcome;
  in.note = body.note.value_or("");
  if (body.amount_fen) in.amount = Money::Fen(*body.amount_fen);
  RECIRC_TRY(auto id, AfterSaleId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto r, d.after_sales.DecideWarranty(ctx.Actor(), id, in));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> CompleteWarranty(const MarketServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::CompleteWarranty>(ctx));
  RECIRC_TRY(auto id, AfterSaleId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto r, d.after_sales.CompleteWarranty(ctx.Actor(), id, in.note));
  return http::Json(200, AfterSaleJson(r));
}

Result<http::Response> OrganisationAfterSales(const MarketServices& d, http::RequestContext& ctx) {
  const std::string status = ctx.Query("status").value_or("");
  RECIRC_TRY(auto list, d.after_sales.OfOrganisation(ctx.Actor(), status));
  dto::AfterSaleList out;
  for (const auto& a : list) out.items.push_back(dto::AfterSale::From(a));
  return http::Json(200, json::value_from(out));
}

}  // namespace

void AddAfterSalesRoutes(std::vector<http::Route>& routes, const MarketApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const MarketServices* d = &api.services;
  auto add = [&](Verb v, const char* pattern, P p, MarketHandler fn, size_t limit) {
    AddServiceRoute(routes, *d, v, pattern, p, fn, limit);
  };
  add(Verb::get, "/api/v1/after-sales", P::kMarketManage, OrganisationAfterSales, 0);
  add(Verb::post, "/api/v1/returns/{id}/refuse", P::kMarketManage, RefuseReturn, kSmallBody);
  add(Verb::post, "/api/v1/warranty-claims/{id}/decision", P::kMarketManage, DecideWarranty,
      kSmallBody);
  add(Verb::post, "/api/v1/warranty-claims/{id}/complete", P::kMarketManage, CompleteWarranty,
      kSmallBody);

  using http::Describe;
  using http::Document;
  const char* tag = "market";
  Describe(
      routes, Verb::get, "/api/v1/after-sales",
      Document<void, dto::AfterSaleList>("The organisation's after-sales cases (returns, "
                                         "warranty claims, disputes), newest first, at most "
                                         "200",
                                         tag)
          .Query(
              "status",
              R"js({"enum": ["open", "accepted", "refused", "resolved", "in_progress", "completed", "refunded", "rejected"]})js"));
  Describe(
      routes, Verb::post, "/api/v1/returns/{id}/refuse",
      Document<dto::RefuseReturn, dto::AfterSale>(
          "Refuse a return (the order goes back to received; the buyer may open a dispute)", tag)
          .Fails(422)
          .Fails(409, "return_not_open: the return was already accepted or refused"));
  Describe(routes, Verb::post, "/api/v1/warranty-claims/{id}/decision",
           Document<dto::WarrantyDecision, dto::AfterSale>(
               "Decide a warranty claim once: repair, replace, refund (through the order's refund "
               "path) or reject (note required)",
               tag)
               .Fails(422)
               .Fails(409, "warranty_claim_decided: the claim was already decided"));
  Describe(
      routes, Verb::post, "/api/v1/warranty-claims/{id}/complete",
      Document<dto::CompleteWarranty, dto::AfterSale>(
          "Mark a repaired or replacement item handed back", tag)
          .Fails(422)
          .Fails(
              409,
              "warranty_not_in_progress: only a repair or replacement in progress is completed"));
}

}  // namespace recirc::api
