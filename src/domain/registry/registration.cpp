#include "domain/registry/registration.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>

#include "core/id.hpp"
#include "core/money.hpp"
#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/police_alert.hpp"
#include "domain/registry/screening.hpp"

namespace recirc::registry {
namespace {

constexpr std::array<std::string_view, 5> kKinds = {"purchase", "trade_in", "buy_back",
                                                    "consignment_intake", "donation"};
constexpr std::array<std::string_view, 3> kChannels = {"store", "online", "door_to_door"};
constexpr std::array<std::string_view, 4> kPayments = {"cash", "bank_transfer", "mobile_payment",
                                                       "none"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

template <size_t N>
std::string Joined(const std::array<std::string_view, N>& set) {
  std::string out;
  for (auto s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

Status CheckPhone(std::string_view phone, const std::string& field = "seller.phone") {
  if (phone.size() != 11 || phone[0] != '1' ||
      !std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Error::InvalidArgument(field, "a mobile number has 11 digits starting with 1")
        .Id("registration.phone");
  }
  return Ok();
}

Status CheckAgent(const AgentInput& a) {
  RECIRC_CHECK(identity::CheckText(a.name, "seller.agent.name", 100));
  if (a.id_type == "resident_id") {
    RECIRC_CHECK(
        core::ValidateResidentId(core::NormaliseIdentifier(a.id_number), "seller.agent.id_number"));
  } else if (a.id_type == "passport" || a.id_type == "other") {
    RECIRC_CHECK(identity::CheckText(a.id_number, "seller.agent.id_number", 32));
  } else {
    return Error::InvalidArgument("seller.agent.id_type",
                                  "the ID type is resident_id, passport or other")
        .Id("registration.id_type");
  }
  if (a.phone) RECIRC_CHECK(CheckPhone(*a.phone, "seller.agent.phone"));
  if (a.address) RECIRC_CHECK(identity::CheckText(*a.address, "seller.agent.address", 200));
  return identity::CheckText(a.authority, "seller.agent.authority", 500);
}

// Jurisdiction-independent prefix matching is done by the police service; here only the outlet's
// region is recorded on the alert.
std::string Json(const boost::json::value& v) { return boost::json::serialize(v); }

}  // namespace

std::string ReasonsJson(const ScreeningResult& screening) {
  boost::json::array reasons;
  for (const auto& sig : screening.signals) {
    reasons.push_back({{"signal", sig.name}, {"weight", sig.weight}, {"detail", sig.detail}});
  }
  return Json(reasons);
}

bool HasSerialNumber(const std::vector<std::pair<std::string, std::string>>& identifiers) {
  return std::any_of(identifiers.begin(), identifiers.end(),
                     [](const auto& id) { return id.first != "engraving"; });
}

bool IsPaidKind(std::string_view kind) {
  return kind == "purchase" || kind == "trade_in" || kind == "buy_back";
}

Status RegistrationService::Validate(const AcquisitionInput& in) const {
  if (!OneOf(kKinds, in.kind)) {
    return Error::InvalidArgument("kind", "the acquisition kind is one of " + Joined(kKinds))
        .Id("registration.kind");
  }
  if (!OneOf(kChannels, in.channel)) {
    return Error::InvalidArgument("channel", "the channel is one of " + Joined(kChannels))
        .Id("registration.channel");
  }
  if (!OneOf(kPayments, in.payment_method)) {
    return Error::InvalidArgument("payment_method",
                                  "the payment method is one of " + Joined(kPayments))
        .Id("registration.payment_method");
  }
  RECIRC_CHECK(CheckFen(in.price_fen, "price_fen"));
  // Nothing is paid for a donation, nor at a consignment intake (the consignor is paid from the
  // sale, docs/consignment.md); a consignment may still record a payment (an advance).
  const bool unpaid_kind = in.kind == "donation" || in.kind == "consignment_intake";
  if ((in.kind == "donation" && in.payment_method != "none") ||
      (!unpaid_kind && in.payment_method == "none")) {
    return Error::InvalidArgument("payment_method",
                                  "a donation has payment method none; only a donation or a "
                                  "consignment intake may")
        .Id("registration.donation_payment");
  }
  RECIRC_CHECK(identity::CheckText(in.origin_statement, "origin_statement", 500));
  if (in.origin_acquired_year) {
    const int64_t this_year = static_cast<int>(
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.Now())).year());
    if (*in.origin_acquired_year < 1900 || *in.origin_acquired_year > this_year) {
      return Error::InvalidArgument("origin_acquired_year",
                                    "a year from 1900 to " + std::to_string(this_year))
          .Id("registration.acquired_year")
          .Param("max", std::to_string(this_year));
    }
  }

  const SellerInput& s = in.seller;
  RECIRC_CHECK(identity::CheckText(s.name, "seller.name", 100));
  if (s.kind == "individual") {
    if (!s.id_type || !s.id_number) {
      return Error::InvalidArgument("seller.id_number", "an individual seller shows an ID document")
          .Id("registration.id_document_required");
    }
    if (*s.id_type == "resident_id") {
      RECIRC_CHECK(
          core::ValidateResidentId(core::NormaliseIdentifier(*s.id_number), "seller.id_number"));
    } else if (*s.id_type == "passport" || *s.id_type == "other") {
      RECIRC_CHECK(identity::CheckText(*s.id_number, "seller.id_number", 32));
    } else {
      return Error::InvalidArgument("seller.id_type",
                                    "the ID type is resident_id, passport or other")
          .Id("registration.id_type");
    }
  } else if (s.kind == "company" || s.kind == "public_body") {
    if (!s.credit_code) {
      return Error::InvalidArgument("seller.credit_code",
                                    "a company or public body gives its credit code")
          .Id("registration.credit_code_required");
    }
    RECIRC_CHECK(
        core::ValidateCreditCode(core::NormaliseIdentifier(*s.credit_code), "seller.credit_code"));
  } else {
    return Error::InvalidArgument("seller.kind",
                                  "the seller is an individual, company or public_body")
        .Id("registration.seller_kind");
  }
  if (s.phone) RECIRC_CHECK(CheckPhone(*s.phone));
  if (s.address) RECIRC_CHECK(identity::CheckText(*s.address, "seller.address", 200));
  if (s.agent) RECIRC_CHECK(CheckAgent(*s.agent));

  const ItemInput& item = in.item;
  RECIRC_CHECK(CheckCategory(item.category));
  RECIRC_CHECK(identity::CheckText(item.brand, "item.brand", 64));
  RECIRC_CHECK(identity::CheckText(item.model, "item.model", 64));
  RECIRC_CHECK(identity::CheckText(item.condition, "item.condition", 200));
  if (item.quantity < 1 || item.quantity > 1000) {
    return Error::InvalidArgument("item.quantity", "the quantity is 1 to 1000")
        .Id("registration.quantity");
  }
  if (item.identifiers.size() > 8) return Error::InvalidArgument("item.identifiers", "at most 8");
  return Ok();
}

Result<storage::PartyRecord> RegistrationService::SealSeller(const identity::Principal& actor,
                                                             const SellerInput& in, int64_t now) {
  storage::PartyRecord p;
  p.id = Id::Generate(clock_, random_).ToString();
  p.organisation_id = actor.organisation.id;
  p.kind = in.kind;
  const auto seal = [&](std::string_view field, std::string_view value) {
    return cipher_.Encrypt(value, "party." + std::string(field) + ":" + p.id, random_);
  };
  RECIRC_TRY(p.name_enc, seal("name", in.name));
  p.id_type = in.id_type;
  if (in.id_number) {
    const std::string normalised = core::NormaliseIdentifier(*in.id_number);
    RECIRC_TRY(std::string enc, seal("id_number", normalised));
    p.id_number_enc = std::move(enc);
    p.id_number_index = index_.Of(*in.id_type, normalised);
  }
  if (in.credit_code) p.credit_code = core::NormaliseIdentifier(*in.credit_code);
  if (in.phone) {
    RECIRC_TRY(std::string enc, seal("phone", *in.phone));
    p.phone_enc = std::move(enc);
    p.phone_index = index_.Of("phone", *in.phone);
  }
  if (in.address) {
    RECIRC_TRY(std::string enc, seal("address", *in.address));
    p.address_enc = std::move(enc);
  }
  p.created_at = now;
  return p;
}

Status RegistrationService::AddReferenceFacts(storage::Session& s, const std::string& category,
                                              const std::string& brand, const std::string& model,
                                              ScreeningFacts& facts) const {
  RECIRC_TRY(auto ref,
             repo_.FindReferenceModel(s, category, ReferenceKey(brand), ReferenceKey(model)));
  if (!ref) return Ok();
  facts.reference_price_fen = ref->reference_price_fen;
  facts.release_year = ref->release_year;
  return Ok();
}

Status RegistrationService::RaiseAlert(storage::Session& s, const identity::Principal& actor,
                                       const std::string& acquisition_id,
                                       const std::string& item_id, const std::string& region_code,
                                       const ScreeningResult& screening, int64_t now) {
  RECIRC_TRY(auto alert, PoliceAlerts(repo_, journal_, clock_, random_)
                             .Raise(s, actor,
                                    {acquisition_id, item_id, region_code, screening.score,
                                     ReasonsJson(screening), AlertHold::kScreening},
                                    now));
  (void)alert;
  return Ok();
}

// Everything of one registration that is computed before its transaction: the validated input,
// the normalised identifiers, the sealed seller (and agent) and the encrypted statements.
struct RegistrationService::Sealed {
  const AcquisitionInput* in = nullptr;
  std::vector<std::pair<std::string, std::string>> identifiers;
  storage::PartyRecord seller;
  std::string origin_enc;
  std::optional<storage::PartyRecord> agent;
  std::optional<std::string> authority_enc;
  AcquisitionReceipt receipt;
};

Result<RegistrationService::Sealed> RegistrationService::Seal(const identity::Principal& actor,
                                                              const AcquisitionInput& in) {
  RECIRC_CHECK(Validate(in));
  Sealed out;
  out.in = &in;
  for (size_t i = 0; i < in.item.identifiers.size(); ++i) {
    const auto& [kind, value] = in.item.identifiers[i];
    const std::string field = "item.identifiers[" + std::to_string(i) + "]." + kind;
    RECIRC_TRY(std::string normalised, NormaliseItemIdentifier(kind, value, field));
    std::pair<std::string, std::string> id{kind, std::move(normalised)};
    // The same identifier given twice (for example with and without spaces) counts once.
    if (std::find(out.identifiers.begin(), out.identifiers.end(), id) == out.identifiers.end()) {
      out.identifiers.push_back(std::move(id));
    }
  }
  const int64_t now = ToUnixMillis(clock_.Now());
  RECIRC_TRY(out.seller, SealSeller(actor, in.seller, now));
  RECIRC_TRY(out.origin_enc,
             cipher_.Encrypt(in.origin_statement, "acquisition.origin:" + out.seller.id, random_));
  if (const auto& ag = in.seller.agent) {
    RECIRC_TRY(out.agent, SealSeller(actor,
                                     {"agent", ag->name, ag->id_type, ag->id_number, std::nullopt,
                                      ag->phone, ag->address, std::nullopt},
                                     now));
    RECIRC_TRY(
        out.authority_enc,
        cipher_.Encrypt(ag->authority, "acquisition.agent_authority:" + out.agent->id, random_));
  }
  out.receipt.id = Id::Generate(clock_, random_).ToString();
  out.receipt.created_at = now;
  return out;
}

Result<AcquisitionReceipt> RegistrationService::Register(const identity::Principal& actor,
                                                         const AcquisitionInput& in) {
  RECIRC_TRY(auto receipts, RegisterBatch(actor, std::span<const AcquisitionInput>(&in, 1)));
  return std::move(receipts.front());
}

Result<std::vector<AcquisitionReceipt>> RegistrationService::RegisterBatch(
    const identity::Principal& actor, std::span<const AcquisitionInput> inputs) {
  if (!actor.Has(identity::Permission::kAcquisitionsWrite)) {
    return Error::PermissionDenied("your role cannot register acquisitions")
        .Id("registration.forbidden");
  }
  std::vector<Sealed> sealed;
  sealed.reserve(inputs.size());
  for (const auto& in : inputs) {
    RECIRC_TRY(auto one, Seal(actor, in));
    sealed.push_back(std::move(one));
  }
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    std::map<std::string, storage::OutletRecord, std::less<>> outlets;  // each looked up once
    for (auto& one : sealed) {
      auto it = outlets.find(one.in->outlet_id);
      if (it == outlets.end()) {
        RECIRC_TRY(auto outlet, identity_.FindOutlet(s, one.in->outlet_id));
        if (!outlet || outlet->organisation_id != actor.organisation.id) {
          return Error{ErrorCode::kNotFound,
                       "no outlet " + one.in->outlet_id + " in your organisation", "outlet_id"};
        }
        // A suspended outlet registers nothing until the platform administrator reactivates it.
        if (outlet->status == identity::AccountStatus::kSuspended) {
          return Error{ErrorCode::kFailedPrecondition, "the outlet is suspended", "outlet_id"}.Id(
              "outlet.suspended");
        }
        it = outlets.emplace(one.in->outlet_id, std::move(*outlet)).first;
      }
      RECIRC_CHECK(Record(s, actor, it->second, one));
    }
    return Ok();
  }));
  std::vector<AcquisitionReceipt> out;
  out.reserve(sealed.size());
  for (auto& one : sealed) out.push_back(std::move(one.receipt));
  return out;
}

Status RegistrationService::Record(storage::Session& s, const identity::Principal& actor,
                                   const storage::OutletRecord& outlet, Sealed& sealed) {
  const AcquisitionInput& in = *sealed.in;
  const auto& identifiers = sealed.identifiers;
  const storage::PartyRecord& seller = sealed.seller;
  const auto& agent = sealed.agent;
  AcquisitionReceipt& receipt = sealed.receipt;
  const int64_t now = receipt.created_at;
  // One identity per physical item: any known identifier finds it.
  std::optional<std::string> item_id;
  std::vector<bool> known(identifiers.size(), false);
  for (size_t i = 0; i < identifiers.size(); ++i) {
    RECIRC_TRY(auto found,
               repo_.FindItemByIdentifier(s, identifiers[i].first, identifiers[i].second));
    known[i] = found.has_value();
    if (found && !item_id) item_id = *found;
  }
  ScreeningFacts facts;
  if (item_id) {
    RECIRC_TRY(int64_t earlier, repo_.CountAcquisitionsOfItem(s, *item_id));
    if (earlier > 0) {
      // Bought back after recirc sold it: ordinary business, not a signal.
      RECIRC_TRY(bool sold, circulation_.SoldSinceLastAcquisition(s, *item_id));
      facts.reacquired_unsold = !sold;
    }
  } else {
    item_id = Id::Generate(clock_, random_).ToString();
    RECIRC_CHECK(repo_.InsertItem(
        s, {*item_id, in.item.category, in.item.brand, in.item.model, ItemStatus::kInStock, now}));
  }
  for (size_t i = 0; i < identifiers.size(); ++i) {
    const auto& [kind, value] = identifiers[i];
    if (!known[i]) RECIRC_CHECK(repo_.InsertIdentifier(s, kind, value, *item_id));
    RECIRC_TRY(auto hits, repo_.WatchlistMatches(s, kind, value, actor.organisation.id));
    for (const auto& h : hits) {
      facts.watchlist_black += h.status == WatchlistStatus::kBlack;
      facts.watchlist_grey += h.status == WatchlistStatus::kGrey;
    }
  }
  facts.identity_not_checked = !in.person_matches_id;
  if (seller.id_number_index) {
    const int64_t since = now - int64_t{kSellerWindowDays} * 86'400'000;
    RECIRC_TRY(int64_t n, repo_.CountAcquisitionsBySellerIndex(s, *seller.id_number_index, since));
    facts.seller_recent_acquisitions = static_cast<int>(n);
  }
  RECIRC_CHECK(AddReferenceFacts(s, in.item.category, in.item.brand, in.item.model, facts));
  if (!IsPaidKind(in.kind)) facts.reference_price_fen.reset();
  facts.price_fen = in.price_fen;
  facts.claimed_year = in.origin_acquired_year;
  const ScreeningResult screening = Screen(facts);

  RECIRC_CHECK(repo_.InsertParty(s, seller));
  if (agent) RECIRC_CHECK(repo_.InsertParty(s, *agent));
  RECIRC_TRY(receipt.number, repo_.NextAcquisitionNumber(s, outlet.id));
  boost::json::object details{{"condition", in.item.condition}, {"quantity", in.item.quantity}};
  if (in.item.colour) details["colour"] = *in.item.colour;
  if (in.origin_acquired_year) details["origin_acquired_year"] = *in.origin_acquired_year;
  storage::AcquisitionRecord a{
      receipt.id,
      actor.organisation.id,
      outlet.id,
      receipt.number,
      actor.user_id,
      *item_id,
      seller.id,
      in.kind,
      in.channel,
      in.price_fen,
      in.payment_method,
      in.person_matches_id,
      sealed.origin_enc,
      Json(details),
      outlet.region_code,
      screening.alert ? AcquisitionStatus::kHeld : AcquisitionStatus::kRegistered,
      now};
  if (agent) {
    a.agent_id = agent->id;
    a.agent_authority_enc = sealed.authority_enc;
  }
  RECIRC_CHECK(repo_.InsertAcquisition(s, a));
  // The statutory hold period of the category and region: the item may not be sold before.
  if (const int64_t days = hold_policy_.DaysFor(in.item.category, outlet.region_code); days > 0) {
    RECIRC_CHECK(repo_.InsertHold(
        s, {Id::Generate(clock_, random_).ToString(), *item_id, a.id, std::string(kStatutoryHold),
            std::nullopt, now, now + days * 86'400'000}));
  }
  // No serial number: the item waits for its colour photo before it may be sold or offered.
  if (!HasSerialNumber(identifiers)) {
    RECIRC_CHECK(repo_.InsertHold(s, {Id::Generate(clock_, random_).ToString(), *item_id, a.id,
                                      std::string(kPhotoHold), std::nullopt, now}));
    receipt.photo_required = true;
  }
  // The public facts only: no seller, no price (a band comes with the market), no screening.
  boost::json::object event{{"acquisition_id", a.id},  {"kind", a.kind},
                            {"channel", a.channel},    {"category", in.item.category},
                            {"brand", in.item.brand},  {"model", in.item.model},
                            {"outlet_id", a.outlet_id}};
  RECIRC_TRY(int64_t seq, journal_.Append(s, {events::kItemAcquired, *item_id,
                                              actor.organisation.id, actor.user_id, Json(event)}));
  (void)seq;
  if (screening.alert) {
    RECIRC_CHECK(RaiseAlert(s, actor, a.id, *item_id, outlet.region_code, screening, now));
  } else if (!screening.signals.empty()) {
    // A near miss: signals fired below the threshold. Recorded for the police of the
    // jurisdiction; the registration stays "registered" and the shop is told nothing.
    RECIRC_CHECK(
        near_misses_.Insert(s, {Id::Generate(clock_, random_).ToString(), a.id, *item_id,
                                outlet.region_code, screening.score, ReasonsJson(screening), now}));
  }
  receipt.item_id = *item_id;
  receipt.status =
      screening.alert ? ReceiptStatus::kHeldForVerification : ReceiptStatus::kRegistered;
  return Ok();
}

Result<AcquisitionReceipt> RegistrationService::Get(const identity::Principal& actor,
                                                    const AcquisitionId& acquisition) {
  const std::string id = acquisition.ToString();
  RECIRC_TRY(auto found,
             storage::ReadValue<std::optional<storage::AcquisitionRecord>>(
                 db_, [&](storage::Session& s) { return repo_.FindAcquisition(s, id); }));
  if (!found || !actor.InOrganisation(found->organisation_id)) {
    return Error::NotFound("acquisition " + id + " not found");
  }
  return AcquisitionReceipt{found->id, found->number, found->item_id,
                            ReceiptStatusOf(found->status), found->created_at};
}

}  // namespace recirc::registry
