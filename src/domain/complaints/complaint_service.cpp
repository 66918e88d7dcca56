#include "domain/complaints/complaint_service.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>

#include "core/id.hpp"
#include "domain/complaints/contact.hpp"
#include "domain/complaints/events.hpp"
#include "domain/identity/text.hpp"

namespace recirc::complaints {
namespace {

namespace json = boost::json;
using identity::OrganisationKind;
using identity::Permission;
using identity::Principal;
using identity::Role;

constexpr int64_t kDayMs = int64_t{24} * 60 * 60 * 1000;
constexpr size_t kFactsMax = 4000;
constexpr size_t kTextMax = 2000;
constexpr int kListLimit = 200;

Error NotFound(const std::string& id) {
  return Error::NotFound(fmt::format("complaint {} not found", id)).Id("complaint.not_found");
}

Error Illegal(ComplaintState state, Action action) {
  return Error::Conflict(fmt::format("a complaint that is {} does not allow {}", ToString(state),
                                     ToString(action)))
      .Id("complaint.illegal_transition")
      .Param("state", ToString(state))
      .Param("action", ToString(action));
}

bool IsSupervision(const Principal& actor) {
  return actor.kind == OrganisationKind::kMarketSupervision &&
         actor.Has(Permission::kSupervisionRead);
}

}  // namespace

std::string RegionPrefix(const std::string& region_code) {
  std::string p = region_code;
  while (p.size() >= 2 && p.ends_with("00")) p.resize(p.size() - 2);
  return p;
}

std::optional<Audience> ComplaintService::AudienceOf(const Principal& actor,
                                                     const storage::ComplaintRecord& c) const {
  if (actor.SeesAllOrganisations()) return Audience::kSupervision;
  if (IsSupervision(actor)) {
    if (c.region_code.starts_with(RegionPrefix(actor.organisation.region_code))) {
      return Audience::kSupervision;
    }
    return std::nullopt;
  }
  if (!c.complainant_id.empty() && actor.user_id == c.complainant_id) {
    return Audience::kComplainant;
  }
  if (actor.Has(Permission::kMarketManage) && actor.organisation.id == c.organisation_id) {
    return Audience::kOperator;
  }
  return std::nullopt;
}

Result<ComplaintService::Subject> ComplaintService::ResolveSubject(
    storage::Session& s, const std::string& complainant_id, SubjectKind kind,
    const std::string& subject_id) const {
  std::string organisation_id;
  if (kind == SubjectKind::kOrder) {
    RECIRC_TRY(auto order, market_.FindOrder(s, subject_id));
    if (!order || complainant_id.empty() || order->buyer_user_id != complainant_id) {
      return Error::InvalidArgument("subject_id", "not one of your orders")
          .Id("complaint.not_your_order");
    }
    organisation_id = order->organisation_id;
  } else if (kind == SubjectKind::kOffer) {
    RECIRC_TRY(auto offer, market_.FindOffer(s, subject_id));
    if (!offer || offer->status == market::OfferStatus::kDraft) {
      return Error::InvalidArgument("subject_id", "no such listing").Id("complaint.no_listing");
    }
    organisation_id = offer->organisation_id;
  } else {
    organisation_id = subject_id;
  }
  RECIRC_TRY(auto organisation, identity_.FindOrganisation(s, organisation_id));
  if (!organisation || organisation->kind != "operator") {
    return Error::InvalidArgument("subject_id", "no such operator").Id("complaint.no_operator");
  }
  return Subject{organisation->id, organisation->region_code};
}

Result<ComplaintView> ComplaintService::File(const Principal& actor, const ComplaintInput& in) {
  if (actor.role != Role::kBuyer) {
    return Error::PermissionDenied("only a buyer account files a complaint")
        .Id("complaint.buyers_only");
  }
  return FileAs(actor.user_id, in);
}

Result<ComplaintView> ComplaintService::FileAnonymously(const ComplaintInput& in,
                                                        const std::string& source) {
  if (in.subject_kind == ToString(SubjectKind::kOrder)) {
    return Error::InvalidArgument("subject_kind", "a complaint about an order needs your account")
        .Id("complaint.order_needs_account");
  }
  if (!in.contact_name || in.contact_name->empty()) {
    return Error::InvalidArgument("contact_name", "give a name to be reached at")
        .Id("complaint.contact_required");
  }
  if (!in.contact_phone || in.contact_phone->empty()) {
    return Error::InvalidArgument("contact_phone", "give a phone to be reached at")
        .Id("complaint.contact_required");
  }
  if (const int64_t wait = limiter_.Begin("complaint", source); wait > 0) {
    return Error::ResourceExhausted("too many complaints from this address; wait a while")
        .Id("complaint.too_many")
        .Param("seconds", std::to_string(wait));
  }
  return FileAs("", in);
}

Result<ComplaintView> ComplaintService::FileAs(const std::string& complainant_id,
                                               const ComplaintInput& in) {
  RECIRC_TRY(SubjectKind kind, Parse<SubjectKind>(in.subject_kind, "subject_kind"));
  if (in.subject_id.empty()) {
    return Error::InvalidArgument("subject_id", "name the order, listing or operator");
  }
  RECIRC_TRY(Category category, Parse<Category>(in.category, "category"));
  RECIRC_TRY(Demand demand, Parse<Demand>(in.demand, "demand"));
  RECIRC_CHECK(identity::CheckText(in.facts, "facts", kFactsMax));
  RECIRC_TRY(Contact contact, CheckContact(in.contact_name, in.contact_phone));
  const int64_t now = ToUnixMillis(clock_.Now());
  storage::ComplaintRecord c;
  c.id = Id::Generate(clock_, random_).ToString();
  c.subject_kind = kind;
  c.subject_id = in.subject_id;
  c.category = category;
  c.demand = demand;
  c.facts = in.facts;
  c.complainant_id = complainant_id;
  RECIRC_TRY(c.contact_name, Seal(cipher_, random_, contact.name, "name", c.id));
  RECIRC_TRY(c.contact_phone, Seal(cipher_, random_, contact.phone, "phone", c.id));
  c.state = ComplaintState::kFiled;
  c.answer_due_at = now + policy_.answer_days * kDayMs;
  c.created_at = now;
  c.updated_at = now;
  return storage::WriteValue<ComplaintView>(db_, [&](storage::Session& s) -> Result<ComplaintView> {
    RECIRC_TRY(Subject subject, ResolveSubject(s, complainant_id, kind, in.subject_id));
    c.organisation_id = subject.organisation_id;
    c.region_code = subject.region_code;
    RECIRC_CHECK(repo_.Insert(s, c));
    RECIRC_CHECK(
        repo_.InsertStep(s, {Id::Generate(clock_, random_).ToString(), c.id, Action::kFile,
                             complainant_id, "complainant", c.facts, ToString(demand), now}));
    json::object event{{"subject_kind", ToString(kind)}, {"subject_id", c.subject_id},
                       {"category", ToString(category)}, {"demand", ToString(demand)},
                       {"region_code", c.region_code},   {"answer_due_at", c.answer_due_at}};
    std::optional<std::string> actor_id;  // none for a complaint filed without an account
    if (!complainant_id.empty()) actor_id = complainant_id;
    RECIRC_TRY(int64_t seq, journal_.Append(s, {events::kComplaintFiled, c.id, c.organisation_id,
                                                actor_id, json::serialize(event)}));
    (void)seq;
    return ViewOf(s, c, Audience::kComplainant);
  });
}

Result<ComplaintView> ComplaintService::ViewOf(storage::Session& s, storage::ComplaintRecord c,
                                               Audience audience) const {
  ComplaintView v;
  v.audience = audience;
  const int64_t now = ToUnixMillis(clock_.Now());
  v.overdue = !c.answered_at && c.state != ComplaintState::kDecided && now > c.answer_due_at;
  v.answered_late = c.answered_at && *c.answered_at > c.answer_due_at;
  RECIRC_TRY(auto name, identity_.OrganisationName(s, c.organisation_id));
  v.organisation_name = name.value_or("");
  RECIRC_TRY(v.steps, repo_.Steps(s, c.id));
  if (audience == Audience::kOperator) {
    for (auto& step : v.steps) {
      if (step.actor_id == c.complainant_id) step.actor_id.clear();
    }
    c.complainant_id.clear();
    c.contact_name.reset();
    c.contact_phone.reset();
  } else {
    RECIRC_TRY(c.contact_name, Open(cipher_, c.contact_name, "name", c.id));
    RECIRC_TRY(c.contact_phone, Open(cipher_, c.contact_phone, "phone", c.id));
    if (audience == Audience::kSupervision) {
      if (c.contact_name) c.contact_name = MaskName(*c.contact_name);
      if (c.contact_phone) c.contact_phone = MaskPhone(*c.contact_phone);
    }
  }
  v.complaint = std::move(c);
  return v;
}

Result<std::vector<ComplaintView>> ComplaintService::List(const Principal& actor,
                                                          const std::optional<std::string>& state) {
  storage::ComplaintScope scope;
  Audience audience = Audience::kComplainant;
  if (actor.SeesAllOrganisations()) {
    scope.region_prefix = "";
    audience = Audience::kSupervision;
  } else if (IsSupervision(actor)) {
    scope.region_prefix = RegionPrefix(actor.organisation.region_code);
    audience = Audience::kSupervision;
  } else if (actor.Has(Permission::kMarketManage)) {
    scope.organisation_id = actor.organisation.id;
    audience = Audience::kOperator;
  } else if (actor.role == Role::kBuyer) {
    scope.complainant_id = actor.user_id;
  } else {
    return std::vector<ComplaintView>();  // a role that sees no complaints (police, inspectors)
  }
  if (state) {
    RECIRC_TRY(scope.state, Parse<ComplaintState>(*state, "state"));
  }
  return storage::ReadValue<std::vector<ComplaintView>>(
      db_, [&](storage::Session& s) -> Result<std::vector<ComplaintView>> {
        RECIRC_TRY(auto rows, repo_.List(s, scope, kListLimit));
        std::vector<ComplaintView> out;
        out.reserve(rows.size());
        for (auto& c : rows) {
          RECIRC_TRY(auto v, ViewOf(s, std::move(c), audience));
          out.push_back(std::move(v));
        }
        return out;
      });
}

Result<ComplaintView> ComplaintService::Get(const Principal& actor, const ComplaintId& typed_id) {
  const std::string id = typed_id.ToString();
  return storage::ReadValue<ComplaintView>(db_, [&](storage::Session& s) -> Result<ComplaintView> {
    RECIRC_TRY(auto c, repo_.Find(s, id));
    if (!c) return NotFound(id);
    auto audience = AudienceOf(actor, *c);
    if (!audience) return NotFound(id);
    return ViewOf(s, std::move(*c), *audience);
  });
}

Result<ComplaintView> ComplaintService::Step(const Principal& actor, const ComplaintId& typed_id,
                                             Action action, Audience audience, const Apply& apply) {
  const std::string id = typed_id.ToString();
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::WriteValue<ComplaintView>(db_, [&](storage::Session& s) -> Result<ComplaintView> {
    RECIRC_TRY(auto c, repo_.Find(s, id));
    if (!c) return NotFound(id);
    const auto seen_as = AudienceOf(actor, *c);
    if (!seen_as) return NotFound(id);
    if (*seen_as != audience) {
      return Error::PermissionDenied("this step is not yours to take on this complaint")
          .Id("complaint.not_your_step");
    }
    const auto next = Next(c->state, action);
    if (!next) return Illegal(c->state, action);
    RECIRC_TRY(Effect effect, apply(s, *c));
    c->state = *next;
    c->updated_at = now;
    RECIRC_CHECK(repo_.Update(s, *c));
    RECIRC_CHECK(
        repo_.InsertStep(s, {Id::Generate(clock_, random_).ToString(), c->id, action, actor.user_id,
                             effect.party, effect.text, effect.detail, now}));
    RECIRC_TRY(int64_t seq, journal_.Append(s, {*effect.event, c->id, c->organisation_id,
                                                actor.user_id, effect.payload}));
    (void)seq;
    return ViewOf(s, std::move(*c), audience);
  });
}

Result<ComplaintView> ComplaintService::Answer(const Principal& actor, const ComplaintId& id,
                                               const std::string& text) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("only the operator's staff answer a complaint");
  }
  RECIRC_CHECK(identity::CheckText(text, "text", kTextMax));
  const int64_t now = ToUnixMillis(clock_.Now());
  return Step(actor, id, Action::kAnswer, Audience::kOperator,
              [&](storage::Session&, storage::ComplaintRecord& c) -> Result<Effect> {
                c.answered_at = now;
                const bool late = now > c.answer_due_at;
                return Effect{"operator", text, "", &events::kComplaintAnswered,
                              json::serialize(json::object{{"late", late}})};
              });
}

Result<ComplaintView> ComplaintService::Assign(const Principal& actor, const ComplaintId& id,
                                               const std::optional<std::string>& assignee) {
  if (!actor.Has(Permission::kSupervisionAct)) {
    return Error::PermissionDenied("only market supervision assigns complaints");
  }
  const std::string to = assignee.value_or(actor.user_id);
  return Step(
      actor, id, Action::kAssign, Audience::kSupervision,
      [&](storage::Session& s, storage::ComplaintRecord& c) -> Result<Effect> {
        std::string name = actor.display_name;
        if (to != actor.user_id) {  // another supervisor of the caller's office
          RECIRC_TRY(auto user, identity_.FindUser(s, to));
          const bool supervisor =
              user && user->role == identity::RoleName(Role::kMarketSupervisor) &&
              (actor.SeesAllOrganisations() || user->organisation_id == actor.organisation.id);
          if (!supervisor) {
            return Error::InvalidArgument("assignee", "not a supervisor of your office")
                .Id("complaint.not_a_supervisor");
          }
          name = user->display_name;
        }
        c.assigned_to = to;
        return Effect{"supervision", name, to, &events::kComplaintAssigned,
                      json::serialize(json::object{{"assigned_to", to}})};
      });
}

Result<ComplaintView> ComplaintService::RequestInfo(const Principal& actor, const ComplaintId& id,
                                                    const std::string& party_text,
                                                    const std::string& question) {
  if (!actor.Has(Permission::kSupervisionAct)) {
    return Error::PermissionDenied("only market supervision asks for information");
  }
  RECIRC_TRY(Party party, Parse<Party>(party_text, "party"));
  RECIRC_CHECK(identity::CheckText(question, "question", kTextMax));
  return Step(
      actor, id, Action::kRequestInfo, Audience::kSupervision,
      [&](storage::Session&, storage::ComplaintRecord& c) -> Result<Effect> {
        if (party == Party::kComplainant && c.complainant_id.empty()) {
          return Error::InvalidArgument("party", "filed without an account: call the complainant")
              .Id("complaint.complainant_without_account");
        }
        c.info_party = party;
        return Effect{"supervision", question, ToString(party), &events::kComplaintInfoRequested,
                      json::serialize(json::object{{"party", ToString(party)}})};
      });
}

Result<ComplaintView> ComplaintService::ProvideInfo(const Principal& actor, const ComplaintId& id,
                                                    const std::string& text) {
  RECIRC_CHECK(identity::CheckText(text, "text", kTextMax));
  // The complainant and the operator see the complaint as different audiences; find which.
  RECIRC_TRY(auto view, Get(actor, id));
  if (view.audience == Audience::kSupervision) {
    return Error::PermissionDenied("market supervision asks; the parties answer")
        .Id("complaint.not_your_step");
  }
  const Party party = view.audience == Audience::kOperator ? Party::kOperator : Party::kComplainant;
  return Step(actor, id, Action::kProvideInfo, view.audience,
              [&](storage::Session&, storage::ComplaintRecord& c) -> Result<Effect> {
                if (c.info_party != party) {
                  return Error::Conflict("the information was asked of the other party")
                      .Id("complaint.info_not_asked_of_you");
                }
                c.info_party.reset();
                return Effect{ToString(party), text, "", &events::kComplaintInfoProvided,
                              json::serialize(json::object{{"party", ToString(party)}})};
              });
}

Result<ComplaintView> ComplaintService::Decide(const Principal& actor, const ComplaintId& id,
                                               const DecisionInput& in) {
  if (!actor.Has(Permission::kSupervisionAct)) {
    return Error::PermissionDenied("only market supervision decides complaints");
  }
  RECIRC_TRY(Outcome outcome, Parse<Outcome>(in.outcome, "outcome"));
  RECIRC_CHECK(identity::CheckText(in.reason, "reason", kTextMax));
  const int64_t now = ToUnixMillis(clock_.Now());
  return Step(
      actor, id, Action::kDecide, Audience::kSupervision,
      [&](storage::Session& s, storage::ComplaintRecord& c) -> Result<Effect> {
        std::string block_id;
        if (outcome == Outcome::kBlockListing) {
          if (c.subject_kind != SubjectKind::kOffer) {
            return Error::InvalidArgument("outcome", "only a complaint about a listing blocks it")
                .Id("complaint.block_needs_listing");
          }
          RECIRC_TRY(block_id, market_.BlockListing(s, c.subject_id, in.reason, actor.user_id));
        }
        if (outcome == Outcome::kOrderRefund && c.subject_kind != SubjectKind::kOrder) {
          return Error::InvalidArgument("outcome",
                                        "only a complaint about an order orders a refund")
              .Id("complaint.refund_needs_order");
        }
        c.outcome = outcome;
        c.decided_at = now;
        c.info_party.reset();
        json::object event{{"outcome", ToString(outcome)}};
        if (!block_id.empty()) event["block_id"] = block_id;
        return Effect{"supervision", in.reason, ToString(outcome), &events::kComplaintDecided,
                      json::serialize(event)};
      });
}

Result<ComplaintStatistics> ComplaintService::Statistics(const Principal& actor) {
  if (!actor.SeesAllOrganisations() && !IsSupervision(actor)) {
    return Error::PermissionDenied("complaint statistics are market supervision's");
  }
  const std::string prefix =
      actor.SeesAllOrganisations() ? std::string() : RegionPrefix(actor.organisation.region_code);
  const int64_t now = ToUnixMillis(clock_.Now());
  return storage::ReadValue<ComplaintStatistics>(
      db_, [&](storage::Session& s) -> Result<ComplaintStatistics> {
        RECIRC_TRY(auto rows, repo_.InRegion(s, prefix));
        std::vector<std::pair<std::string, std::string>> names;
        for (const auto& c : rows) {
          const bool known = std::any_of(names.begin(), names.end(), [&](const auto& n) {
            return n.first == c.organisation_id;
          });
          if (known) continue;
          RECIRC_TRY(auto name, identity_.OrganisationName(s, c.organisation_id));
          names.emplace_back(c.organisation_id, name.value_or(""));
        }
        ComplaintStatistics out = Summarise(rows, now, names);
        out.region_prefix = prefix;
        return out;
      });
}

}  // namespace recirc::complaints
