// Inspection reports (public verification), data sanitization certificates, repairs and the
// disclosure: thin handlers over the inspection services.
#include <boost/json.hpp>

#include "api/dto.hpp"
#include "api/inspection/dto.hpp"
#include "api/inspection/routes.hpp"
#include "core/clock.hpp"
#include "documents/inspection_certificate.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using inspection::InspectionServices;

Result<std::optional<int64_t>> VersionQuery(const http::RequestContext& ctx) {
  auto v = ctx.Query("version");
  if (!v) return std::optional<int64_t>();
  char* end = nullptr;
  const long long version = std::strtoll(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0') return Error::InvalidArgument("version", "a whole number");
  return std::optional<int64_t>(version);
}

Result<http::Response> ListChecklists(const InspectionServices& d, http::RequestContext&) {
  dto::ChecklistList out;
  for (const auto& c : d.catalogue.all()) {
    out.items.push_back({c.category, c.version, dto::LocalText::From(c.name),
                         d.catalogue.Latest(c.category) == &c});
  }
  return http::Json(200, json::value_from(out));
}

Result<http::Response> GetChecklist(const InspectionServices& d, http::RequestContext& ctx) {
  const std::string category(ctx.Param("id"));
  RECIRC_TRY(auto version, VersionQuery(ctx));
  const inspection::Checklist* c =
      version ? d.catalogue.Find(category, *version) : d.catalogue.Latest(category);
  if (c == nullptr) return Error::NotFound("no checklist " + category);
  return http::Json(200, json::value_from(dto::Checklist::From(*c)));
}

// The grade the server would compute for these results, for a form being filled in: nothing is
// stored or signed, and required checks may still be missing (listed in "missing").
Result<http::Response> PreviewGrade(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::GradeRequest>(ctx));
  RECIRC_TRY(auto results, dto::ResultsObject(body.results));
  RECIRC_TRY(auto preview, inspection::PreviewGrade(d.catalogue, ctx.Param("id"),
                                                    body.checklist_version, results));
  return http::Json(200, json::value_from(dto::GradePreview::From(preview)));
}

Result<http::Response> SubmitInspection(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewInspection>(ctx));
  RECIRC_TRY(auto in, body.ToDomain());
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto report, d.reports.Submit(ctx.Actor(), item, in));
  return http::Json(201, json::value_from(dto::SignedReport::From(report)));
}

Result<http::Response> ItemReports(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto reports, d.reports.OfItem(item));
  dto::SignedReportList out;
  for (const auto& r : reports) out.items.push_back(dto::SignedReport::From(r));
  return http::Json(200, json::value_from(out));
}

Result<http::Response> GetReport(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, InspectionReportId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto report, d.reports.Get(id));
  return http::Json(200, json::value_from(dto::SignedReport::From(report)));
}

// The QR code points to the configured public address, never to this request's Host header.
Result<http::Response> ReportCertificate(const InspectionServices& d,
                                         const std::string& public_base_url,
                                         http::RequestContext& ctx) {
  RECIRC_TRY(auto id, InspectionReportId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto signed_report, d.reports.Get(id));
  const json::object& checklist =
      signed_report.report.contains("checklist") && signed_report.report.at("checklist").is_object()
          ? signed_report.report.at("checklist").as_object()
          : json::object{};
  const inspection::Checklist* c = nullptr;
  if (checklist.contains("category") && checklist.at("category").is_string() &&
      checklist.contains("version") && checklist.at("version").is_int64()) {
    c = d.catalogue.Find(checklist.at("category").as_string(), checklist.at("version").as_int64());
  }
  RECIRC_TRY(std::string pdf,
             documents::InspectionCertificatePdf(
                 {signed_report.report, signed_report.signature, signed_report.verifier_key,
                  public_base_url + "/verify/report/" + signed_report.id, c}));
  http::Response r = http::Text(200, "application/pdf", std::move(pdf));
  r.headers.emplace_back("Content-Disposition", "inline; filename=\"recirc-inspection-report-" +
                                                    signed_report.id + ".pdf\"");
  return r;
}

Result<http::Response> VerifyReport(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::VerifyReport>(ctx));
  if (!body.report.is_object()) {
    return Error::InvalidArgument("report", "report is the report object as published");
  }
  const auto v = d.reports.Verify(body.report, body.signature);
  return http::Json(200, json::value_from(dto::ReportVerification::From(v)));
}

Result<http::Response> CompareReports(const InspectionServices& d, http::RequestContext& ctx) {
  const std::string with = ctx.Query("with").value_or("");
  RECIRC_TRY(auto id, InspectionReportId::Parse(ctx.Param("id"), "id"));
  std::optional<InspectionReportId> with_id;
  if (!with.empty()) {
    RECIRC_TRY(with_id, InspectionReportId::Parse(with, "with"));
  }
  RECIRC_TRY(auto diff, d.reports.Compare(id, with_id));
  dto::ReportComparison out{std::string(ctx.Param("id")), with, {}};
  for (const auto& x : diff) out.differences.push_back({x.what, x.id, x.before, x.after});
  return http::Json(200, json::value_from(out));
}

Result<http::Response> RecordSanitization(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewSanitization>(ctx));
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto cert, d.sanitization.Record(ctx.Actor(), item, body.ToDomain()));
  return http::Json(201, dto::CertificateJson(cert));
}

Result<http::Response> GetSanitization(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto id, SanitizationId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto cert, d.sanitization.Get(ctx.Actor(), id));
  return http::Json(200, dto::CertificateJson(cert));
}

Result<http::Response> RecordRepair(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ReadBody<dto::NewRepair>(ctx));
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto repair, d.repairs.Record(ctx.Actor(), item, body.ToDomain()));
  return http::Json(201, dto::RepairJson(repair));
}

Result<http::Response> GetDisclosure(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto version, VersionQuery(ctx));
  RECIRC_TRY(auto item, ItemId::Parse(ctx.Param("id"), "id"));
  RECIRC_TRY(auto disclosure, d.disclosure.Get(item, version));
  return http::Json(200, json::value_from(dto::Disclosure::From(disclosure)));
}

}  // namespace

void AddInspectionRoutes(std::vector<http::Route>& routes, const InspectionApi& api) {
  using http::Verb;
  using P = identity::Permission;
  const InspectionServices* d = &api.services;
  auto bind = [d](Result<http::Response> (*fn)(const InspectionServices&, http::RequestContext&)) {
    return [d, fn](http::RequestContext& c) { return fn(*d, c); };
  };
  routes.push_back({Verb::get, "/api/v1/checklists", P::kPublic, bind(ListChecklists), 0});
  routes.push_back({Verb::get, "/api/v1/checklists/{id}", P::kPublic, bind(GetChecklist), 0});
  routes.push_back({Verb::post, "/api/v1/checklists/{id}/grade", P::kPublic, bind(PreviewGrade),
                    size_t{64} * 1024});
  // Inspectors, and a shop's staff for self-inspection; InspectionService decides which applies.
  routes.push_back({Verb::post, "/api/v1/items/{id}/inspections", P::kItemsService,
                    bind(SubmitInspection), size_t{64} * 1024});
  routes.push_back({Verb::get, "/api/v1/items/{id}/reports", P::kPublic, bind(ItemReports), 0});
  routes.push_back({Verb::get, "/api/v1/reports/{id}", P::kPublic, bind(GetReport), 0});
  routes.push_back({Verb::get, "/api/v1/reports/{id}/certificate.pdf", P::kPublic,
                    [d, url = api.public_base_url](http::RequestContext& c) {
                      return ReportCertificate(*d, url, c);
                    },
                    0});
  routes.push_back(
      {Verb::get, "/api/v1/reports/{id}/compare", P::kPublic, bind(CompareReports), 0});
  routes.push_back(
      {Verb::post, "/api/v1/reports/verify", P::kPublic, bind(VerifyReport), size_t{64} * 1024});
  routes.push_back({Verb::post, "/api/v1/items/{id}/sanitizations", P::kItemsService,
                    bind(RecordSanitization), size_t{16} * 1024});
  routes.push_back(
      {Verb::get, "/api/v1/sanitizations/{id}", P::kItemsService, bind(GetSanitization), 0});
  routes.push_back({Verb::post, "/api/v1/items/{id}/repairs", P::kItemsService, bind(RecordRepair),
                    size_t{32} * 1024});
  routes.push_back(
      {Verb::get, "/api/v1/items/{id}/disclosure", P::kPublic, bind(GetDisclosure), 0});
  const std::string tag = "inspection";
  http::Describe(routes, Verb::get, "/api/v1/checklists",
                 http::Document<void, dto::ChecklistList>(
                     "Every published checklist (category and version)", tag));
  http::Describe(
      routes, Verb::get, "/api/v1/checklists/{id}",
      http::Document<void, dto::Checklist>("One category's checklist with its grading rule "
                                           "(the newest version unless ?version=N)",
                                           tag)
          .Query("version", R"js({"type": "integer"})js"));
  http::Describe(routes, Verb::post, "/api/v1/checklists/{id}/grade",
                 http::Document<dto::GradeRequest, dto::GradePreview>(
                     "The grade the server computes for (possibly incomplete) results of a "
                     "checklist, for a form being filled in; nothing is stored or signed",
                     tag)
                     .Fails(404, "no such checklist"));
  http::Describe(routes, Verb::post, "/api/v1/items/{id}/inspections",
                 http::Document<dto::NewInspection, dto::SignedReport>(
                     "Submit an inspection: the server validates the results, computes the grade "
                     "and signs the report with the inspection body's key. A shop's staff may "
                     "inspect their own item of a self_allowed category (data/categories.json); "
                     "the report then says self_inspection: true",
                     tag, 201)
                     .Ok("Created")
                     .Fails(400, "invalid results, or item.category needs a third-party body")
                     .Fails(403, "not an inspector, or the shop does not hold the item"));
  http::Describe(routes, Verb::get, "/api/v1/items/{id}/reports",
                 http::Document<void, dto::SignedReportList>(
                     "Every signed report of an item, oldest first", tag));
  http::Describe(
      routes, Verb::get, "/api/v1/reports/{id}",
      http::Document<void, dto::SignedReport>("A signed report: the public report, its "
                                              "Ed25519 signature and the body's verifier key",
                                              tag));
  http::Describe(
      routes, Verb::get, "/api/v1/reports/{id}/certificate.pdf",
      http::Document<void, void>("The report as a PDF certificate (Chinese and "
                                 "English) with a QR code of the public verification "
                                 "page",
                                 tag)
          .Ok("the PDF")
          .Returns(200, "", "application/pdf", R"js({"type": "string", "format": "binary"})js"));
  http::Describe(routes, Verb::get, "/api/v1/reports/{id}/compare",
                 http::Document<void, dto::ReportComparison>(
                     "Differences check by check and grade by grade from an earlier report of the "
                     "same item",
                     tag)
                     .Query("with", R"js({"type": "string"})js", "", true));
  http::Describe(routes, Verb::post, "/api/v1/reports/verify",
                 http::Document<dto::VerifyReport, dto::ReportVerification>(
                     "Verify a report and signature without an account: valid, or invalid with "
                     "the reason",
                     tag));
  http::Describe(routes, Verb::post, "/api/v1/items/{id}/sanitizations",
                 http::Document<dto::NewSanitization, dto::SanitizationCertificate>(
                     "Record a data sanitization certificate (GB 46864-2025, NIST SP 800-88 "
                     "levels)",
                     tag, 201)
                     .Ok("Created"));
  http::Describe(
      routes, Verb::get, "/api/v1/sanitizations/{id}",
      http::Document<void, dto::SanitizationCertificate>(
          "A certificate recorded by your organisation, with the staff who signed it", tag));
  http::Describe(
      routes, Verb::post, "/api/v1/items/{id}/repairs",
      http::Document<dto::NewRepair, dto::Repair>("Record a repair with its replaced parts; an "
                                                  "identifier change is a red-flag event",
                                                  tag, 201)
          .Ok("Created"));
  http::Describe(routes, Verb::get, "/api/v1/items/{id}/disclosure",
                 http::Document<void, dto::Disclosure>(
                     "The disclosure generated from the item's recorded events, in zh-CN and en "
                     "(the newest version unless ?version=N)",
                     tag)
                     .Query("version", R"js({"type": "integer"})js"));
}

}  // namespace recirc::api
