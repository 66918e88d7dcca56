// The shop's own views of its register and corrections (RegistrationService, second part).
// A registration is never edited: a correction is a record naming it, with the changed fields
// (old and new values) and a reason. Item facts (category, brand, model) are corrected on the
// item itself so that later readers see them; the registration's own facts (price, colour,
// condition, quantity) are the original with the chain applied.
#include <boost/json.hpp>

#include <charconv>

#include "core/id.hpp"
#include "core/money.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::registry {
namespace {

namespace json = boost::json;

std::optional<std::string> OptString(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  return std::nullopt;
}

json::value ToJson(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

std::vector<FieldChange> ParseChanges(const std::string& text) {
  std::vector<FieldChange> out;
  const json::value v = json::parse(text);
  for (const auto& c : v.as_array()) {
    const auto& o = c.as_object();
    out.push_back(
        {std::string(o.at("field").as_string()), OptString(o.at("old")), OptString(o.at("new"))});
  }
  return out;
}

std::string ChangesJson(const std::vector<FieldChange>& changes) {
  json::array a;
  for (const auto& c : changes) {
    a.push_back({{"field", c.field}, {"old", ToJson(c.old_value)}, {"new", ToJson(c.new_value)}});
  }
  return json::serialize(a);
}

int64_t ToInt(const std::optional<std::string>& v, int64_t fallback) {
  if (!v) return fallback;
  int64_t out = fallback;
  std::from_chars(v->data(), v->data() + v->size(), out);
  return out;
}

// The registration's facts with every correction of the chain applied, in order.
void ApplyChain(AcquisitionView& view, const storage::AcquisitionRecord& a,
                const std::vector<storage::CorrectionRecord>& chain) {
  const json::value details = json::parse(a.details);
  const auto& d = details.as_object();
  view.price_fen = a.price_fen;
  view.condition = d.contains("condition") ? std::string(d.at("condition").as_string()) : "";
  view.quantity = d.contains("quantity") ? d.at("quantity").to_number<int64_t>() : 1;
  if (d.contains("colour")) view.colour = std::string(d.at("colour").as_string());
  for (const auto& c : chain) {
    CorrectionView cv{c.id, c.staff_id, c.reason, ParseChanges(c.changes), c.created_at};
    for (const auto& ch : cv.changes) {
      if (ch.field == "price_fen") view.price_fen = ToInt(ch.new_value, view.price_fen);
      if (ch.field == "item.condition") view.condition = ch.new_value.value_or("");
      if (ch.field == "item.colour") view.colour = ch.new_value;
      if (ch.field == "item.quantity") view.quantity = ToInt(ch.new_value, view.quantity);
    }
    view.corrections.push_back(std::move(cv));
  }
}

Status ValidateCorrection(const CorrectionInput& in) {
  RECIRC_CHECK(identity::CheckText(in.reason, "reason", 500));
  if (in.price_fen) RECIRC_CHECK(CheckFen(*in.price_fen, "price_fen"));
  if (in.category) RECIRC_CHECK(CheckCategory(*in.category));
  if (in.brand) RECIRC_CHECK(identity::CheckText(*in.brand, "item.brand", 64));
  if (in.model) RECIRC_CHECK(identity::CheckText(*in.model, "item.model", 64));
  if (in.colour) RECIRC_CHECK(identity::CheckText(*in.colour, "item.colour", 32));
  if (in.condition) RECIRC_CHECK(identity::CheckText(*in.condition, "item.condition", 200));
  if (in.quantity && (*in.quantity < 1 || *in.quantity > 1000)) {
    return Error::InvalidArgument("item.quantity", "the quantity is 1 to 1000");
  }
  if (in.identifiers.size() > 8) return Error::InvalidArgument("item.identifiers", "at most 8");
  if (!in.price_fen && !in.category && !in.brand && !in.model && !in.colour && !in.condition &&
      !in.quantity && in.identifiers.empty()) {
    return Error::InvalidArgument("item", "a correction names at least one field to change");
  }
  return Ok();
}

}  // namespace

Result<AcquisitionView> RegistrationService::View(const identity::Principal& actor,
                                                  const AcquisitionId& acquisition) {
  const std::string id = acquisition.ToString();
  return storage::ReadValue<AcquisitionView>(
      db_, [&](storage::Session& s) -> Result<AcquisitionView> {
        RECIRC_TRY(auto a, repo_.FindAcquisition(s, id));
        if (!a || !actor.InOrganisation(a->organisation_id)) {
          return Error::NotFound("acquisition " + id + " not found");
        }
        RECIRC_TRY(auto item, repo_.FindItem(s, a->item_id));
        if (!item) return Error::Internal("acquisition " + id + " has no item");
        RECIRC_TRY(auto chain, repo_.CorrectionsOf(s, id));
        AcquisitionView v;
        v.receipt = {a->id, a->number, a->item_id, ReceiptStatusOf(a->status), a->created_at};
        v.outlet_id = a->outlet_id;
        v.kind = a->kind;
        v.channel = a->channel;
        v.payment_method = a->payment_method;
        v.category = item->category;
        v.brand = item->brand;
        v.model = item->model;
        ApplyChain(v, *a, chain);
        RECIRC_TRY(v.identifiers, repo_.IdentifiersOfItem(s, a->item_id));
        RECIRC_TRY(v.sellability, holds_.IsSellable(s, a->item_id));
        return v;
      });
}

Result<AcquisitionPage> RegistrationService::List(const identity::Principal& actor,
                                                  const AcquisitionListInput& in) {
  if (!actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("your role cannot read the register of acquisitions");
  }
  if (in.limit < 1 || in.limit > 200) return Error::InvalidArgument("limit", "1 to 200");
  storage::AcquisitionListQuery q;
  q.organisation_id = actor.organisation.id;
  q.outlet_id = in.outlet_id.value_or("");
  q.from = in.from.value_or(0);
  q.to = in.to.value_or(INT64_MAX);
  q.limit = in.limit + 1;  // one more tells whether there is a next page
  if (in.cursor) {
    const auto dot = in.cursor->find('.');
    int64_t at = 0;
    const char* end = in.cursor->data() + (dot == std::string::npos ? 0 : dot);
    auto [ptr, ec] = std::from_chars(in.cursor->data(), end, at);
    if (dot == std::string::npos || ec != std::errc() || ptr != end ||
        dot + 1 >= in.cursor->size()) {
      return Error::InvalidArgument("cursor", "pass next_cursor of the previous page unchanged");
    }
    q.before = std::pair{at, in.cursor->substr(dot + 1)};
  }
  RECIRC_TRY(auto rows, storage::ReadValue<std::vector<storage::AcquisitionListRow>>(
                            db_, [&](storage::Session& s) {
                              return repo_.ListOrganisationAcquisitions(s, q);
                            }));
  AcquisitionPage page;
  for (const auto& r : rows) {
    if (static_cast<int64_t>(page.items.size()) == in.limit) {
      const auto& last = page.items.back().receipt;
      page.next_cursor = std::to_string(last.created_at) + "." + last.id;
      break;
    }
    const auto& a = r.acquisition;
    page.items.push_back({{a.id, a.number, a.item_id, ReceiptStatusOf(a.status), a.created_at},
                          a.outlet_id,
                          a.kind,
                          a.channel,
                          a.price_fen,
                          r.category,
                          r.brand,
                          r.model});
  }
  return page;
}

Result<AcquisitionView> RegistrationService::Correct(const identity::Principal& actor,
                                                     const AcquisitionId& acquisition,
                                                     const CorrectionInput& in) {
  const std::string id = acquisition.ToString();
  if (!actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("your role cannot correct acquisitions");
  }
  RECIRC_CHECK(ValidateCorrection(in));
  std::vector<std::pair<std::string, std::string>> identifiers;
  for (const auto& [kind, value] : in.identifiers) {
    RECIRC_TRY(std::string normalised,
               NormaliseItemIdentifier(kind, value, "item.identifiers." + kind));
    identifiers.emplace_back(kind, std::move(normalised));
  }
  const int64_t now = ToUnixMillis(clock_.Now());
  const std::string correction_id = Id::Generate(clock_, random_).ToString();
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto a, repo_.FindAcquisition(s, id));
    if (!a || !actor.InOrganisation(a->organisation_id)) {
      return Error::NotFound("acquisition " + id + " not found");
    }
    RECIRC_TRY(auto item, repo_.FindItem(s, a->item_id));
    if (!item) return Error::Internal("acquisition " + id + " has no item");
    RECIRC_TRY(auto chain, repo_.CorrectionsOf(s, id));
    AcquisitionView current;
    ApplyChain(current, *a, chain);

    std::vector<FieldChange> changes;
    const auto diff = [&](const std::string& field, const std::optional<std::string>& old_value,
                          const std::optional<std::string>& new_value) {
      if (new_value && old_value != new_value) changes.push_back({field, old_value, new_value});
    };
    const auto num = [](const std::optional<int64_t>& v) -> std::optional<std::string> {
      if (!v) return std::nullopt;
      return std::to_string(*v);
    };
    diff("price_fen", std::to_string(current.price_fen), num(in.price_fen));
    diff("item.category", item->category, in.category);
    diff("item.brand", item->brand, in.brand);
    diff("item.model", item->model, in.model);
    diff("item.colour", current.colour, in.colour);
    diff("item.condition", current.condition, in.condition);
    diff("item.quantity", std::to_string(current.quantity), num(in.quantity));

    ScreeningFacts facts;
    std::vector<std::pair<std::string, std::string>> added;
    RECIRC_TRY(auto known, repo_.IdentifiersOfItem(s, a->item_id));
    for (const auto& [kind, value] : identifiers) {
      std::optional<std::string> old_value;
      bool same = false;
      for (const auto& [k, v] : known) {
        if (k != kind) continue;
        same = same || v == value;
        old_value = old_value ? *old_value + "," + v : v;
      }
      if (same) continue;
      RECIRC_TRY(auto owner, repo_.FindItemByIdentifier(s, kind, value));
      if (owner && *owner != a->item_id) {
        std::string message = "identifier ";
        message.append(kind).append(" ").append(value).append(
            " belongs to another registered item");
        return Error::AlreadyExists(std::move(message), "item.identifiers." + kind);
      }
      if (!owner) RECIRC_CHECK(repo_.InsertIdentifier(s, kind, value, a->item_id));
      RECIRC_TRY(auto hits, repo_.WatchlistMatches(s, kind, value, actor.organisation.id));
      for (const auto& h : hits) {
        facts.watchlist_black += h.status == WatchlistStatus::kBlack;
        facts.watchlist_grey += h.status == WatchlistStatus::kGrey;
      }
      facts.identifier_changed = true;
      added.emplace_back(kind, value);
      changes.push_back({"item.identifiers." + kind, old_value, value});
    }
    if (changes.empty()) {
      return Error::FailedPrecondition("the correction changes nothing: every value is the same");
    }
    RECIRC_CHECK(repo_.InsertCorrection(
        s, {correction_id, id, static_cast<int64_t>(chain.size()) + 1, actor.organisation.id,
            actor.user_id, ChangesJson(changes), in.reason, now}));
    if (in.category || in.brand || in.model) {
      storage::ItemRecord updated = *item;
      updated.category = in.category.value_or(item->category);
      updated.brand = in.brand.value_or(item->brand);
      updated.model = in.model.value_or(item->model);
      RECIRC_CHECK(repo_.UpdateItemFacts(s, updated));
    }
    // A serial number added now is what the colour photo stood in for: the photo hold ends
    // (released_at recorded, the row stays), as when the first item photo arrives. Like that
    // release it writes no event of its own; item.corrected names the identifier field.
    if (HasSerialNumber(added)) RECIRC_CHECK(repo_.ReleasePhotoHold(s, a->item_id, now));
    // Public facts only: which fields changed, and the new public description. No identifier
    // values, no price, no reason (free text may name a person).
    json::array fields;
    for (const auto& c : changes) fields.push_back(json::value(c.field));
    json::object event{
        {"acquisition_id", id}, {"correction_id", correction_id}, {"fields", std::move(fields)}};
    if (in.category) event["category"] = *in.category;
    if (in.brand) event["brand"] = *in.brand;
    if (in.model) event["model"] = *in.model;
    RECIRC_TRY(int64_t seq,
               journal_.Append(s, {events::kItemCorrected, a->item_id, actor.organisation.id,
                                   actor.user_id, json::serialize(event)}));
    (void)seq;
    // A corrected price is screened against the reference price again.
    if (in.price_fen && IsPaidKind(a->kind)) {
      RECIRC_CHECK(AddReferenceFacts(s, in.category.value_or(item->category),
                                     in.brand.value_or(item->brand), in.model.value_or(item->model),
                                     facts));
      facts.price_fen = *in.price_fen;
      facts.release_year.reset();
    }
    const ScreeningResult screening = Screen(facts);
    if (screening.alert) {
      RECIRC_CHECK(RaiseAlert(s, actor, id, a->item_id, a->region_code, screening, now));
    }
    return Ok();
  }));
  return View(actor, acquisition);
}

}  // namespace recirc::registry
