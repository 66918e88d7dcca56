// Thin handlers over ConsignmentService (domain/consignment/consignment_service.hpp).
#include "api/consignment/routes.hpp"

#include <boost/json.hpp>

#include "api/consignment/dto.hpp"
#include "api/dto.hpp"
#include "core/ids.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using consignment::ConsignmentService;
using Handler = Result<http::Response> (*)(ConsignmentService&, http::RequestContext&);

Result<http::Response> AddConsignor(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewConsignor>(ctx));
  RECIRC_TRY(auto view, s.AddConsignor(ctx.Actor(), in.ToDomain()));
  return http::Json(201, json::value_from(dto::Consignor::From(view)));
}

Result<http::Response> ListConsignors(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto views, s.Consignors(ctx.Actor()));
  dto::ConsignorList out;
  for (const auto& v : views) out.items.push_back(dto::Consignor::From(v));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> GetStatement(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto statement, s.StatementOf(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::Json(200, json::value_from(dto::ConsignorStatement::From(statement)));
}

Result<http::Response> Pay(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewPayout>(ctx));
  RECIRC_TRY(auto view,
             s.Payout(ctx.Actor(), std::string(ctx.Param("id")), in.amount_fen, in.method));
  return http::Json(200, json::value_from(dto::Consignor::From(view)));
}

Result<http::Response> TakeIn(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewConsignment>(ctx));
  RECIRC_TRY(auto in, body.ToDomain());
  RECIRC_TRY(auto r, s.Intake(ctx.Actor(), in));
  dto::ConsignmentIntake out{r.receipt.id, r.receipt.number, r.receipt.item_id,
                             std::string(recirc::ToString(r.receipt.status)),
                             dto::ConsignmentAgreement::From(r.agreement)};
  return http::Json(201, json::value_from(out));
}

Result<http::Response> GetAgreement(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view, s.AgreementOfItem(ctx.Actor(), item));
  return http::Json(200, json::value_from(dto::ConsignmentAgreement::From(view)));
}

Result<http::Response> Sell(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto sale, s.RecordSale(ctx.Actor(), item));
  dto::ConsignmentSale out{dto::ConsignmentAgreement::From(sale.agreement), sale.split.sale_fen,
                           sale.split.consignor_fen, sale.split.shop_fen, sale.split.fee_fen};
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Reverse(ConsignmentService& s, http::RequestContext& ctx) {
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto view, s.ReverseSale(ctx.Actor(), item));
  return http::Json(200, json::value_from(dto::ConsignmentAgreement::From(view)));
}

}  // namespace

void AddConsignmentRoutes(std::vector<http::Route>& routes, const ConsignmentApi& api) {
  using http::Verb;
  using P = identity::Permission;
  ConsignmentService* s = &api.service;
  constexpr size_t kBody = size_t{16} * 1024;
  constexpr size_t kSmall = 1024;  // the sale and reversal take no fields ({} or nothing)
  auto add = [&](Verb v, const char* pattern, Handler fn, size_t limit) {
    routes.push_back({v, pattern, P::kAcquisitionsWrite,
                      [s, fn](http::RequestContext& c) { return fn(*s, c); }, limit});
  };
  add(Verb::post, "/api/v1/consignment/consignors", AddConsignor, kBody);
  add(Verb::get, "/api/v1/consignment/consignors", ListConsignors, 0);
  add(Verb::get, "/api/v1/consignment/consignors/{id}/statement", GetStatement, 0);
  add(Verb::post, "/api/v1/consignment/consignors/{id}/payouts", Pay, kBody);
  add(Verb::post, "/api/v1/consignment/intakes", TakeIn, kBody);
  add(Verb::get, "/api/v1/consignment/items/{id}", GetAgreement, 0);
  add(Verb::post, "/api/v1/consignment/items/{id}/sale", Sell, kSmall);
  add(Verb::post, "/api/v1/consignment/items/{id}/reversal", Reverse, kSmall);

  using http::Describe;
  using http::Document;
  const char* tag = "consignment";
  Describe(routes, Verb::post, "/api/v1/consignment/consignors",
           Document<dto::NewConsignor, dto::Consignor>(
               "Add a consignor (individual or business); personal fields are sealed and shown "
               "masked",
               tag, 201));
  Describe(routes, Verb::get, "/api/v1/consignment/consignors",
           Document<void, dto::ConsignorList>("The shop's consignors with their balances", tag));
  Describe(routes, Verb::get, "/api/v1/consignment/consignors/{id}/statement",
           Document<void, dto::ConsignorStatement>(
               "A consignor's agreements and ledger (double entry, oldest first)", tag)
               .Fails(404, "no such consignor at this shop"));
  Describe(routes, Verb::post, "/api/v1/consignment/consignors/{id}/payouts",
           Document<dto::NewPayout, dto::Consignor>(
               "Pay a consignor (cash or simulated): at least the minimum payout unless it is the "
               "whole balance, never more than the balance",
               tag)
               .Fails(422, "consignment.overdrawn"));
  Describe(routes, Verb::post, "/api/v1/consignment/intakes",
           Document<dto::NewConsignment, dto::ConsignmentIntake>(
               "Take an item in on consignment: registered as a consignment_intake acquisition "
               "(the consignor as seller, screened) under the agreement",
               tag, 201));
  Describe(routes, Verb::get, "/api/v1/consignment/items/{id}",
           Document<void, dto::ConsignmentAgreement>(
               "The agreement of a consigned item and its current (marked-down) price", tag));
  Describe(routes, Verb::post, "/api/v1/consignment/items/{id}/sale",
           Document<void, dto::ConsignmentSale>(
               "Record a counter sale at the current price; the split goes to the ledger", tag)
               .Fails(422, "consignment.not_active"));
  Describe(routes, Verb::post, "/api/v1/consignment/items/{id}/reversal",
           Document<void, dto::ConsignmentAgreement>(
               "The buyer brought it back: reverse the sale's ledger entry (refused once paid "
               "out)",
               tag)
               .Fails(422, "consignment.reversal_after_payout"));
}

}  // namespace recirc::api
