// Inspection reports (public verification), data sanitization certificates, repairs and the
// disclosure: thin handlers over the inspection services.
#include <boost/json.hpp>

#include "api/inspection/routes.hpp"
#include "core/clock.hpp"
#include "documents/inspection_certificate.hpp"
#include "http/json_fields.hpp"

namespace recirc::api {
namespace {

namespace json = boost::json;
using inspection::InspectionServices;

// Runs `fn` on the object at `key` (required), prefixing field names in its errors with "key.".
template <class T, class F>
Result<T> Nested(const json::object& body, std::string_view key, F&& fn) {
  const json::value* v = body.if_contains(key);
  if (v == nullptr || !v->is_object()) {
    return Error::InvalidArgument(std::string(key), std::string(key) + " is a required object");
  }
  Result<T> r = fn(http::JsonFields(v->as_object()), v->as_object());
  if (!r && !r.error().field.empty()) {
    Error e = r.error();
    e.field = std::string(key) + "." + e.field;
    return e;
  }
  return r;
}

json::object Text(const inspection::LocalText& t) { return {{"zh", t.zh}, {"en", t.en}}; }

json::object ChecklistJson(const inspection::Checklist& c) {
  json::array checks;
  for (const auto& k : c.checks) {
    json::object o{{"id", k.id},
                   {"type", inspection::CheckTypeName(k.type)},
                   {"required", k.required},
                   {"name", Text(k.name)}};
    if (k.type == inspection::CheckType::kMeasured) {
      o["unit"] = k.unit;
      o["min"] = k.min;
      o["max"] = k.max;
    }
    if (k.type == inspection::CheckType::kChoice) {
      json::array options;
      for (const auto& opt : k.options) options.push_back(json::string(opt));
      o["options"] = options;
    }
    checks.push_back(std::move(o));
  }
  json::array scales;
  for (const auto& s : c.scales) {
    json::array grades;
    for (const auto& g : s.grades) grades.push_back({{"value", g.value}, {"name", Text(g.name)}});
    scales.push_back({{"id", s.id}, {"name", Text(s.name)}, {"grades", grades}});
  }
  json::array rules;
  for (const auto& r : c.rules) {
    json::object when{{"check", r.when.check}};
    switch (r.when.kind) {
      case inspection::Condition::Kind::kIs:
        when["is"] = r.when.is;
        break;
      case inspection::Condition::Kind::kBelow:
        when["below"] = r.when.number;
        break;
      case inspection::Condition::Kind::kAbove:
        when["above"] = r.when.number;
        break;
      case inspection::Condition::Kind::kIn: {
        json::array in;
        for (const auto& v : r.when.in) in.push_back(json::string(v));
        when["in"] = in;
        break;
      }
    }
    json::object o{{"scale", r.scale}, {"when", when}};
    if (r.cap) o["cap"] = *r.cap;
    if (r.step) o["step"] = r.step;
    if (r.because) o["because"] = Text(*r.because);
    rules.push_back(std::move(o));
  }
  return {{"category", c.category},
          {"version", c.version},
          {"published", c.published},
          {"gbt30342", {{"code", c.gbt30342_code}, {"verified", c.gbt30342_verified}}},
          {"name", Text(c.name)},
          {"has_storage", c.has_storage},
          {"electrical", c.electrical},
          {"authenticity", c.authenticity},
          {"checks", checks},
          {"grading", {{"scales", scales}, {"rules", rules}}}};
}

Result<http::Response> ListChecklists(const InspectionServices& d, http::RequestContext&) {
  json::array items;
  for (const auto& c : d.catalogue.all()) {
    items.push_back({{"category", c.category},
                     {"version", c.version},
                     {"name", Text(c.name)},
                     {"latest", d.catalogue.Latest(c.category) == &c}});
  }
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> GetChecklist(const InspectionServices& d, http::RequestContext& ctx) {
  const std::string category(ctx.Param("id"));
  const inspection::Checklist* c = nullptr;
  if (auto v = ctx.Query("version")) {
    char* end = nullptr;
    const long long version = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0') return Error::InvalidArgument("version", "a whole number");
    c = d.catalogue.Find(category, version);
  } else {
    c = d.catalogue.Latest(category);
  }
  if (c == nullptr) return Error::NotFound("no checklist " + category);
  return http::Json(200, ChecklistJson(*c));
}

// The grade the server would compute for these results, for a form being filled in: nothing is
// stored or signed, and required checks may still be missing (listed in "missing").
Result<http::Response> PreviewGrade(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"checklist_version", "results"}));
  const json::value* results = body.if_contains("results");
  if (results == nullptr || !results->is_object()) {
    return Error::InvalidArgument("results", "results is an object: check id -> value");
  }
  std::optional<int64_t> version;
  if (body.contains("checklist_version")) {
    RECIRC_TRY(int64_t asked, f.Integer("checklist_version"));
    version = asked;
  }
  RECIRC_TRY(auto preview,
             inspection::PreviewGrade(d.catalogue, ctx.Param("id"), version, results->as_object()));
  json::object grades;
  for (const auto& g : preview.grade.scales) {
    json::array because;
    for (const auto& b : g.because) because.push_back(Text(b));
    grades[g.scale] = {{"value", g.value}, {"name", Text(g.name)}, {"because", because}};
  }
  json::array missing(preview.missing.begin(), preview.missing.end());
  const inspection::Checklist* c = preview.checklist;
  return http::Json(200, json::object{{"category", c->category},
                                      {"version", c->version},
                                      {"complete", preview.Complete()},
                                      {"missing", std::move(missing)},
                                      {"grade", std::move(grades)}});
}

json::object SignedJson(const inspection::SignedReport& r) {
  return {{"report", r.report}, {"signature", r.signature}, {"verifier_key", r.verifier_key}};
}

Result<http::Response> SubmitInspection(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"checklist_version", "results", "authenticity", "defects"}));
  inspection::InspectionInput in;
  const json::value* results = body.if_contains("results");
  if (results == nullptr || !results->is_object()) {
    return Error::InvalidArgument("results", "results is an object: check id -> value");
  }
  in.results = results->as_object();
  if (body.contains("checklist_version")) {
    RECIRC_TRY(int64_t version, f.Integer("checklist_version"));
    in.checklist_version = version;
  }
  if (body.contains("authenticity")) {
    RECIRC_TRY(in.authenticity,
               (Nested<inspection::AuthenticityInput>(
                   body, "authenticity",
                   [](const http::JsonFields& a,
                      const json::object&) -> Result<inspection::AuthenticityInput> {
                     RECIRC_CHECK(a.OnlyKnown({"verdict", "evidence"}));
                     inspection::AuthenticityInput out;
                     RECIRC_TRY(out.verdict, a.String("verdict"));
                     RECIRC_TRY(out.evidence, a.String("evidence"));
                     return out;
                   })));
  }
  if (const auto* defects = body.if_contains("defects")) {
    if (!defects->is_array()) return Error::InvalidArgument("defects", "an array of strings");
    for (const auto& t : defects->as_array()) {
      if (!t.is_string()) return Error::InvalidArgument("defects", "an array of strings");
      in.defects.emplace_back(t.as_string());
    }
  }
  RECIRC_TRY(auto report, d.reports.Submit(ctx.Actor(), std::string(ctx.Param("id")), in));
  return http::Json(201, SignedJson(report));
}

Result<http::Response> ItemReports(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto reports, d.reports.OfItem(std::string(ctx.Param("id"))));
  json::array items;
  for (const auto& r : reports) items.push_back(SignedJson(r));
  return http::Json(200, json::object{{"items", std::move(items)}});
}

Result<http::Response> GetReport(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto report, d.reports.Get(std::string(ctx.Param("id"))));
  return http::Json(200, SignedJson(report));
}

// The QR code points to the configured public address, never to this request's Host header.
Result<http::Response> ReportCertificate(const InspectionServices& d,
                                         const std::string& public_base_url,
                                         http::RequestContext& ctx) {
  RECIRC_TRY(auto signed_report, d.reports.Get(std::string(ctx.Param("id"))));
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
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(f.OnlyKnown({"report", "signature", "verifier_key"}));
  const json::value* report = body.if_contains("report");
  if (report == nullptr || !report->is_object()) {
    return Error::InvalidArgument("report", "report is the report object as published");
  }
  RECIRC_TRY(std::string signature, f.String("signature"));
  const auto v = d.reports.Verify(*report, signature);
  json::object out{{"valid", v.valid}};
  out["reason"] = v.valid ? json::value(nullptr) : json::value(v.reason);
  out["report_id"] = v.report_id ? json::value(*v.report_id) : nullptr;
  return http::Json(200, out);
}

Result<http::Response> CompareReports(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto diff,
             d.reports.Compare(std::string(ctx.Param("id")), ctx.Query("with").value_or("")));
  json::array items;
  for (const auto& x : diff) {
    items.push_back({{"what", x.what}, {"id", x.id}, {"before", x.before}, {"after", x.after}});
  }
  return http::Json(200, json::object{{"report_id", std::string(ctx.Param("id"))},
                                      {"with", ctx.Query("with").value_or("")},
                                      {"differences", std::move(items)}});
}

Result<inspection::Signoff> ParseSignoff(const json::object& body, std::string_view key) {
  return Nested<inspection::Signoff>(
      body, key, [](const http::JsonFields& s, const json::object&) -> Result<inspection::Signoff> {
        RECIRC_CHECK(s.OnlyKnown({"name", "title", "date", "place"}));
        inspection::Signoff out;
        RECIRC_TRY(out.name, s.String("name"));
        RECIRC_TRY(out.title, s.String("title"));
        RECIRC_TRY(out.date, s.String("date"));
        RECIRC_TRY(out.place, s.String("place"));
        return out;
      });
}

json::object CertificateJson(const inspection::Certificate& c) {
  json::object o = c.details;
  o["id"] = c.record.id;
  o["item_id"] = c.record.item_id;
  o["organisation_id"] = c.record.organisation_id;
  o["passed"] = c.record.passed;
  o["created_at"] = FormatRfc3339(FromUnixMillis(c.record.created_at));
  return o;
}

Result<http::Response> RecordSanitization(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(
      f.OnlyKnown({"manufacturer", "model", "serial", "asset_number", "media_type", "media_source",
                   "level", "method", "passes", "tool", "tool_version", "verification_method",
                   "verification_result", "sanitizer", "verifier", "consent", "destination"}));
  inspection::SanitizationInput in;
  RECIRC_TRY(in.manufacturer, f.String("manufacturer"));
  RECIRC_TRY(in.model, f.String("model"));
  RECIRC_TRY(in.serial, f.String("serial"));
  RECIRC_TRY(in.asset_number, f.OptionalString("asset_number"));
  RECIRC_TRY(in.media_type, f.String("media_type"));
  RECIRC_TRY(in.media_source, f.String("media_source"));
  RECIRC_TRY(in.level, f.String("level"));
  RECIRC_TRY(in.method, f.String("method"));
  if (body.contains("passes")) {
    RECIRC_TRY(int64_t passes, f.Integer("passes"));
    in.passes = passes;
  }
  RECIRC_TRY(in.tool, f.String("tool"));
  RECIRC_TRY(in.tool_version, f.String("tool_version"));
  RECIRC_TRY(in.verification_method, f.String("verification_method"));
  RECIRC_TRY(in.verification_result, f.String("verification_result"));
  RECIRC_TRY(in.sanitizer, ParseSignoff(body, "sanitizer"));
  RECIRC_TRY(in.verifier, ParseSignoff(body, "verifier"));
  RECIRC_TRY(in.consent,
             (Nested<inspection::Consent>(
                 body, "consent",
                 [](const http::JsonFields& c, const json::object&) -> Result<inspection::Consent> {
                   RECIRC_CHECK(c.OnlyKnown({"given", "scope", "method_explained", "date"}));
                   inspection::Consent out;
                   RECIRC_TRY(out.given, c.OptionalBool("given", false));
                   RECIRC_TRY(out.scope, c.String("scope"));
                   RECIRC_TRY(out.method_explained, c.OptionalBool("method_explained", false));
                   RECIRC_TRY(out.date, c.String("date"));
                   return out;
                 })));
  RECIRC_TRY(in.destination, f.String("destination"));
  RECIRC_TRY(auto cert, d.sanitization.Record(ctx.Actor(), std::string(ctx.Param("id")), in));
  return http::Json(201, CertificateJson(cert));
}

Result<http::Response> GetSanitization(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto cert, d.sanitization.Get(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::Json(200, CertificateJson(cert));
}

Result<http::Response> RecordRepair(const InspectionServices& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto body, ctx.JsonObject());
  http::JsonFields f(body);
  RECIRC_CHECK(
      f.OnlyKnown({"repaired_at", "repairer_name", "description", "parts", "identifier_change"}));
  inspection::RepairInput in;
  RECIRC_TRY(in.repaired_at, f.String("repaired_at"));
  RECIRC_TRY(in.repairer_name, f.String("repairer_name"));
  RECIRC_TRY(in.description, f.String("description"));
  if (const auto* parts = body.if_contains("parts")) {
    if (!parts->is_array()) return Error::InvalidArgument("parts", "an array of parts");
    for (size_t i = 0; i < parts->as_array().size(); ++i) {
      const json::value& p = parts->as_array()[i];
      const std::string key = "parts[" + std::to_string(i) + "]";
      json::object holder{{key, p}};
      RECIRC_TRY(
          auto part,
          (Nested<inspection::PartInput>(
              holder, key,
              [](const http::JsonFields& pf, const json::object&) -> Result<inspection::PartInput> {
                RECIRC_CHECK(pf.OnlyKnown({"part", "origin", "brand", "maker"}));
                inspection::PartInput out;
                RECIRC_TRY(out.part, pf.String("part"));
                RECIRC_TRY(out.origin, pf.String("origin"));
                RECIRC_TRY(out.brand, pf.String("brand"));
                RECIRC_TRY(out.maker, pf.String("maker"));
                return out;
              })));
      in.parts.push_back(std::move(part));
    }
  }
  if (body.contains("identifier_change")) {
    RECIRC_TRY(in.identifier_change,
               (Nested<inspection::IdentifierChange>(
                   body, "identifier_change",
                   [](const http::JsonFields& c,
                      const json::object&) -> Result<inspection::IdentifierChange> {
                     RECIRC_CHECK(c.OnlyKnown({"kind", "old_value", "new_value", "reason"}));
                     inspection::IdentifierChange out;
                     RECIRC_TRY(out.kind, c.String("kind"));
                     RECIRC_TRY(out.old_value, c.String("old_value"));
                     RECIRC_TRY(out.new_value, c.String("new_value"));
                     RECIRC_TRY(out.reason, c.String("reason"));
                     return out;
                   })));
  }
  RECIRC_TRY(auto repair, d.repairs.Record(ctx.Actor(), std::string(ctx.Param("id")), in));
  json::object o = repair.details;
  o["id"] = repair.record.id;
  o["item_id"] = repair.record.item_id;
  o["organisation_id"] = repair.record.organisation_id;
  o["created_at"] = FormatRfc3339(FromUnixMillis(repair.record.created_at));
  return http::Json(201, o);
}

Result<http::Response> GetDisclosure(const InspectionServices& d, http::RequestContext& ctx) {
  std::optional<int64_t> version;
  if (auto v = ctx.Query("version")) {
    char* end = nullptr;
    version = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0') return Error::InvalidArgument("version", "a whole number");
  }
  RECIRC_TRY(auto disclosure, d.disclosure.Get(std::string(ctx.Param("id")), version));
  return http::Json(
      200, json::object{{"item_id", disclosure.item_id},
                        {"version", disclosure.version},
                        {"latest_version", disclosure.latest},
                        {"based_on_seq", disclosure.based_on_seq},
                        {"facts", disclosure.facts},
                        {"text", {{"zh-CN", disclosure.text_zh}, {"en", disclosure.text_en}}}});
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
  routes.push_back({Verb::post, "/api/v1/items/{id}/inspections", P::kInspectionWrite,
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
}

}  // namespace recirc::api
