#pragma once
// The inspection context on the wire (checklists, signed reports, sanitization certificates,
// repairs, the disclosure), described once and mapped with value_from / jsonmap::Read
// (http/describe_json.hpp). Errors name the field by its path ("consent.scope",
// "parts[0].origin").

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include "domain/inspection/disclosure.hpp"
#include "domain/inspection/grading.hpp"
#include "domain/inspection/repair.hpp"
#include "domain/inspection/report_service.hpp"
#include "domain/inspection/sanitization.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::OrderedMap;
using jsonmap::tag_invoke;
using jsonmap::Time;
using FieldSchema = std::pair<std::string_view, std::string_view>;

// ----- checklists -----

struct LocalText {
  std::string zh;
  std::string en;
  static LocalText From(const inspection::LocalText& t) { return {t.zh, t.en}; }
};
BOOST_DESCRIBE_STRUCT(LocalText, (), (zh, en))

struct ChecklistCheck {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"type", R"js({"enum": ["pass_fail", "measured", "choice", "photo"]})js"}};
  std::string id;
  std::string type;
  bool required = false;
  LocalText name;
  Omitted<std::string> unit;  // measured
  Omitted<int64_t> min;
  Omitted<int64_t> max;
  Omitted<std::vector<std::string>> options;  // choice
};
BOOST_DESCRIBE_STRUCT(ChecklistCheck, (), (id, type, required, name, unit, min, max, options))

struct ChecklistGrade {
  std::string value;
  LocalText name;
};
BOOST_DESCRIBE_STRUCT(ChecklistGrade, (), (value, name))

struct ChecklistScale {
  std::string id;
  LocalText name;
  std::vector<ChecklistGrade> grades;
};
BOOST_DESCRIBE_STRUCT(ChecklistScale, (), (id, name, grades))

// One of is / below / above / in.
struct RuleCondition {
  std::string check;
  Omitted<std::string> is;
  Omitted<int64_t> below;
  Omitted<int64_t> above;
  Omitted<std::vector<std::string>> in;
};
BOOST_DESCRIBE_STRUCT(RuleCondition, (), (check, is, below, above, in))

struct GradingRule {
  std::string scale;
  RuleCondition when;
  Omitted<std::string> cap;
  Omitted<int64_t> step;
  Omitted<LocalText> because;
};
BOOST_DESCRIBE_STRUCT(GradingRule, (), (scale, when, cap, step, because))

struct Gbt30342 {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"verified",
       R"js({"description": "false: the code is provisional, not yet checked against the standard's text"})js"}};
  std::string code;
  bool verified = false;
};
BOOST_DESCRIBE_STRUCT(Gbt30342, (), (code, verified))

struct Grading {
  std::vector<ChecklistScale> scales;
  std::vector<GradingRule> rules;
};
BOOST_DESCRIBE_STRUCT(Grading, (), (scales, rules))

struct Checklist {
  static constexpr std::string_view kSchemaName = "Checklist";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"grading",
       R"js({"description": "Each scale starts at its best grade; a step rule makes it that many grades worse, a cap rule keeps it no better than the cap"})js"}};
  std::string category;
  int64_t version = 0;
  std::string published;
  Gbt30342 gbt30342;
  LocalText name;
  bool has_storage = false;
  bool electrical = false;
  bool authenticity = false;
  std::vector<ChecklistCheck> checks;
  Grading grading;
  static Checklist From(const inspection::Checklist& c);
};
BOOST_DESCRIBE_STRUCT(Checklist, (),
                      (category, version, published, gbt30342, name, has_storage, electrical,
                       authenticity, checks, grading))

struct ChecklistSummary {
  std::string category;
  int64_t version = 0;
  LocalText name;
  bool latest = false;
};
BOOST_DESCRIBE_STRUCT(ChecklistSummary, (), (category, version, name, latest))

struct ChecklistList {
  static constexpr std::string_view kSchemaName = "ChecklistList";
  std::vector<ChecklistSummary> items;
};
BOOST_DESCRIBE_STRUCT(ChecklistList, (), (items))

constexpr std::string_view kResults =
    R"js({"type": "object", "description": "check id -> \"pass\"/\"fail\", a whole number in the check's unit, an option, or a photo reference \"sha256:<hex>\"", "additionalProperties": true})js";

// Results must be an object (check id -> value).
Result<boost::json::object> ResultsObject(const boost::json::value& results);

struct GradeRequest {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"results",
       R"js({"type": "object", "description": "check id -> value, as for an inspection"})js"}};
  std::optional<int64_t> checklist_version;
  boost::json::value results;
};
BOOST_DESCRIBE_STRUCT(GradeRequest, (), (checklist_version, results))

struct ScaleGradeResult {
  std::string value;
  LocalText name;
  std::vector<LocalText> because;
};
BOOST_DESCRIBE_STRUCT(ScaleGradeResult, (), (value, name, because))

struct GradePreview {
  static constexpr FieldSchema kFieldSchemas[] = {
      {"complete", R"js({"description": "every required check has a result"})js"},
      {"missing", R"js({"description": "required checks without a result"})js"},
      {"grade", R"js({"description": "scale id -> {value, name {zh,en}, because [{zh,en}]}"})js"}};
  std::string category;
  int64_t version = 0;
  bool complete = false;
  std::vector<std::string> missing;
  OrderedMap<ScaleGradeResult> grade;  // scale id -> grade, in the checklist's scale order
  static GradePreview From(const inspection::GradePreview& p);
};
BOOST_DESCRIBE_STRUCT(GradePreview, (), (category, version, complete, missing, grade))

// ----- signed reports -----

struct Authenticity {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"verdict", R"js({"enum": ["genuine", "counterfeit", "cannot_determine"]})js"}};
  std::string verdict;
  std::string evidence;
};
BOOST_DESCRIBE_STRUCT(Authenticity, (), (verdict, evidence))

struct NewInspection {
  static constexpr std::string_view kSchemaName = "NewInspection";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"results", kResults}};
  std::optional<int64_t> checklist_version;
  boost::json::value results;
  Omitted<Authenticity> authenticity;
  Omitted<std::vector<std::string>> defects;
  Result<inspection::InspectionInput> ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewInspection, (), (checklist_version, results, authenticity, defects))

struct SignedReport {
  static constexpr std::string_view kSchemaName = "SignedReport";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"report",
       R"js({"type": "object", "description": "The public report; its canonical JSON (sorted keys, no whitespace) prefixed with \"recirc inspection report v1\\n\" is what is signed"})js"},
      {"signature", R"js({"description": "base64 Ed25519 signature"})js"},
      {"verifier_key",
       R"js({"description": "C2SP signed-note verifier key of the inspection body"})js"}};
  boost::json::value report;
  std::string signature;
  std::string verifier_key;
  static SignedReport From(const inspection::SignedReport& r) {
    return {r.report, r.signature, r.verifier_key};
  }
};
BOOST_DESCRIBE_STRUCT(SignedReport, (), (report, signature, verifier_key))

struct SignedReportList {
  static constexpr std::string_view kSchemaName = "SignedReportList";
  std::vector<SignedReport> items;
};
BOOST_DESCRIBE_STRUCT(SignedReportList, (), (items))

struct VerifyReport {
  static constexpr std::string_view kSchemaName = "VerifyReport";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"report", R"js({"type": "object"})js"},
                                                  {"verifier_key", R"js({"type": "string"})js"}};
  boost::json::value report;
  std::string signature;
  std::optional<boost::json::value> verifier_key;  // accepted, not needed
};
BOOST_DESCRIBE_STRUCT(VerifyReport, (), (report, signature, verifier_key))

struct ReportVerification {
  static constexpr std::string_view kSchemaName = "ReportVerification";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"reason",
       R"js({"enum": ["malformed_report", "malformed_signature", "unknown_key", "key_not_of_body", "signature_mismatch", null]})js"}};
  bool valid = false;
  std::optional<std::string> reason;
  std::optional<std::string> report_id;
  static ReportVerification From(const inspection::Verification& v);
};
BOOST_DESCRIBE_STRUCT(ReportVerification, (), (valid, reason, report_id))

struct ReportDifference {
  static constexpr FieldSchema kFieldSchemas[] = {{"what", R"js({"enum": ["check", "grade"]})js"}};
  std::string what;
  std::string id;
  boost::json::value before;
  boost::json::value after;
};
BOOST_DESCRIBE_STRUCT(ReportDifference, (), (what, id, before, after))

struct ReportComparison {
  static constexpr std::string_view kSchemaName = "ReportComparison";
  std::string report_id;
  std::string with;
  std::vector<ReportDifference> differences;
};
BOOST_DESCRIBE_STRUCT(ReportComparison, (), (report_id, with, differences))

// ----- sanitization, repairs, disclosure -----

struct Signoff {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"date", R"js({"format": "date"})js"}};
  std::string name;
  std::string title;
  std::string date;
  std::string place;
};
BOOST_DESCRIBE_STRUCT(Signoff, (), (name, title, date, place))

struct Consent {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"date", R"js({"format": "date"})js"}};
  bool given = false;
  std::string scope;
  bool method_explained = false;
  std::string date;
};
BOOST_DESCRIBE_STRUCT(Consent, (), (given, scope, method_explained, date))

struct NewSanitization {
  static constexpr std::string_view kSchemaName = "NewSanitization";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"media_type", R"js({"enum": ["flash", "magnetic", "hybrid", "optical"]})js"},
      {"level", R"js({"enum": ["clear", "purge", "destroy"]})js"},
      {"method", R"js({"enum": ["overwrite", "block_erase", "crypto_erase", "destroy"]})js"},
      {"passes",
       R"js({"description": "overwrite only: at least 3 for magnetic media, 1 for flash"})js"},
      {"verification_result", R"js({"enum": ["passed", "failed"]})js"},
      {"consent", R"js({"required": ["given", "scope", "method_explained", "date"]})js"},
      {"destination",
       R"js({"enum": ["resale", "rental", "export", "recycling", "return_to_owner", "destroyed"]})js"}};
  std::string manufacturer;
  std::string model;
  std::string serial;
  std::optional<std::string> asset_number;
  std::string media_type;
  std::string media_source;
  std::string level;
  std::string method;
  std::optional<int64_t> passes;
  std::string tool;
  std::string tool_version;
  std::string verification_method;
  std::string verification_result;
  Signoff sanitizer;
  Signoff verifier;
  Consent consent;
  std::string destination;
  inspection::SanitizationInput ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewSanitization, (),
                      (manufacturer, model, serial, asset_number, media_type, media_source, level,
                       method, passes, tool, tool_version, verification_method, verification_result,
                       sanitizer, verifier, consent, destination))

struct RepairPart {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"origin", R"js({"enum": ["original", "third_party"]})js"}};
  std::string part;
  std::string origin;
  std::string brand;
  std::string maker;
};
BOOST_DESCRIBE_STRUCT(RepairPart, (), (part, origin, brand, maker))

struct IdentifierChange {
  static constexpr bool kRequest = true;
  std::string kind;
  std::string old_value;
  std::string new_value;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(IdentifierChange, (), (kind, old_value, new_value, reason))

struct NewRepair {
  static constexpr std::string_view kSchemaName = "NewRepair";
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {{"repaired_at", R"js({"format": "date"})js"}};
  std::string repaired_at;
  std::string repairer_name;
  std::string description;
  Omitted<std::vector<RepairPart>> parts;
  Omitted<IdentifierChange> identifier_change;
  inspection::RepairInput ToDomain() const;
};
BOOST_DESCRIBE_STRUCT(NewRepair, (),
                      (repaired_at, repairer_name, description, parts, identifier_change))

// A certificate or repair answer: its recorded details (the request as stored, described by
// NewSanitization / NewRepair) followed by the record's fields, described here.
struct SanitizationCertificate {
  static constexpr std::string_view kSchemaName = "SanitizationCertificate";
  using Extends = NewSanitization;
  std::string id;
  std::string item_id;
  std::string organisation_id;
  bool passed = false;
  Time created_at;
};
BOOST_DESCRIBE_STRUCT(SanitizationCertificate, (),
                      (id, item_id, organisation_id, passed, created_at))

struct Repair {
  static constexpr std::string_view kSchemaName = "Repair";
  using Extends = NewRepair;
  std::string id;
  std::string item_id;
  std::string organisation_id;
  Time created_at;
};
BOOST_DESCRIBE_STRUCT(Repair, (), (id, item_id, organisation_id, created_at))

boost::json::object CertificateJson(const inspection::Certificate& c);
boost::json::object RepairJson(const inspection::RepairView& r);

struct Disclosure {
  static constexpr std::string_view kSchemaName = "Disclosure";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"facts", R"js({"type": "object"})js"},
      {"text", R"js({"properties": {"zh-CN": {"type": "string"}, "en": {"type": "string"}}})js"}};
  std::string item_id;
  int64_t version = 0;
  int64_t latest_version = 0;
  int64_t based_on_seq = 0;
  boost::json::value facts;
  OrderedMap<std::string> text;  // zh-CN, en
  static Disclosure From(const inspection::Disclosure& d);
};
BOOST_DESCRIBE_STRUCT(Disclosure, (), (item_id, version, latest_version, based_on_seq, facts, text))

}  // namespace recirc::api::dto
