#include "api/inspection/dto.hpp"

#include "core/clock.hpp"

namespace recirc::api::dto {

namespace json = boost::json;

namespace {

ChecklistCheck CheckFrom(const inspection::Check& k) {
  ChecklistCheck out{k.id, std::string(inspection::CheckTypeName(k.type)), k.required,
                     LocalText::From(k.name)};
  if (k.type == inspection::CheckType::kMeasured) {
    out.unit.emplace(k.unit);
    out.min.emplace(k.min);
    out.max.emplace(k.max);
  }
  if (k.type == inspection::CheckType::kChoice) out.options.emplace(k.options);
  return out;
}

GradingRule RuleFrom(const inspection::Rule& r) {
  GradingRule out;
  out.scale = r.scale;
  out.when.check = r.when.check;
  switch (r.when.kind) {
    case inspection::Condition::Kind::kIs:
      out.when.is.emplace(r.when.is);
      break;
    case inspection::Condition::Kind::kBelow:
      out.when.below.emplace(r.when.number);
      break;
    case inspection::Condition::Kind::kAbove:
      out.when.above.emplace(r.when.number);
      break;
    case inspection::Condition::Kind::kIn:
      out.when.in.emplace(r.when.in);
      break;
  }
  if (r.cap) out.cap.emplace(*r.cap);
  if (r.step) out.step.emplace(r.step);
  if (r.because) out.because.emplace(LocalText::From(*r.because));
  return out;
}

}  // namespace

Checklist Checklist::From(const inspection::Checklist& c) {
  Checklist out;
  out.category = c.category;
  out.version = c.version;
  out.published = c.published;
  out.gbt30342 = {c.gbt30342_code, c.gbt30342_verified};
  out.name = LocalText::From(c.name);
  out.has_storage = c.has_storage;
  out.electrical = c.electrical;
  out.authenticity = c.authenticity;
  for (const auto& k : c.checks) out.checks.push_back(CheckFrom(k));
  for (const auto& s : c.scales) {
    ChecklistScale scale{s.id, LocalText::From(s.name), {}};
    for (const auto& g : s.grades) scale.grades.push_back({g.value, LocalText::From(g.name)});
    out.grading.scales.push_back(std::move(scale));
  }
  for (const auto& r : c.rules) out.grading.rules.push_back(RuleFrom(r));
  return out;
}

Result<json::object> ResultsObject(const json::value& results) {
  if (!results.is_object()) {
    return Error::InvalidArgument("results", "results is an object: check id -> value");
  }
  return results.as_object();
}

GradePreview GradePreview::From(const inspection::GradePreview& p) {
  GradePreview out{p.checklist->category, p.checklist->version, p.Complete(), p.missing, {}};
  for (const auto& g : p.grade.scales) {
    ScaleGradeResult grade{g.value, LocalText::From(g.name), {}};
    for (const auto& b : g.because) grade.because.push_back(LocalText::From(b));
    out.grade.emplace_back(g.scale, std::move(grade));
  }
  return out;
}

Result<inspection::InspectionInput> NewInspection::ToDomain() const {
  inspection::InspectionInput in;
  RECIRC_TRY(in.results, ResultsObject(results));
  in.checklist_version = checklist_version;
  if (authenticity) in.authenticity = {authenticity->verdict, authenticity->evidence};
  if (defects) in.defects = *defects;
  return in;
}

ReportVerification ReportVerification::From(const inspection::Verification& v) {
  ReportVerification out{v.valid, std::nullopt, v.report_id};
  if (!v.valid) out.reason = v.reason;
  return out;
}

namespace {
inspection::Signoff SignoffOf(const Signoff& s) { return {s.name, s.title, s.date, s.place}; }
}  // namespace

inspection::SanitizationInput NewSanitization::ToDomain() const {
  inspection::SanitizationInput in;
  in.manufacturer = manufacturer;
  in.model = model;
  in.serial = serial;
  in.asset_number = asset_number;
  in.media_type = media_type;
  in.media_source = media_source;
  in.level = level;
  in.method = method;
  in.passes = passes;
  in.tool = tool;
  in.tool_version = tool_version;
  in.verification_method = verification_method;
  in.verification_result = verification_result;
  in.sanitizer = SignoffOf(sanitizer);
  in.verifier = SignoffOf(verifier);
  in.consent = {consent.given, consent.scope, consent.method_explained, consent.date};
  in.destination = destination;
  return in;
}

inspection::RepairInput NewRepair::ToDomain() const {
  inspection::RepairInput in;
  in.repaired_at = repaired_at;
  in.repairer_name = repairer_name;
  in.description = description;
  if (parts) {
    for (const auto& p : *parts) in.parts.push_back({p.part, p.origin, p.brand, p.maker});
  }
  if (identifier_change) {
    const auto& c = *identifier_change;
    in.identifier_change = inspection::IdentifierChange{c.kind, c.old_value, c.new_value, c.reason};
  }
  return in;
}

namespace {

// The details, then each member of the record's answer (replacing a detail of the same name).
json::object WithRecord(json::object details, const json::value& record) {
  for (const auto& [key, value] : record.as_object()) details[key] = value;
  return details;
}

}  // namespace

json::object CertificateJson(const inspection::Certificate& c) {
  return WithRecord(c.details, json::value_from(SanitizationCertificate{
                                   c.record.id, c.record.item_id, c.record.organisation_id,
                                   c.record.passed, Time{c.record.created_at}}));
}

json::object RepairJson(const inspection::RepairView& r) {
  return WithRecord(r.details,
                    json::value_from(Repair{r.record.id, r.record.item_id, r.record.organisation_id,
                                            Time{r.record.created_at}}));
}

Disclosure Disclosure::From(const inspection::Disclosure& d) {
  Disclosure out{d.item_id, d.version, d.latest, d.based_on_seq, d.facts, {}};
  out.text.emplace_back("zh-CN", d.text_zh);
  out.text.emplace_back("en", d.text_en);
  return out;
}

}  // namespace recirc::api::dto
