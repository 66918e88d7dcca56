#include "domain/market/offer_service.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/disclosure.hpp"
#include "domain/inspection/events.hpp"
#include "domain/inspection/sanitization.hpp"
#include "domain/market/auction_history.hpp"
#include "domain/market/auction_service.hpp"
#include "domain/market/events.hpp"
#include "domain/market/listing_feed.hpp"
#include "domain/market/paging.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;

Error Rule(std::string_view rule, const std::string& text, std::string field = {}) {
  return RuleError(rule, text, std::move(field));
}

// The offer's own organisation (or the platform) may manage it.
Result<storage::OfferRecord> OwnOffer(storage::Session& s, const MarketContext& c,
                                      const identity::Principal& actor, const std::string& id) {
  RECIRC_TRY(auto offer, c.repo.FindOffer(s, id));
  if (!offer || !actor.InOrganisation(offer->organisation_id)) {
    return Error::NotFound("offer " + id + " not found");
  }
  return *offer;
}

// What a caller outside the seller's organisation may read of an offer.
void RedactSellerTerms(const identity::Principal* actor, storage::OfferRecord& offer) {
  if (actor != nullptr && actor->InOrganisation(offer.organisation_id)) return;
  offer.auto_accept_fen.reset();
  offer.auto_decline_fen.reset();
  // An auction's reserve is hidden; outsiders learn only whether there is one.
  if (offer.sale_mode == SaleMode::kEnglishAuction) {
    offer.mode_terms = PublicAuctionTerms(offer.mode_terms);
  }
}

}  // namespace

int64_t MinimumWarrantyMonths(const inspection::Catalogue& catalogue, const std::string& category) {
  const inspection::Checklist* checklist = catalogue.Latest(category);
  if ((checklist != nullptr && checklist->electrical) || category == "car") return 3;
  return 0;
}

bool IsPublicStatus(OfferStatus status) {
  return status == OfferStatus::kPublished || status == OfferStatus::kReserved ||
         status == OfferStatus::kSold;
}

Result<storage::OfferRecord> OfferService::Create(const identity::Principal& actor,
                                                  const OfferTerms& t, const CreateHook& also) {
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot make offers");
  }
  RECIRC_CHECK(ValidateTerms(t));
  RECIRC_TRY(const SaleMode mode, Parse<SaleMode>(t.sale_mode, "sale_mode"));
  RECIRC_TRY(const Channel channel, Parse<Channel>(t.channel, "channel"));
  if (mode == SaleMode::kEnglishAuction && !also) {
    return Error::InvalidArgument("sale_mode", "an english_auction offer needs its auction terms");
  }
  if (mode == SaleMode::kRental && !also) {
    return Error::InvalidArgument("sale_mode", "a rental offer is made with POST /rentals/offers");
  }
  const bool rental = mode == SaleMode::kRental;
  const int64_t now = ToUnixMillis(c_.clock.Now());
  storage::OfferRecord r{Id::Generate(c_.clock, c_.random).ToString(),
                         t.item_id,
                         actor.organisation.id,
                         mode,
                         channel,
                         t.outlet_id,
                         t.title,
                         t.description,
                         t.price_fen,
                         t.warranty_months,
                         t.return_days,
                         t.best_offer.enabled,
                         t.best_offer.auto_accept_fen,
                         t.best_offer.auto_decline_fen,
                         t.mode_terms,
                         OfferStatus::kDraft,
                         std::nullopt,
                         actor.user_id,
                         now,
                         std::nullopt};
  RECIRC_CHECK(c_.db.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto item, c_.registry.FindItem(s, t.item_id));
    if (!item) return Error::NotFound("item " + t.item_id + " not found");
    RECIRC_TRY(bool holds, c_.inspection.OrganisationHoldsItem(s, actor.organisation.id, item->id));
    if (!holds && !actor.SeesAllOrganisations()) {
      return Error::NotFound("item " + t.item_id + " not found");
    }
    if (t.outlet_id) {
      RECIRC_TRY(auto outlet, c_.identity.FindOutlet(s, *t.outlet_id));
      if (!outlet || outlet->organisation_id != actor.organisation.id) {
        return Error::InvalidArgument("outlet_id", "outlet_id names one of your outlets");
      }
    }
    if (!rental) {  // the statutory warranty is a sale's; a rental item is not sold
      RECIRC_CHECK(
          RequireWarranty(t.warranty_months, MinimumWarrantyMonths(c_.catalogue, item->category)));
    }
    RECIRC_CHECK(c_.repo.InsertOffer(s, r));
    if (also) RECIRC_CHECK(also(s, r));
    json::object event{
        {"offer_id", r.id}, {"item_id", r.item_id}, {"status", ToString(OfferStatus::kDraft)}};
    RECIRC_TRY(int64_t seq, c_.journal.Append(s, {events::kOfferCreated, r.id, r.organisation_id,
                                                  actor.user_id, json::serialize(event)}));
    (void)seq;
    return Ok();
  }));
  return r;
}

Status OfferService::CheckPublishable(storage::Session& s, const storage::OfferRecord& offer,
                                      std::optional<int64_t> seen_version,
                                      int64_t& disclosure_version, bool& counterfeit) {
  if (offer.sale_mode == SaleMode::kEnglishAuction) {
    // An auction published after its end could never be bid on nor bought.
    RECIRC_TRY(auto terms, ParseAuctionTerms(offer.mode_terms));
    if (terms.ends_at <= c_.clock.Now()) {
      return Rule("auction_ended", "the auction's ends_at has passed; make a new auction",
                  "ends_at");
    }
  }
  RECIRC_CHECK(c_.sellable.CheckSellable(s, offer.item_id));
  RECIRC_TRY(auto item, c_.registry.FindItem(s, offer.item_id));
  if (!item) return Error::NotFound("item " + offer.item_id + " not found");
  RECIRC_TRY(auto others, c_.repo.OffersOfItem(s, offer.item_id));
  for (const auto& o : others) {
    if (o.id != offer.id &&
        (o.status == OfferStatus::kPublished || o.status == OfferStatus::kReserved)) {
      return Rule(kRuleAlreadyOffered, "offer " + o.id + " for this item is " + ToString(o.status));
    }
  }
  RECIRC_TRY(auto events, c_.journal.ForAggregate(s, "item", offer.item_id));
  RECIRC_TRY(auto disclosure,
             inspection::BuildDisclosure(c_.catalogue, *item, events, std::nullopt));
  if (disclosure.latest < 1) {
    return Rule(kRuleDisclosureRequired,
                "the item has no recorded inspection, so the buyer's disclosure would state "
                "nothing about its condition");
  }
  if (seen_version && *seen_version != disclosure.latest) {
    return Rule(kRuleDisclosureOutdated,
                "the disclosure is at version " + std::to_string(disclosure.latest) + ", not " +
                    std::to_string(*seen_version) + "; read it again",
                "disclosure_version");
  }
  disclosure_version = disclosure.latest;
  RECIRC_TRY(auto certificates, c_.inspection.SanitizationsOfItem(s, offer.item_id));
  const bool rental = offer.sale_mode == SaleMode::kRental;
  RECIRC_CHECK(inspection::RequireSanitized(
      c_.catalogue.Latest(item->category), certificates,
      rental ? inspection::OfferKind::kRental : inspection::OfferKind::kSale));
  if (!rental) {
    RECIRC_CHECK(RequireWarranty(offer.warranty_months,
                                 MinimumWarrantyMonths(c_.catalogue, item->category)));
  }
  counterfeit = false;
  for (const auto& e : events) {
    if (e.type != inspection::events::kItemInspected.name) continue;
    const json::value p = json::parse(e.payload);
    const json::value* a = p.as_object().if_contains("authenticity");
    counterfeit = a != nullptr && a->is_string() && a->as_string() == "counterfeit";
  }
  return Ok();
}

Result<PublishResult> OfferService::Publish(const identity::Principal& actor,
                                            const OfferId& typed_offer_id,
                                            std::optional<int64_t> seen_version) {
  const std::string offer_id = typed_offer_id.ToString();
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot publish offers");
  }
  return storage::WriteValue<PublishResult>(
      c_.db, [&](storage::Session& s) -> Result<PublishResult> {
        RECIRC_TRY(auto offer, OwnOffer(s, c_, actor, offer_id));
        RECIRC_TRY(auto locked, c_.repo.LockOffer(s, offer_id));
        if (locked) offer = *locked;
        if (offer.status != OfferStatus::kDraft) {
          return Rule("offer_not_draft",
                      "the offer is " + ToString(offer.status) + "; only a draft is published");
        }
        int64_t version = 0;
        bool counterfeit = false;
        RECIRC_CHECK(CheckPublishable(s, offer, seen_version, version, counterfeit));
        RECIRC_TRY(auto item, c_.registry.FindItem(s, offer.item_id));
        RECIRC_TRY(auto earlier, c_.repo.BlocksOfOffer(s, offer.id));
        std::set<std::string> lifted;
        for (const auto& b : earlier) {
          if (b.status == BlockStatus::kLifted) lifted.insert(b.rule_id);
        }
        ListingFacts facts{
            item->category, ToString(offer.channel),
            offer.title + "\n" + offer.description + "\n" + item->brand + " " + item->model,
            counterfeit};
        const int64_t now = ToUnixMillis(c_.clock.Now());
        PublishResult out{offer, std::nullopt};
        if (auto hit = c_.rules.Evaluate(facts, lifted)) {
          storage::ListingBlockRecord b{Id::Generate(c_.clock, c_.random).ToString(),
                                        offer.id,
                                        offer.item_id,
                                        offer.organisation_id,
                                        actor.organisation.region_code,
                                        hit->rule->id,
                                        hit->rule->reason_en + " (" + hit->rule->reason_zh +
                                            "); matched " + hit->matched + "; basis " +
                                            hit->rule->basis,
                                        BlockStatus::kBlocked};
          b.created_at = now;
          RECIRC_CHECK(c_.repo.InsertBlock(s, b));
          RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, offer.id, OfferStatus::kBlocked, std::nullopt,
                                                 std::nullopt));
          json::object event{{"block_id", b.id},         {"offer_id", offer.id},
                             {"item_id", offer.item_id}, {"rule", b.rule_id},
                             {"matched", hit->matched},  {"rules_version", c_.rules.version()}};
          RECIRC_TRY(int64_t seq,
                     c_.journal.Append(s, {events::kListingBlocked, b.id, offer.organisation_id,
                                           actor.user_id, json::serialize(event)}));
          (void)seq;
          out.offer.status = OfferStatus::kBlocked;
          out.block = b;
          return out;
        }
        RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, offer.id, OfferStatus::kPublished, version, now));
        json::object event{{"offer_id", offer.id},
                           {"sale_mode", ToString(offer.sale_mode)},
                           {"channel", ToString(offer.channel)},
                           {"price_band", PriceBand(offer.price_fen)},
                           {"warranty_months", offer.warranty_months},
                           {"return_days", offer.return_days},
                           {"disclosure_version", version}};
        RECIRC_TRY(int64_t seq,
                   c_.journal.Append(s, {events::kItemOffered, offer.item_id, offer.organisation_id,
                                         actor.user_id, json::serialize(event)}));
        (void)seq;
        if (offer.sale_mode == SaleMode::kEnglishAuction) {
          RECIRC_CHECK(AppendAuctionOpened(s, c_, actor, offer));
        }
        storage::OfferRecord published = offer;
        published.status = OfferStatus::kPublished;
        RECIRC_CHECK(AppendListingPublished(s, c_, actor, published, *item));
        out.offer.status = OfferStatus::kPublished;
        out.offer.disclosure_version = version;
        out.offer.published_at = now;
        return out;
      });
}

Result<storage::OfferRecord> OfferService::Withdraw(const identity::Principal& actor,
                                                    const OfferId& typed_offer_id,
                                                    const std::string& reason) {
  const std::string offer_id = typed_offer_id.ToString();
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot withdraw offers");
  }
  RECIRC_CHECK(identity::CheckText(reason, "reason", 500));
  return storage::WriteValue<storage::OfferRecord>(
      c_.db, [&](storage::Session& s) -> Result<storage::OfferRecord> {
        RECIRC_TRY(auto offer, OwnOffer(s, c_, actor, offer_id));
        RECIRC_TRY(auto locked, c_.repo.LockOffer(s, offer_id));
        if (locked) offer = *locked;
        if (offer.status == OfferStatus::kReserved || offer.status == OfferStatus::kSold ||
            offer.status == OfferStatus::kWithdrawn) {
          return Rule("offer_not_withdrawable", "the offer is " + ToString(offer.status));
        }
        const bool was_public = offer.status == OfferStatus::kPublished;
        RECIRC_CHECK(c_.repo.UpdateOfferStatus(s, offer.id, OfferStatus::kWithdrawn, std::nullopt,
                                               std::nullopt));
        if (was_public) {
          json::object event{{"offer_id", offer.id}};
          RECIRC_TRY(int64_t seq, c_.journal.Append(s, {events::kItemOfferWithdrawn, offer.item_id,
                                                        offer.organisation_id, actor.user_id,
                                                        json::serialize(event)}));
          (void)seq;
          RECIRC_CHECK(AppendListingClosed(s, c_, actor, offer, "withdrawn"));
        }
        offer.status = OfferStatus::kWithdrawn;
        return offer;
      });
}

Result<storage::OfferRecord> OfferService::Get(const identity::Principal* actor,
                                               const OfferId& typed_offer_id) {
  const std::string offer_id = typed_offer_id.ToString();
  RECIRC_TRY(auto offer,
             storage::ReadValue<std::optional<storage::OfferRecord>>(
                 c_.db, [&](storage::Session& s) { return c_.repo.FindOffer(s, offer_id); }));
  if (!offer || (!IsPublicStatus(offer->status) &&
                 (actor == nullptr || !actor->InOrganisation(offer->organisation_id)))) {
    return Error::NotFound("offer " + offer_id + " not found");
  }
  RedactSellerTerms(actor, *offer);
  return *offer;
}

Result<std::vector<storage::OfferRecord>> OfferService::OfItem(const identity::Principal* actor,
                                                               const ItemId& typed_item_id) {
  const std::string item_id = typed_item_id.ToString();
  RECIRC_TRY(auto offers,
             storage::ReadValue<std::vector<storage::OfferRecord>>(
                 c_.db, [&](storage::Session& s) -> Result<std::vector<storage::OfferRecord>> {
                   RECIRC_TRY(auto item, c_.registry.FindItem(s, item_id));
                   if (!item) return Error::NotFound("item " + item_id + " not found");
                   return c_.repo.OffersOfItem(s, item_id);
                 }));
  std::vector<storage::OfferRecord> out;
  for (auto& o : offers) {
    if (IsPublicStatus(o.status) ||
        (actor != nullptr && actor->InOrganisation(o.organisation_id))) {
      RedactSellerTerms(actor, o);
      out.push_back(std::move(o));
    }
  }
  return out;
}

Result<OfferPage> OfferService::OfOrganisation(const identity::Principal& actor,
                                               const storage::PageRequest& page) {
  if (!actor.Has(identity::Permission::kMarketManage)) {
    return Error::PermissionDenied("your role has no offers");
  }
  RECIRC_CHECK(CheckPage(page, kOperatorPageMax));
  RECIRC_TRY(auto items,
             storage::ReadValue<std::vector<storage::OfferRecord>>(c_.db, [&](storage::Session& s) {
               return c_.repo.OffersOfOrganisation(s, actor.organisation.id, page.after,
                                                   page.limit);
             }));
  OfferPage out;
  out.next_cursor = NextCursor(items, page.limit, [](const auto& o) { return o.id; });
  out.items = std::move(items);
  return out;
}

}  // namespace recirc::market
