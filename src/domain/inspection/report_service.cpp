#include "domain/inspection/report_service.hpp"

#include <boost/json.hpp>

#include <set>

#include <fmt/format.h>

#include "core/category.hpp"
#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/canonical_json.hpp"
#include "domain/inspection/events.hpp"
#include "tlog/hash.hpp"
#include "tlog/note.hpp"

namespace recirc::inspection {
namespace {

namespace json = boost::json;

json::object Text(const LocalText& t) { return {{"zh", t.zh}, {"en", t.en}}; }

std::vector<uint8_t> Message(std::string_view canonical) {
  std::string m(kReportSignatureContext);
  m += canonical;
  return {m.begin(), m.end()};
}

SignedReport FromRecord(const storage::InspectionReportRecord& r) {
  return {r.id, r.item_id, json::parse(r.document).as_object(), r.signature, r.verifier_key};
}

Status ValidateInput(const Checklist& checklist, const InspectionInput& in) {
  if (checklist.authenticity && !in.authenticity) {
    return Error::InvalidArgument("authenticity",
                                  "branded goods (" + checklist.name.en +
                                      ") need an authenticity verdict with its evidence")
        .Id("inspection.authenticity_required");
  }
  if (in.authenticity) {
    const auto& v = in.authenticity->verdict;
    if (v != "genuine" && v != "counterfeit" && v != "cannot_determine") {
      return Error::InvalidArgument("authenticity.verdict",
                                    "the verdict is genuine, counterfeit or cannot_determine")
          .Id("inspection.verdict");
    }
    RECIRC_CHECK(identity::CheckText(in.authenticity->evidence, "authenticity.evidence", 2000));
  }
  if (in.defects.size() > 20)
    return Error::InvalidArgument("defects", "at most 20 defects")
        .Id("inspection.too_many_defects")
        .Param("max", "20");
  for (size_t i = 0; i < in.defects.size(); ++i) {
    RECIRC_CHECK(identity::CheckText(in.defects[i], "defects[" + std::to_string(i) + "]", 200));
  }
  return Ok();
}

}  // namespace

Result<InspectorKind> InspectorKindOf(const identity::Principal& actor) {
  if (actor.Has(identity::Permission::kInspectionWrite) &&
      actor.kind == identity::OrganisationKind::kInspectionBody) {
    return InspectorKind::kThirdParty;
  }
  if (actor.Has(identity::Permission::kItemsService) &&
      actor.kind == identity::OrganisationKind::kOperator) {
    return InspectorKind::kSelf;
  }
  return Error::PermissionDenied(
             "only inspectors of an inspection body, or a shop's staff for its own low-risk "
             "items, sign reports")
      .Id("inspection.sign_forbidden");
}

Status InspectionService::CheckSelfInspection(storage::Session& s, const identity::Principal& actor,
                                              const storage::ItemRecord& item) const {
  const core::Category* category = core::CategoryVocabulary::Embedded().Find(item.category);
  if (category == nullptr || category->inspection != core::InspectionBy::kSelfAllowed) {
    const std::string label = category ? category->label_en : item.category;
    return Error::InvalidArgument("item.category",
                                  fmt::format("{} needs a third-party inspection body; the shop "
                                              "may not inspect it itself",
                                              label))
        .Id("inspection.third_party_required")
        .Param("category", item.category);
  }
  RECIRC_TRY(const bool holds, repo_.OrganisationHoldsItem(s, actor.organisation.id, item.id));
  if (!holds) {
    return Error::PermissionDenied("a shop inspects only items it acquired itself")
        .Id("inspection.self_not_holder");
  }
  return Ok();
}

Result<std::string> InspectionService::SignerKeyOf(storage::Session& s,
                                                   const std::string& organisation_id,
                                                   int64_t now) {
  RECIRC_TRY(auto existing, repo_.FindKey(s, organisation_id));
  storage::InspectionKeyRecord key;
  const std::string context = "inspection_key:" + organisation_id;
  if (existing) {
    key = std::move(*existing);
  } else {
    std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
    random_.Fill(seed);
    RECIRC_TRY(auto signer, tlog::Signer::FromSeed("recirc-inspection/" + organisation_id, seed));
    RECIRC_TRY(std::string enc, cipher_.Encrypt(signer.PrivateKey(), context, random_));
    RECIRC_TRY(key, repo_.InsertKeyIfAbsent(
                        s, {organisation_id, signer.VerifierKey(), std::move(enc), now}));
  }
  return cipher_.Decrypt(key.private_key_enc, context);
}

Result<SignedReport> InspectionService::Submit(const identity::Principal& actor,
                                               const ItemId& item_ref, const InspectionInput& in) {
  const std::string item_id = item_ref.ToString();
  RECIRC_TRY(const InspectorKind inspector, InspectorKindOf(actor));
  const bool self = inspector == InspectorKind::kSelf;
  const int64_t now = ToUnixMillis(clock_.Now());
  SignedReport out;
  out.id = Id::Generate(clock_, random_).ToString();
  out.item_id = item_id;
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto item, registry_.FindItem(s, item_id));
    if (!item) {
      return Error::NotFound("item " + item_id + " not found").Id("inspection.item_not_found");
    }
    const Checklist* checklist = in.checklist_version
                                     ? catalogue_.Find(item->category, *in.checklist_version)
                                     : catalogue_.Latest(item->category);
    if (checklist == nullptr) {
      if (in.checklist_version) {
        return Error::InvalidArgument("checklist_version",
                                      "no version " + std::to_string(*in.checklist_version) +
                                          " of the " + item->category + " checklist");
      }
      return Error::FailedPrecondition("there is no checklist for category " + item->category)
          .Id("inspection.no_checklist")
          .Param("category", item->category);
    }
    if (self) RECIRC_CHECK(CheckSelfInspection(s, actor, *item));
    RECIRC_CHECK(ValidateInput(*checklist, in));
    RECIRC_TRY(auto results, ValidateResults(*checklist, in.results));
    const Grade grade = EvaluateGrade(*checklist, results);

    json::object results_json;
    json::array failed;
    json::object measured;
    for (const auto& r : results) {
      results_json[r.check] = ResultValueJson(r);
      if (r.text == "fail") failed.push_back(json::string(r.check));
      if (r.number) measured[r.check] = *r.number;
    }
    json::object grade_json;
    json::object grade_summary;
    for (const auto& g : grade.scales) {
      json::array because;
      for (const auto& b : g.because) because.push_back(Text(b));
      grade_json[g.scale] = {{"value", g.value}, {"name", Text(g.name)}, {"because", because}};
      grade_summary[g.scale] = g.value;
    }
    json::array defects;
    for (const auto& d : in.defects) defects.push_back(json::string(d));

    RECIRC_TRY(std::string private_key, SignerKeyOf(s, actor.organisation.id, now));
    RECIRC_TRY(auto signer, tlog::Signer::FromPrivateKey(private_key));
    out.verifier_key = signer.VerifierKey();
    out.report = {
        {"type", "recirc.inspection_report.v1"},
        {"id", out.id},
        {"item",
         {{"id", item->id},
          {"category", item->category},
          {"brand", item->brand},
          {"model", item->model}}},
        {"inspection_body",
         {{"organisation_id", actor.organisation.id},
          {"name", actor.organisation.name},
          {"key", out.verifier_key}}},
        {"inspector_id", actor.user_id},
        {"checklist", {{"category", checklist->category}, {"version", checklist->version}}},
        {"results", results_json},
        {"grade", grade_json},
        {"defects", defects},
        {"inspected_at", FormatRfc3339(FromUnixMillis(now))},
        {"self_inspection", self},
    };
    if (in.authenticity) {
      out.report["authenticity"] = {{"verdict", in.authenticity->verdict},
                                    {"evidence", in.authenticity->evidence}};
    } else {
      out.report["authenticity"] = nullptr;
    }
    RECIRC_TRY(std::string canonical, CanonicalJson(out.report));
    const auto signature = signer.SignBytes(Message(canonical));
    out.signature = tlog::Base64Encode(signature);
    RECIRC_CHECK(repo_.InsertReport(
        s, {out.id, item->id, actor.organisation.id, actor.user_id, checklist->category,
            checklist->version, canonical, out.signature, out.verifier_key, now}));
    // Public facts only: the body (an organisation), never the inspector's name.
    json::object event{
        {"report_id", out.id},
        {"inspection_body_id", actor.organisation.id},
        {"checklist",
         {{"category", checklist->category},
          {"version", checklist->version},
          {"checks", static_cast<int64_t>(results.size())},
          {"failed", failed}}},
        {"measured", measured},
        {"grade", grade_summary},
        {"defects", defects},
        {"self_inspection", self},
    };
    event["authenticity"] =
        in.authenticity ? json::value(json::string(in.authenticity->verdict)) : nullptr;
    RECIRC_TRY(int64_t seq,
               journal_.Append(s, {events::kItemInspected, item->id, actor.organisation.id,
                                   actor.user_id, json::serialize(event)}));
    (void)seq;
    return Ok();
  }));
  return out;
}

Result<SignedReport> InspectionService::Get(const InspectionReportId& report_id) {
  const std::string id = report_id.ToString();
  RECIRC_TRY(auto found, storage::ReadValue<std::optional<storage::InspectionReportRecord>>(
                             db_, [&](storage::Session& s) { return repo_.FindReport(s, id); }));
  if (!found) return Error::NotFound("report " + id + " not found");
  return FromRecord(*found);
}

Result<std::vector<SignedReport>> InspectionService::OfItem(const ItemId& item_ref) {
  const std::string item_id = item_ref.ToString();
  RECIRC_TRY(
      auto records,
      storage::ReadValue<std::vector<storage::InspectionReportRecord>>(
          db_, [&](storage::Session& s) -> Result<std::vector<storage::InspectionReportRecord>> {
            RECIRC_TRY(auto item, registry_.FindItem(s, item_id));
            if (!item) return Error::NotFound("item " + item_id + " not found");
            return repo_.ReportsOfItem(s, item_id);
          }));
  std::vector<SignedReport> out;
  for (const auto& r : records) out.push_back(FromRecord(r));
  return out;
}

Verification VerifyReportOffline(const json::value& report, std::string_view signature,
                                 std::string_view key) {
  Verification v;
  const json::object* o = report.if_object();
  const json::value* body = o ? o->if_contains("inspection_body") : nullptr;
  const json::value* named =
      body && body->is_object() ? body->as_object().if_contains("key") : nullptr;
  auto canonical = CanonicalJson(report);
  auto verifier = tlog::Verifier::FromKey(key);
  if (o == nullptr || named == nullptr || !named->is_string() || !canonical || !verifier) {
    v.reason = "malformed_report";
    return v;
  }
  if (const auto* id = o->if_contains("id"); id && id->is_string()) {
    v.report_id = std::string(id->as_string());
  }
  if (named->as_string() != key) {
    v.reason = "key_not_of_body";
    return v;
  }
  auto bytes = tlog::Base64Decode(signature, "signature");
  if (!bytes || bytes->size() != tlog::kEd25519SignatureSize) {
    v.reason = "malformed_signature";
    return v;
  }
  if (!verifier->Verify(Message(*canonical), *bytes)) {
    v.reason = "signature_mismatch";
    return v;
  }
  v.valid = true;
  return v;
}

Verification InspectionService::Verify(const json::value& report, std::string_view signature) {
  Verification v;
  const json::object* o = report.if_object();
  const json::value* body = o ? o->if_contains("inspection_body") : nullptr;
  const json::value* key =
      body && body->is_object() ? body->as_object().if_contains("key") : nullptr;
  const json::value* org =
      body && body->is_object() ? body->as_object().if_contains("organisation_id") : nullptr;
  if (o == nullptr || key == nullptr || !key->is_string() || org == nullptr || !org->is_string()) {
    v.reason = "malformed_report";
    return v;
  }
  if (const auto* id = o->if_contains("id"); id && id->is_string()) {
    v.report_id = std::string(id->as_string());
  }
  auto canonical = CanonicalJson(report);
  auto verifier = tlog::Verifier::FromKey(key->as_string());
  if (!canonical || !verifier) {
    v.reason = "malformed_report";
    return v;
  }
  auto bytes = tlog::Base64Decode(signature, "signature");
  if (!bytes || bytes->size() != tlog::kEd25519SignatureSize) {
    v.reason = "malformed_signature";
    return v;
  }
  auto known = storage::ReadValue<std::optional<storage::InspectionKeyRecord>>(
      db_, [&](storage::Session& s) {
        return repo_.FindKeyByVerifier(s, std::string(key->as_string()));
      });
  if (!known || !*known) {
    v.reason = "unknown_key";
    return v;
  }
  if ((*known)->organisation_id != org->as_string()) {
    v.reason = "key_not_of_body";
    return v;
  }
  if (!verifier->Verify(Message(*canonical), *bytes)) {
    v.reason = "signature_mismatch";
    return v;
  }
  v.valid = true;
  return v;
}

Result<std::vector<Difference>> InspectionService::Compare(
    const InspectionReportId& id, const std::optional<InspectionReportId>& with_id) {
  RECIRC_TRY(SignedReport after, Get(id));
  if (!with_id) return Error::InvalidArgument("with", "the id of the report to compare with");
  const std::string with = with_id->ToString();
  auto before_found = Get(*with_id);
  if (!before_found) return Error::InvalidArgument("with", "no report " + with);
  const SignedReport& before = *before_found;
  if (before.item_id != after.item_id) {
    return Error::InvalidArgument("with", "report " + with + " is of another item");
  }
  std::vector<Difference> out;
  for (const char* section : {"results", "grade"}) {
    const json::object& b = before.report.at(section).as_object();
    const json::object& a = after.report.at(section).as_object();
    std::set<std::string> keys;
    for (const auto& kv : b) keys.insert(std::string(kv.key()));
    for (const auto& kv : a) keys.insert(std::string(kv.key()));
    const bool is_grade = std::string_view(section) == "grade";
    for (const auto& k : keys) {
      json::value bv = b.contains(k) ? b.at(k) : json::value(nullptr);
      json::value av = a.contains(k) ? a.at(k) : json::value(nullptr);
      if (is_grade) {
        if (bv.is_object()) bv = bv.as_object().at("value");
        if (av.is_object()) av = av.as_object().at("value");
      }
      if (bv != av) out.push_back({is_grade ? "grade" : "check", k, bv, av});
    }
  }
  return out;
}

}  // namespace recirc::inspection
