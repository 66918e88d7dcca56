// Offers on both databases: publishing rules, the statutory hold, availability, prohibited-goods
// blocks and appeals, counterfeit verdicts, and best offers with their 48-hour expiry.
#include <gtest/gtest.h>

#include <map>

#include "domain/inspection/events.hpp"
#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class OfferTest : public MarketFixture {};

TEST_P(OfferTest, PublishingRefusalsNameTheRuleAndThePublishedOfferRecordsTheDisclosure) {
  const std::string item = Register(Imei("35693803564390"));
  auto short_warranty = Terms(item);
  short_warranty.warranty_months = 1;
  auto refused = offers_->Create(clerk_, short_warranty);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), kRuleWarrantyMinimum);

  auto offer = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(offer) << offer.error().message;
  auto no_disclosure = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_FALSE(no_disclosure);
  EXPECT_EQ(inspection::RuleOf(no_disclosure.error()), kRuleDisclosureRequired);

  Inspect(item);
  auto unsanitized = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_FALSE(unsanitized);
  EXPECT_EQ(inspection::RuleOf(unsanitized.error()), inspection::kRuleSanitizationRequired);

  Sanitize(item);
  auto outdated = offers_->Publish(clerk_, Oid(offer->id), 1);
  ASSERT_FALSE(outdated);
  EXPECT_EQ(inspection::RuleOf(outdated.error()), kRuleDisclosureOutdated);

  // A police hold placed on the item.
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return registry_.SetItemStatus(s, item, registry::ItemStatus::kHeld);
  }));
  auto held = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_FALSE(held);
  EXPECT_EQ(inspection::RuleOf(held.error()), inspection::kRuleItemHeld);
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return registry_.SetItemStatus(s, item, registry::ItemStatus::kInStock);
  }));

  auto published = offers_->Publish(clerk_, Oid(offer->id), 2);
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(ToString(published->offer.status), "published");
  EXPECT_EQ(published->offer.disclosure_version, 2);
  EXPECT_FALSE(published->block);
  // The item's history shows the offer with a price band, not the price.
  const auto events = Events("item", item);
  ASSERT_EQ(events.back().type, "item.offered");
  EXPECT_NE(events.back().payload.find("2000-5000 CNY"), std::string::npos);
  EXPECT_EQ(events.back().payload.find("350000"), std::string::npos);
  // One published offer per item.
  auto second = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(second);
  auto twice = offers_->Publish(clerk_, Oid(second->id), std::nullopt);
  ASSERT_FALSE(twice);
  EXPECT_EQ(inspection::RuleOf(twice.error()), kRuleAlreadyOffered);
  // Anonymous callers see published offers only.
  EXPECT_TRUE(offers_->Get(nullptr, Oid(offer->id)));
  EXPECT_FALSE(offers_->Get(nullptr, Oid(second->id)));
}

TEST_P(OfferTest, AnItemInItsStatutoryHoldPeriodIsNotPublishedUntilThePeriodEnds) {
  const std::string item = Register(Imei("35693803564391"), /*wait_out_hold=*/false);
  Inspect(item);
  Sanitize(item);
  auto offer = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(offer) << offer.error().message;
  auto held = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_FALSE(held);
  EXPECT_EQ(inspection::RuleOf(held.error()), inspection::kRuleItemHeld);
  clock_.Advance(hours(7 * 24 + 1));
  auto published = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(ToString(published->offer.status), "published");
}

TEST_P(OfferTest, AvailabilitySaysWhyAPublishedOfferCannotBeBoughtAsThePlacementWould) {
  const auto offer = Published("35693803564392");
  auto open = offers_->Availability(nullptr, Oid(offer.id));
  ASSERT_TRUE(open) << open.error().message;
  EXPECT_TRUE(open->buyable);
  EXPECT_EQ(ToString(open->status), "published");
  EXPECT_EQ(open->rule, "");

  // A police hold after publishing: no order, and the public answer names the rule.
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return registry_.SetItemStatus(s, offer.item_id, registry::ItemStatus::kHeld);
  }));
  auto held = offers_->Availability(nullptr, Oid(offer.id));
  ASSERT_TRUE(held) << held.error().message;
  EXPECT_FALSE(held->buyable);
  EXPECT_EQ(held->rule, inspection::kRuleItemHeld);
  EXPECT_EQ(held->reason, "held for verification until the police release it");
  auto refused = Order(offer);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), inspection::kRuleItemHeld);
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return registry_.SetItemStatus(s, offer.item_id, registry::ItemStatus::kInStock);
  }));

  // Reserved by an order: not buyable by anyone else.
  ASSERT_TRUE(Order(offer));
  auto reserved = offers_->Availability(nullptr, Oid(offer.id));
  ASSERT_TRUE(reserved);
  EXPECT_FALSE(reserved->buyable);
  EXPECT_EQ(reserved->rule, "offer_reserved");
  // An unknown offer is not found, as for GET.
  EXPECT_EQ(offers_->Availability(nullptr, Oid("01M82QGDFSEZ4VR0P0J7CYX2FC")).error().code,
            ErrorCode::kNotFound);
}

TEST_P(OfferTest, AProhibitedListingIsBlockedAppealedAndSeenByMarketSupervision) {
  const std::string item = Register(Imei("35693803564391"));
  Inspect(item);
  Sanitize(item);
  auto t = Terms(item);
  t.title = "iPhone 13, not a replica";
  auto offer = offers_->Create(clerk_, t);
  ASSERT_TRUE(offer);
  auto blocked = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_TRUE(blocked) << blocked.error().message;
  EXPECT_EQ(ToString(blocked->offer.status), "blocked");
  ASSERT_TRUE(blocked->block);
  EXPECT_EQ(blocked->block->rule_id, "counterfeit_wording");
  EXPECT_NE(blocked->block->reason.find("replica"), std::string::npos);

  // Beijing market supervision sees it; Shenzhen's does not.
  auto seen = blocks_->List(supervisor_, std::nullopt);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().id, blocked->block->id);
  EXPECT_TRUE(blocks_->List(far_supervisor_, std::nullopt)->empty());
  EXPECT_FALSE(blocks_->Decide(
      far_supervisor_, ListingBlockId::Parse(blocked->block->id, "id").value(), "lift", "x"));

  // Deciding needs an appeal first; the shop cannot decide its own.
  EXPECT_EQ(inspection::RuleOf(blocks_
                                   ->Decide(supervisor_,
                                            ListingBlockId::Parse(blocked->block->id, "id").value(),
                                            "lift", "ok")
                                   .error()),
            "block_not_appealed");
  ASSERT_TRUE(blocks_->Appeal(clerk_, ListingBlockId::Parse(blocked->block->id, "id").value(),
                              "标题写明不是仿品，附购买凭证"));
  EXPECT_EQ(
      blocks_
          ->Decide(clerk_, ListingBlockId::Parse(blocked->block->id, "id").value(), "lift", "mine")
          .error()
          .code,
      ErrorCode::kPermissionDenied);
  auto lifted = blocks_->Decide(
      supervisor_, ListingBlockId::Parse(blocked->block->id, "id").value(), "lift", "凭证属实");
  ASSERT_TRUE(lifted) << lifted.error().message;
  EXPECT_EQ(ToString(lifted->status), "lifted");
  auto again = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(ToString(again->offer.status), "published");
  // The audit trail: blocked, appealed, decided.
  const auto trail = Events("listing_block", blocked->block->id);
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[0].type, "listing.blocked");
  EXPECT_EQ(trail[2].type, "listing.appeal_decided");
}

TEST_P(OfferTest, ACounterfeitVerdictBlocksTheListing) {
  // The signal is the newest item.inspected event's verdict. Phones take no verdict, so the
  // phone's own inspection event is appended again with the verdict set to counterfeit.
  const std::string item = Register(Imei("35693803564392"));
  Inspect(item);
  Sanitize(item);
  json::object inspected;
  for (const auto& e : Events("item", item)) {
    if (e.type == "item.inspected") inspected = json::parse(e.payload).as_object();
  }
  inspected["authenticity"] = "counterfeit";
  ASSERT_TRUE(db().Write([&](storage::Session& s) -> Status {
    auto seq = journal_.Append(s, {inspection::events::kItemInspected, item, std::nullopt,
                                   "UINSPECTOR", json::serialize(inspected)});
    if (!seq) return seq.error();
    return Ok();
  }));
  auto offer = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(offer);
  auto blocked = offers_->Publish(clerk_, Oid(offer->id), std::nullopt);
  ASSERT_TRUE(blocked) << blocked.error().message;
  ASSERT_TRUE(blocked->block);
  EXPECT_EQ(blocked->block->rule_id, "counterfeit_verdict");
}

TEST_P(OfferTest, BestOffersAutoAcceptDeclineCounterAndExpireAfter48Hours) {
  const auto offer = Published("35693803564393", {true, 330000, 250000});
  auto accepted = best_->Make(buyer_, Oid(offer.id), "B-1", 330000);
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(ToString(accepted->status), "accepted");
  EXPECT_EQ(ToString(best_->Make(buyer_, Oid(offer.id), "B-2", 200000)->status), "declined");
  EXPECT_EQ(best_->Make(buyer_, Oid(offer.id), "B-3", 400000).error().field, "amount_fen");

  auto pending = best_->Make(buyer_, Oid(offer.id), "B-4", 300000);
  ASSERT_TRUE(pending);
  EXPECT_EQ(ToString(pending->status), "pending");
  clock_.Advance(hours(47));
  auto countered = best_->Respond(clerk_, Bid(pending->id), "counter", 320000);
  ASSERT_TRUE(countered) << countered.error().message;
  EXPECT_EQ(ToString(countered->status), "countered");
  clock_.Advance(hours(47));  // the counter has its own 48 hours
  auto taken = best_->AcceptCounter(buyer_, Bid(pending->id), "B-4");
  ASSERT_TRUE(taken) << taken.error().message;
  EXPECT_EQ(ToString(taken->status), "accepted");

  auto late = best_->Make(buyer_, Oid(offer.id), "B-5", 300000);
  ASSERT_TRUE(late);
  clock_.Advance(hours(48));
  EXPECT_EQ(ToString(best_->Get(clerk_, Bid(late->id))->status), "expired");
  auto expired = best_->Respond(clerk_, Bid(late->id), "accept", std::nullopt);
  ASSERT_FALSE(expired);
  EXPECT_EQ(inspection::RuleOf(expired.error()), "best_offer_expired");

  // The accepted counter fixes the order's price, once.
  auto order = orders_->Place(
      buyer_, {Oid(offer.id), "B-4", "simulated", *offer.disclosure_version, Bid(pending->id)});
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(order->price_fen, 320000);
}

TEST_P(OfferTest, TheSellerListsTheBestOffersOfAnOfferWithTheirEffectiveStatus) {
  const auto offer = Published("35693803564401", {true, 340000, 250000});
  auto pending = best_->Make(buyer_, Oid(offer.id), "B-7", 300000);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(ToString(best_->Make(buyer_, Oid(offer.id), "B-8", 200000)->status), "declined");
  auto listed = best_->OfOffer(clerk_, Oid(offer.id));
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  auto status_of = [&](const std::vector<storage::BestOfferRecord>& list) {
    std::map<int64_t, std::string> by_amount;
    for (const auto& b : list) by_amount[b.amount_fen] = ToString(b.status);
    return by_amount;
  };
  EXPECT_EQ(status_of(*listed),
            (std::map<int64_t, std::string>{{200000, "declined"}, {300000, "pending"}}));
  clock_.Advance(hours(48));
  EXPECT_EQ(status_of(*best_->OfOffer(clerk_, Oid(offer.id))),
            (std::map<int64_t, std::string>{{200000, "declined"}, {300000, "expired"}}));
  // Another organisation's operator does not see them; other roles may not ask.
  const auto other = As(Org("operator", "别家回收", "110105"), Role::kOperatorStaff,
                        OrganisationKind::kOperator, "UOTHER");
  EXPECT_EQ(best_->OfOffer(other, Oid(offer.id)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(best_->OfOffer(clerk_, Oid("01M82QGDFSEZ4VR0P0J7CYX2FC")).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(best_->OfOffer(supervisor_, Oid(offer.id)).error().code, ErrorCode::kPermissionDenied);
}

TEST_P(OfferTest, BestOffersExpireInTheBackgroundWhenTheir48HoursPass) {
  const auto offer = Published("35693803564395", {true, 330000, 250000});
  auto pending = best_->Make(buyer_, Oid(offer.id), "B-7", 300000);
  ASSERT_TRUE(pending);
  auto countered = best_->Make(buyer_, Oid(offer.id), "B-8", 290000);
  ASSERT_TRUE(countered);
  ASSERT_TRUE(best_->Respond(clerk_, Bid(countered->id), "counter", 320000));
  auto stored = [&](const std::string& id) {
    return *storage::ReadValue<std::optional<storage::BestOfferRecord>>(
        db(), [&](storage::Session& s) { return repo_.FindBestOffer(s, id); });
  };
  clock_.Advance(hours(47));
  EXPECT_EQ(*best_->ExpireDue(), 0);
  EXPECT_EQ(ToString(stored(pending->id)->status), "pending");
  clock_.Advance(hours(1));  // 48 hours since it was made: the row itself changes, unread
  EXPECT_EQ(*best_->ExpireDue(), 2);
  EXPECT_EQ(ToString(stored(pending->id)->status), "expired");
  EXPECT_EQ(ToString(stored(countered->id)->status), "expired");
  const auto events = Events("best_offer", pending->id);
  ASSERT_EQ(events.back().type, "best_offer.decided");
  EXPECT_NE(events.back().payload.find("expired"), std::string::npos);
  EXPECT_FALSE(events.back().actor_id.has_value()) << "the job acts as the system";
  EXPECT_EQ(*best_->ExpireDue(), 0) << "once";
  // The seller can no longer take it.
  auto late = best_->Respond(clerk_, Bid(pending->id), "accept", std::nullopt);
  ASSERT_FALSE(late);
  EXPECT_EQ(inspection::RuleOf(late.error()), "best_offer_expired");
}

RECIRC_BOTH_DATABASES(OfferTest);

}  // namespace
}  // namespace recirc::market
