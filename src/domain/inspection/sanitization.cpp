#include "domain/inspection/sanitization.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/events.hpp"

namespace recirc::inspection {
namespace {

namespace json = boost::json;

constexpr std::array<std::string_view, 4> kMedia = {"flash", "magnetic", "hybrid", "optical"};
constexpr std::array<std::string_view, 3> kLevels = {"clear", "purge", "destroy"};
constexpr std::array<std::string_view, 4> kMethods = {"overwrite", "block_erase", "crypto_erase",
                                                      "destroy"};
constexpr std::array<std::string_view, 6> kDestinations = {
    "resale", "rental", "export", "recycling", "return_to_owner", "destroyed"};

template <size_t N>
Status OneOf(const std::array<std::string_view, N>& set, std::string_view v, const char* field) {
  if (std::find(set.begin(), set.end(), v) != set.end()) return Ok();
  std::string list;
  for (auto s : set) list += (list.empty() ? "" : ", ") + std::string(s);
  return Error::InvalidArgument(field, std::string(field) + " is one of " + list);
}

Status CheckSignoff(const Signoff& s, const std::string& who) {
  RECIRC_CHECK(identity::CheckText(s.name, who + ".name", 100));
  RECIRC_CHECK(identity::CheckText(s.title, who + ".title", 100));
  RECIRC_CHECK(CheckDate(s.date, who + ".date"));
  RECIRC_CHECK(identity::CheckText(s.place, who + ".place", 200));
  return Ok();
}

Status Validate(const SanitizationInput& in) {
  RECIRC_CHECK(identity::CheckText(in.manufacturer, "manufacturer", 64));
  RECIRC_CHECK(identity::CheckText(in.model, "model", 64));
  RECIRC_CHECK(identity::CheckText(in.serial, "serial", 64));
  if (in.asset_number) RECIRC_CHECK(identity::CheckText(*in.asset_number, "asset_number", 64));
  RECIRC_CHECK(OneOf(kMedia, in.media_type, "media_type"));
  RECIRC_CHECK(identity::CheckText(in.media_source, "media_source", 200));
  RECIRC_CHECK(OneOf(kLevels, in.level, "level"));
  RECIRC_CHECK(OneOf(kMethods, in.method, "method"));
  if ((in.level == "destroy") != (in.method == "destroy")) {
    return Error::InvalidArgument("method", "the destroy level, and only it, uses method destroy");
  }
  if (in.method == "overwrite") {
    // GB 46864-2025: magnetic media at least 3 passes (one random), flash at least 1 pass.
    const int64_t minimum = in.media_type == "magnetic" ? 3 : 1;
    if (!in.passes || *in.passes < minimum || *in.passes > 35) {
      return Error::InvalidArgument("passes", "overwriting " + in.media_type +
                                                  " media takes at least " +
                                                  std::to_string(minimum) + " pass(es)");
    }
  } else if (in.passes) {
    return Error::InvalidArgument("passes", "passes are given for overwriting only");
  }
  RECIRC_CHECK(identity::CheckText(in.tool, "tool", 100));
  RECIRC_CHECK(identity::CheckText(in.tool_version, "tool_version", 40));
  RECIRC_CHECK(identity::CheckText(in.verification_method, "verification_method", 200));
  if (in.verification_result != "passed" && in.verification_result != "failed") {
    return Error::InvalidArgument("verification_result", "passed or failed");
  }
  RECIRC_CHECK(CheckSignoff(in.sanitizer, "sanitizer"));
  RECIRC_CHECK(CheckSignoff(in.verifier, "verifier"));
  if (in.sanitizer.name == in.verifier.name) {
    return Error::InvalidArgument("verifier.name",
                                  "the clearing is verified by someone other than the sanitizer");
  }
  if (!in.consent.given) {
    return Error::InvalidArgument(
        "consent.given", "the owner is told the scope, method and impact and consents first");
  }
  if (!in.consent.method_explained) {
    return Error::InvalidArgument("consent.method_explained",
                                  "the owner is told the method and its impact");
  }
  RECIRC_CHECK(identity::CheckText(in.consent.scope, "consent.scope", 500));
  RECIRC_CHECK(CheckDate(in.consent.date, "consent.date"));
  RECIRC_CHECK(OneOf(kDestinations, in.destination, "destination"));
  return Ok();
}

json::object SignoffJson(const Signoff& s) {
  return {{"name", s.name}, {"title", s.title}, {"date", s.date}, {"place", s.place}};
}

std::string_view OfferName(OfferKind kind) {
  switch (kind) {
    case OfferKind::kSale:
      return "offered for sale";
    case OfferKind::kRental:
      return "rented out";
    case OfferKind::kExport:
      return "exported";
  }
  return "offered";
}

}  // namespace

std::string_view RuleOf(const Error& e) {
  const auto colon = std::string_view(e.message).find(':');
  if (e.code != ErrorCode::kFailedPrecondition || colon == std::string_view::npos) return {};
  return std::string_view(e.message).substr(0, colon);
}

Status CheckDate(std::string_view d, const std::string& field) {
  const bool shape =
      d.size() == 10 && d[4] == '-' && d[7] == '-' &&
      std::all_of(d.begin(), d.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  if (shape) {
    const int month = std::stoi(std::string(d.substr(5, 2)));
    const int day = std::stoi(std::string(d.substr(8, 2)));
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return Ok();
  }
  return Error::InvalidArgument(field, field + " is a date YYYY-MM-DD");
}

Status RequireSanitized(const Checklist* checklist,
                        const std::vector<storage::SanitizationRecord>& certificates,
                        OfferKind kind) {
  if (checklist == nullptr || !checklist->has_storage) return Ok();
  if (certificates.empty() || !certificates.back().passed) {
    return RuleError(kRuleSanitizationRequired,
                     "a " + checklist->name.en + " has storage and cannot be " +
                         std::string(OfferName(kind)) +
                         " without a passing data sanitization certificate",
                     "item_id");
  }
  return Ok();
}

Status MayServiceItem(storage::Session& s, const storage::InspectionRepository& repo,
                      const identity::Principal& actor, const std::string& item_id) {
  if (actor.kind == identity::OrganisationKind::kInspectionBody || actor.SeesAllOrganisations()) {
    return Ok();
  }
  RECIRC_TRY(bool holds, repo.OrganisationHoldsItem(s, actor.organisation.id, item_id));
  if (!holds) return Error::NotFound("item " + item_id + " is not in your organisation's stock");
  return Ok();
}

Result<Certificate> SanitizationService::Record(const identity::Principal& actor,
                                                const ItemId& item_ref,
                                                const SanitizationInput& in) {
  const std::string item_id = item_ref.ToString();
  if (!actor.Has(identity::Permission::kItemsService)) {
    return Error::PermissionDenied("your role cannot record data sanitization");
  }
  RECIRC_CHECK(Validate(in));
  const int64_t now = ToUnixMillis(clock_.Now());
  Certificate out;
  storage::SanitizationRecord& r = out.record;
  r.id = Id::Generate(clock_, random_).ToString();
  r.item_id = item_id;
  r.organisation_id = actor.organisation.id;
  r.recorded_by = actor.user_id;
  r.level = in.level;
  r.method = in.method;
  r.passed = in.verification_result == "passed";
  r.created_at = now;
  out.details = {
      {"manufacturer", in.manufacturer},
      {"model", in.model},
      {"serial", in.serial},
      {"media_type", in.media_type},
      {"media_source", in.media_source},
      {"level", in.level},
      {"method", in.method},
      {"tool", in.tool},
      {"tool_version", in.tool_version},
      {"verification_method", in.verification_method},
      {"verification_result", in.verification_result},
      {"sanitizer", SignoffJson(in.sanitizer)},
      {"verifier", SignoffJson(in.verifier)},
      {"consent",
       {{"given", in.consent.given},
        {"scope", in.consent.scope},
        {"method_explained", in.consent.method_explained},
        {"date", in.consent.date}}},
      {"destination", in.destination},
  };
  out.details["asset_number"] = in.asset_number ? json::value(*in.asset_number) : nullptr;
  out.details["passes"] = in.passes ? json::value(*in.passes) : nullptr;
  r.details = json::serialize(out.details);
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto item, registry_.FindItem(s, item_id));
    if (!item) return Error::NotFound("item " + item_id + " not found");
    RECIRC_CHECK(MayServiceItem(s, repo_, actor, item_id));
    RECIRC_CHECK(repo_.InsertSanitization(s, r));
    // No names, no serial (the item's identifiers are not public either).
    json::object event{{"certificate_id", r.id},
                       {"level", in.level},
                       {"method", in.method},
                       {"media_type", in.media_type},
                       {"tool", in.tool},
                       {"tool_version", in.tool_version},
                       {"result", in.verification_result},
                       {"destination", in.destination}};
    RECIRC_TRY(int64_t seq,
               journal_.Append(s, {events::kItemSanitized, item_id, actor.organisation.id,
                                   actor.user_id, json::serialize(event)}));
    (void)seq;
    return Ok();
  }));
  return out;
}

Result<Certificate> SanitizationService::Get(const identity::Principal& actor,
                                             const SanitizationId& certificate_id) {
  const std::string id = certificate_id.ToString();
  RECIRC_TRY(auto found,
             storage::ReadValue<std::optional<storage::SanitizationRecord>>(
                 db_, [&](storage::Session& s) { return repo_.FindSanitization(s, id); }));
  if (!found || !actor.InOrganisation(found->organisation_id)) {
    return Error::NotFound("certificate " + id + " not found");
  }
  return Certificate{*found, json::parse(found->details).as_object()};
}

Status SanitizationService::CanOffer(const std::string& item_id, OfferKind kind) {
  return db_.Read([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto item, registry_.FindItem(s, item_id));
    if (!item) return Error::NotFound("item " + item_id + " not found");
    if (item->status != registry::ItemStatus::kInStock) {
      return RuleError(kRuleItemHeld,
                       "the item is " + ToString(item->status) + " and cannot be offered",
                       "item_id")
          .Id("hold.status")
          .Param("status", ToString(item->status));
    }
    RECIRC_TRY(auto certificates, repo_.SanitizationsOfItem(s, item_id));
    return RequireSanitized(catalogue_.Latest(item->category), certificates, kind);
  });
}

}  // namespace recirc::inspection
