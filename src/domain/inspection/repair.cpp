#include "domain/inspection/repair.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/events.hpp"
#include "domain/inspection/sanitization.hpp"
#include "domain/registry/events.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::inspection {
namespace {

namespace json = boost::json;

Status Validate(const RepairInput& in) {
  RECIRC_CHECK(CheckDate(in.repaired_at, "repaired_at"));
  RECIRC_CHECK(identity::CheckText(in.repairer_name, "repairer_name", 100));
  RECIRC_CHECK(identity::CheckText(in.description, "description", 500));
  if (in.parts.size() > 30) return Error::InvalidArgument("parts", "at most 30 parts");
  for (size_t i = 0; i < in.parts.size(); ++i) {
    const std::string f = "parts[" + std::to_string(i) + "]";
    const PartInput& p = in.parts[i];
    RECIRC_CHECK(identity::CheckText(p.part, f + ".part", 64));
    if (p.origin != "original" && p.origin != "third_party") {
      return Error::InvalidArgument(f + ".origin", "original or third_party");
    }
    RECIRC_CHECK(identity::CheckText(p.brand, f + ".brand", 64));
    RECIRC_CHECK(identity::CheckText(p.maker, f + ".maker", 100));
  }
  if (in.identifier_change) {
    RECIRC_CHECK(
        identity::CheckText(in.identifier_change->reason, "identifier_change.reason", 500));
  }
  return Ok();
}

}  // namespace

Result<RepairView> RepairService::Record(const identity::Principal& actor, const ItemId& item_ref,
                                         const RepairInput& in) {
  const std::string item_id = item_ref.ToString();
  if (!actor.Has(identity::Permission::kItemsService)) {
    return Error::PermissionDenied("your role cannot record repairs");
  }
  RECIRC_CHECK(Validate(in));
  std::optional<IdentifierChange> change = in.identifier_change;
  if (change) {
    RECIRC_TRY(change->old_value, registry::NormaliseItemIdentifier(change->kind, change->old_value,
                                                                    "identifier_change.old_value"));
    RECIRC_TRY(change->new_value, registry::NormaliseItemIdentifier(change->kind, change->new_value,
                                                                    "identifier_change.new_value"));
    if (change->old_value == change->new_value) {
      return Error::InvalidArgument("identifier_change.new_value", "the identifier is unchanged");
    }
  }
  const int64_t now = ToUnixMillis(clock_.Now());
  RepairView out;
  storage::RepairRecord& r = out.record;
  r.id = Id::Generate(clock_, random_).ToString();
  r.item_id = item_id;
  r.organisation_id = actor.organisation.id;
  r.recorded_by = actor.user_id;
  r.created_at = now;
  json::array parts;
  for (const auto& p : in.parts) {
    parts.push_back(
        {{"part", p.part}, {"origin", p.origin}, {"brand", p.brand}, {"maker", p.maker}});
  }
  out.details = {{"repaired_at", in.repaired_at},
                 {"repairer_name", in.repairer_name},
                 {"description", in.description},
                 {"parts", parts}};
  if (change) {
    out.details["identifier_change"] = {{"kind", change->kind},
                                        {"old_value", change->old_value},
                                        {"new_value", change->new_value},
                                        {"reason", change->reason}};
  } else {
    out.details["identifier_change"] = nullptr;
  }
  r.details = json::serialize(out.details);
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto item, registry_.FindItem(s, item_id));
    if (!item) return Error::NotFound("item " + item_id + " not found");
    RECIRC_CHECK(MayServiceItem(s, repo_, actor, item_id));
    if (change) {
      RECIRC_TRY(auto old_owner,
                 registry_.FindItemByIdentifier(s, change->kind, change->old_value));
      if (!old_owner || *old_owner != item_id) {
        return Error::InvalidArgument("identifier_change.old_value",
                                      "the item has no " + change->kind + " " + change->old_value);
      }
      RECIRC_TRY(auto new_owner,
                 registry_.FindItemByIdentifier(s, change->kind, change->new_value));
      if (new_owner) {
        return Error::AlreadyExists("the " + change->kind + " belongs to another item already",
                                    "identifier_change.new_value");
      }
      RECIRC_CHECK(registry_.AddIdentifier(s, item_id, change->kind, change->new_value));
    }
    RECIRC_CHECK(repo_.InsertRepair(s, r));
    // Parts and the description are public facts of the item; the repairer's name is not.
    json::object event{{"repair_id", r.id},
                       {"repaired_at", in.repaired_at},
                       {"description", in.description},
                       {"parts", parts}};
    RECIRC_TRY(int64_t seq,
               journal_.Append(s, {events::kItemRepaired, item_id, actor.organisation.id,
                                   actor.user_id, json::serialize(event)}));
    (void)seq;
    if (change) {
      // The red flag: the kind only, not the values (identifiers stay out of public leaves).
      json::object flag{{"repair_id", r.id}, {"kind", change->kind}, {"red_flag", true}};
      RECIRC_TRY(int64_t seq2,
                 journal_.Append(s, {events::kItemIdentifierChanged, item_id, actor.organisation.id,
                                     actor.user_id, json::serialize(flag)}));
      (void)seq2;
      // The police of the region where the item was last registered get an alert to decide.
      RECIRC_TRY(auto alert,
                 registry_.RaiseAlert(
                     s, actor, item_id,
                     {"identifier_changed", 100, change->kind + " changed during repair " + r.id}));
      (void)alert;
    }
    return Ok();
  }));
  return out;
}

}  // namespace recirc::inspection
