// POST /api/v1/complaints                      a buyer files a complaint
// POST /api/v1/complaints/anonymous            anyone files one (listing, operator) with contact
// GET  /api/v1/complaints                      the complaints the caller may see (?state=)
// GET  /api/v1/complaints/statistics           market supervision's figures
// GET  /api/v1/complaints/{id}                 one complaint with its steps
// POST /api/v1/complaints/{id}/answer          the operator answers
// POST /api/v1/complaints/{id}/assign          supervision assigns (or re-assigns)
// POST /api/v1/complaints/{id}/request-info    supervision asks the operator or the complainant
// POST /api/v1/complaints/{id}/info            the party asked gives the information
// POST /api/v1/complaints/{id}/decide          supervision decides, with a reason
#include "api/complaints/routes.hpp"

#include <boost/json.hpp>

#include "api/complaints/dto.hpp"
#include "api/dto.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;

http::Response One(unsigned status, const complaints::ComplaintView& v) {
  return http::Json(status, json::value_from(dto::Complaint::From(v)));
}

Result<http::Response> File(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewComplaint>(ctx));
  RECIRC_TRY(auto v, d.complaints.File(ctx.Actor(), in.ToDomain()));
  return One(201, v);
}

Result<http::Response> FileAnonymously(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto in, ReadBody<dto::NewComplaint>(ctx));
  RECIRC_TRY(auto v, d.complaints.FileAnonymously(in.ToDomain(), ctx.remote));
  return One(201, v);
}

Result<http::Response> List(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto views, d.complaints.List(ctx.Actor(), ctx.Query("state")));
  dto::ComplaintList out;
  out.answer_days = d.complaints.policy().answer_days;
  for (const auto& v : views) out.items.push_back(dto::Complaint::From(v));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> Statistics(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto s, d.complaints.Statistics(ctx.Actor()));
  return http::Json(200, json::value_from(dto::ComplaintStatistics::From(s)));
}

Result<http::Response> Get(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ComplaintId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto v, d.complaints.Get(ctx.Actor(), id));
  return One(200, v);
}

Result<http::Response> Answer(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ComplaintId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto in, ReadBody<dto::ComplaintText>(ctx));
  RECIRC_TRY(auto v, d.complaints.Answer(ctx.Actor(), id, in.text));
  return One(200, v);
}

Result<http::Response> Assign(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ComplaintId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto in, ReadBody<dto::ComplaintAssignment>(ctx));
  RECIRC_TRY(auto v, d.complaints.Assign(ctx.Actor(), id, in.assignee));
  return One(200, v);
}

Result<http::Response> RequestInfo(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ComplaintId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto in, ReadBody<dto::ComplaintQuestion>(ctx));
  RECIRC_TRY(auto v, d.complaints.RequestInfo(ctx.Actor(), id, in.party, in.question));
  return One(200, v);
}

Result<http::Response> ProvideInfo(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ComplaintId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto in, ReadBody<dto::ComplaintText>(ctx));
  RECIRC_TRY(auto v, d.complaints.ProvideInfo(ctx.Actor(), id, in.text));
  return One(200, v);
}

Result<http::Response> Decide(const ComplaintsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, ComplaintId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto in, ReadBody<dto::ComplaintDecision>(ctx));
  RECIRC_TRY(auto v, d.complaints.Decide(ctx.Actor(), id, {in.outcome, in.reason}));
  return One(200, v);
}

}  // namespace

void AddComplaintRoutes(std::vector<http::Route>& routes, const ComplaintsApi& d) {
  using http::Verb;
  using P = identity::Permission;
  // Answers that may carry the complainant's contact in clear are kSecret: the idempotency
  // store keeps only "done", never the answer (http/route.hpp).
  const auto add = [&](Verb verb, std::string pattern, P permission,
                       Result<http::Response> (*fn)(const ComplaintsApi&, http::RequestContext&),
                       http::Answer answer = http::Answer::kReplayable) {
    routes.push_back({verb, std::move(pattern), permission,
                      [&d, fn](http::RequestContext& c) { return fn(d, c); }, size_t{16} * 1024,
                      http::Execution::kBlocking, answer});
  };
  const std::string base = "/api/v1/complaints";
  add(Verb::post, base, P::kMarketBuy, File, http::Answer::kSecret);
  add(Verb::post, base + "/anonymous", P::kPublic, FileAnonymously, http::Answer::kSecret);
  add(Verb::get, base, P::kAuthenticated, List);
  add(Verb::get, base + "/statistics", P::kSupervisionRead, Statistics);
  add(Verb::get, base + "/{id}", P::kAuthenticated, Get);
  add(Verb::post, base + "/{id}/answer", P::kMarketManage, Answer);
  add(Verb::post, base + "/{id}/assign", P::kSupervisionAct, Assign);
  add(Verb::post, base + "/{id}/request-info", P::kSupervisionAct, RequestInfo);
  add(Verb::post, base + "/{id}/info", P::kAuthenticated, ProvideInfo, http::Answer::kSecret);
  add(Verb::post, base + "/{id}/decide", P::kSupervisionAct, Decide);

  const std::string tag = "complaints";
  const std::string illegal =
      "the complaint's state does not allow this step (message id complaint.illegal_transition, "
      "params state and action)";
  http::Describe(routes, Verb::post, base,
                 http::Document<dto::NewComplaint, dto::Complaint>(
                     "File a complaint about one of your orders, a listing or an operator (buyer "
                     "accounts only); the operator must answer within [complaints] answer_days. "
                     "Contact details are optional and sealed like sellers' personal data",
                     tag, 201)
                     .Ok("Filed"));
  http::Describe(routes, Verb::post, base + "/anonymous",
                 http::Document<dto::NewComplaint, dto::Complaint>(
                     "File a complaint without an account, about a listing or an operator (an "
                     "order needs the buyer's account): contact_name and contact_phone are "
                     "required and sealed; at most 5 in 15 minutes per client address",
                     tag, 201)
                     .Ok("Filed")
                     .Fails(429, "too many complaints from this address (complaint.too_many)"));
  http::Describe(
      routes, Verb::get, base,
      http::Document<void, dto::ComplaintList>(
          "The complaints you may see, newest first (at most 200): a buyer's own, those about "
          "your organisation (operators: without the complainant's account or contact), or "
          "those of your region (market supervision: contact masked)",
          tag)
          .Query(
              "state",
              R"js({"type": "string", "enum": ["filed", "answered", "in_review", "info_requested", "decided"]})js",
              "only complaints in this state"));
  http::Describe(routes, Verb::get, base + "/statistics",
                 http::Document<void, dto::ComplaintStatistics>(
                     "Complaint figures of your region: by operator, category, outcome and "
                     "state, overdue answers, and the time to answer (median and p90, minutes)",
                     tag));
  http::Describe(routes, Verb::get, base + "/{id}",
                 http::Document<void, dto::Complaint>("One complaint with its steps", tag));
  http::Describe(routes, Verb::post, base + "/{id}/answer",
                 http::Document<dto::ComplaintText, dto::Complaint>(
                     "The operator answers the complaint about it (once, while filed)", tag)
                     .Fails(409, illegal));
  http::Describe(routes, Verb::post, base + "/{id}/assign",
                 http::Document<dto::ComplaintAssignment, dto::Complaint>(
                     "Market supervision assigns the complaint to one of its supervisors (the "
                     "caller's own user id to take it) and takes it into review",
                     tag)
                     .Fails(409, illegal));
  http::Describe(routes, Verb::post, base + "/{id}/request-info",
                 http::Document<dto::ComplaintQuestion, dto::Complaint>(
                     "Market supervision asks the operator or the complainant for information", tag)
                     .Fails(409, illegal));
  http::Describe(routes, Verb::post, base + "/{id}/info",
                 http::Document<dto::ComplaintText, dto::Complaint>(
                     "The party asked (the operator's staff or the complainant) gives the "
                     "information; the complaint returns to review",
                     tag)
                     .Fails(409, illegal));
  http::Describe(routes, Verb::post, base + "/{id}/decide",
                 http::Document<dto::ComplaintDecision, dto::Complaint>(
                     "Market supervision decides with a reason: dismiss, mediate, order_refund "
                     "(complaints about an order), block_listing (about a listing: a listing "
                     "block the operator may appeal) or warn_operator",
                     tag)
                     .Fails(409, illegal));
}

}  // namespace recirc::api
