#include "domain/market/listing_blocks.hpp"

#include <boost/json.hpp>

#include "domain/identity/directory_service.hpp"
#include "domain/market/events.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;

Error Rule(std::string_view rule, const std::string& text) { return RuleError(rule, text); }

}  // namespace

std::string RegionPrefix(const std::string& region_code) {
  std::string p = region_code;
  while (p.size() >= 2 && p.ends_with("00")) p.resize(p.size() - 2);
  return p;
}

bool ListingBlockService::MaySee(const identity::Principal& actor,
                                 const storage::ListingBlockRecord& b) const {
  if (actor.SeesAllOrganisations()) return true;
  if (actor.kind == identity::OrganisationKind::kMarketSupervision) {
    return b.region_code.starts_with(RegionPrefix(actor.organisation.region_code));
  }
  return actor.organisation.id == b.organisation_id;
}

Result<storage::ListingBlockRecord> ListingBlockService::Get(const identity::Principal& actor,
                                                             const ListingBlockId& block_id) {
  const std::string id = block_id.ToString();
  RECIRC_TRY(auto b, storage::ReadValue<std::optional<storage::ListingBlockRecord>>(
                         c_.db, [&](storage::Session& s) { return c_.repo.FindBlock(s, id); }));
  if (!b || !MaySee(actor, *b)) return Error::NotFound("listing block " + id + " not found");
  return *b;
}

Result<storage::ListingBlockRecord> ListingBlockService::Appeal(const identity::Principal& actor,
                                                                const ListingBlockId& block_id,
                                                                const std::string& statement) {
  const std::string id = block_id.ToString();
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot appeal listing blocks");
  }
  RECIRC_CHECK(identity::CheckText(statement, "statement", 2000));
  const int64_t now = ToUnixMillis(c_.clock.Now());
  return storage::WriteValue<storage::ListingBlockRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::ListingBlockRecord> {
        RECIRC_TRY(auto b, c_.repo.FindBlock(s, id));
        if (!b || !actor.InOrganisation(b->organisation_id)) {
          return Error::NotFound("listing block " + id + " not found");
        }
        if (b->status != BlockStatus::kBlocked)
          return Rule("block_not_appealable", "the block is " + ToString(b->status));
        b->status = BlockStatus::kAppealed;
        b->appeal = statement;
        b->appealed_at = now;
        RECIRC_CHECK(c_.repo.UpdateBlock(s, *b));
        json::object event{{"offer_id", b->offer_id}, {"rule", b->rule_id}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kListingAppealed, b->id, b->organisation_id,
                                         actor.user_id, json::serialize(event)}));
        (void)seq;
        return *b;
      });
}

Result<storage::ListingBlockRecord> ListingBlockService::Decide(const identity::Principal& actor,
                                                                const ListingBlockId& block_id,
                                                                const std::string& decision,
                                                                const std::string& note) {
  const std::string id = block_id.ToString();
  if (!actor.Has(identity::Permission::kSupervisionAct)) {
    return Error::PermissionDenied("only market supervision decides appeals");
  }
  if (decision != "uphold" && decision != "lift") {
    return Error::InvalidArgument("decision", "decision is uphold or lift");
  }
  RECIRC_CHECK(identity::CheckText(note, "note", 2000));
  const int64_t now = ToUnixMillis(c_.clock.Now());
  return storage::WriteValue<storage::ListingBlockRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::ListingBlockRecord> {
        RECIRC_TRY(auto b, c_.repo.FindBlock(s, id));
        if (!b || !MaySee(actor, *b)) return Error::NotFound("listing block " + id + " not found");
        if (b->status != BlockStatus::kAppealed) {
          return Rule("block_not_appealed",
                      "the block is " + ToString(b->status) + "; decide an appeal");
        }
        b->status = decision == "lift" ? BlockStatus::kLifted : BlockStatus::kUpheld;
        b->decided_by = actor.user_id;
        b->decision_note = note;
        b->decided_at = now;
        RECIRC_CHECK(c_.repo.UpdateBlock(s, *b));
        if (decision == "lift") {
          RECIRC_TRY(auto offer, c_.repo.LockOffer(s, b->offer_id));
          if (offer && offer->status == OfferStatus::kBlocked) {
            RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, offer->id, OfferStatus::kDraft, std::nullopt,
                                                   std::nullopt));
          }
        }
        json::object event{{"offer_id", b->offer_id}, {"rule", b->rule_id}, {"decision", decision}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kListingAppealDecided, b->id, b->organisation_id,
                                         actor.user_id, json::serialize(event)}));
        (void)seq;
        return *b;
      });
}

Result<std::vector<storage::ListingBlockRecord>> ListingBlockService::List(
    const identity::Principal& actor, const std::optional<std::string>& status) {
  if (!actor.Has(identity::Permission::kSupervisionRead) &&
      !actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot see listing blocks");
  }
  std::string prefix;
  if (!actor.SeesAllOrganisations() &&
      actor.kind == identity::OrganisationKind::kMarketSupervision) {
    prefix = RegionPrefix(actor.organisation.region_code);
  }
  // A status outside the vocabulary matches no block.
  std::optional<BlockStatus> wanted;
  if (status) {
    auto parsed = Parse<BlockStatus>(*status, "status");
    if (!parsed) return std::vector<storage::ListingBlockRecord>();
    wanted = *parsed;
  }
  RECIRC_TRY(auto blocks, storage::ReadValue<std::vector<storage::ListingBlockRecord>>(
                              c_.db, [&](storage::Session& s) {
                                return c_.repo.ListBlocks(s, prefix, wanted);
                              }));
  std::vector<storage::ListingBlockRecord> out;
  for (auto& b : blocks) {
    if (MaySee(actor, b)) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace recirc::market
