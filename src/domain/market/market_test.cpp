// The market services on both databases: publishing rules, prohibited-goods blocks and appeals,
// best offers with their 48-hour expiry, orders through escrow, concurrent orders, refunds, and
// after-sales with the serial comparison.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <thread>

#include "core/validators.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/inspection/report_service.hpp"
#include "domain/inspection/sanitization.hpp"
#include "domain/market/services.hpp"
#include "domain/registry/registration.hpp"
#include "support/test_database.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;
using identity::OrganisationKind;
using identity::Principal;
using identity::Role;
using std::chrono::hours;

constexpr std::string_view kRegions =
    "code,name,parent_code,level\n110000,北京市,,province\n110105,朝阳区,110000,county\n"
    "440000,广东省,,province\n440300,深圳市,440000,city\n";

std::string Imei(std::string fourteen) { return fourteen + core::ImeiCheckDigit(fourteen).value(); }
const std::string kPhoto = "sha256:" + std::string(64, 'c');

json::object PhoneResults() {
  return json::object{{"powers_on", "pass"},      {"display", "pass"},
                      {"touch", "pass"},          {"cameras", "pass"},
                      {"audio", "pass"},          {"buttons", "pass"},
                      {"charging", "pass"},       {"connectivity", "pass"},
                      {"battery_health", 86},     {"liquid_indicator", "not_triggered"},
                      {"activation_lock", "off"}, {"screen_glass", "micro_scratches"},
                      {"housing", "flawless"},    {"photo_front", kPhoto},
                      {"photo_back", kPhoto}};
}

class MarketTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (IsSkipped() || HasFailure()) return;
    directory_.emplace(db(), identity_repo_, journal_, regions_, hasher_, clock_, random_);
    registration_.emplace(db(), registry_, identity_repo_, journal_, cipher_, index_, clock_,
                          random_, registry::HoldPolicy{.default_days = 7, .rules = {}});
    sellable_.emplace(registration_->holds());
    reports_.emplace(db(), catalogue_, inspection_repo_, registry_, journal_, cipher_, clock_,
                     random_);
    sanitization_.emplace(db(), catalogue_, inspection_repo_, registry_, journal_, clock_, random_);
    ctx_.emplace(MarketContext{db(), catalogue_, rules_, *sellable_, repo_, registry_,
                               inspection_repo_, identity_repo_, journal_, clock_, random_});
    providers_.Add(cash_);
    providers_.Add(simulated_);
    offers_.emplace(*ctx_);
    best_.emplace(*ctx_);
    blocks_.emplace(*ctx_);
    orders_.emplace(*ctx_, providers_);
    after_sales_.emplace(*ctx_, *orders_, *reports_);

    shop_ = Org("operator", "绿循环", "110105");
    outlet_ =
        *directory_->CreateOutlet(Principal::System(), shop_.id, {"朝阳店", "110105", "建国路"});
    clerk_ = As(shop_, Role::kOperatorStaff, OrganisationKind::kOperator, "UCLERK");
    buyer_ = As(shop_, Role::kOperatorStaff, OrganisationKind::kOperator, "UBUYERDESK");
    auto body = Org("inspection_body", "华检中心", "440300");
    inspector_ = As(body, Role::kInspector, OrganisationKind::kInspectionBody, "UINSPECTOR");
    supervisor_ = As(Org("market_supervision", "北京市市场监管局", "110000"),
                     Role::kMarketSupervisor, OrganisationKind::kMarketSupervision, "USUPER");
    far_supervisor_ = As(Org("market_supervision", "深圳市市场监管局", "440300"),
                         Role::kMarketSupervisor, OrganisationKind::kMarketSupervision, "UFAR");
  }

  storage::OrganisationRecord Org(std::string kind, std::string name, std::string region) {
    return *directory_->CreateOrganisation(Principal::System(), {kind, name, std::nullopt, region});
  }
  Principal As(const storage::OrganisationRecord& org, Role role, OrganisationKind kind,
               std::string user) {
    Principal p;
    p.user_id = std::move(user);
    p.role = role;
    p.kind = kind;
    p.organisation = org;
    return p;
  }
  // Registers a phone; unless told otherwise, lets its statutory hold period (7 days) pass.
  std::string Register(std::string imei, bool wait_out_hold = true) {
    registry::AcquisitionInput in;
    in.outlet_id = outlet_.id;
    in.kind = "purchase";
    in.channel = "store";
    in.price_fen = 100000;
    in.payment_method = "cash";
    in.person_matches_id = true;
    in.origin_statement = "自用";
    in.seller = {"individual",
                 "张三丰",
                 std::string("resident_id"),
                 std::string("11010519491231002X"),
                 std::nullopt,
                 std::nullopt,
                 std::nullopt};
    in.item = {"phone", "Apple", "iPhone 13", {{"imei", imei}}, std::nullopt, "轻微划痕", 1};
    auto receipt = registration_->Register(clerk_, in);
    EXPECT_TRUE(receipt) << receipt.error().message;
    if (wait_out_hold) clock_.Advance(hours(7 * 24 + 1));
    return receipt->item_id;
  }
  std::string Inspect(const std::string& item) {
    auto r = reports_->Submit(inspector_, item, {std::nullopt, PhoneResults(), std::nullopt, {}});
    EXPECT_TRUE(r) << r.error().message;
    return r->id;
  }
  void Sanitize(const std::string& item) {
    inspection::SanitizationInput in;
    in.manufacturer = "Apple";
    in.model = "iPhone 13";
    in.serial = "F2LXK0ABCD";
    in.media_type = "flash";
    in.media_source = "机主手机内置存储";
    in.level = "purge";
    in.method = "crypto_erase";
    in.tool = "recirc-wipe";
    in.tool_version = "2.1";
    in.verification_method = "全盘抽样读取";
    in.verification_result = "passed";
    in.sanitizer = {"钱清除", "数据清除员", "2026-12-01", "北京市朝阳区建国路 88 号"};
    in.verifier = {"孙复核", "质检主管", "2026-12-01", "北京市朝阳区建国路 88 号"};
    in.consent = {true, "全部用户数据", true, "2026-11-30"};
    in.destination = "resale";
    ASSERT_TRUE(sanitization_->Record(clerk_, item, in));
  }
  OfferTerms Terms(const std::string& item) {
    return {item,
            "fixed_price",
            "online",
            std::nullopt,
            "iPhone 13 128GB 蓝色",
            "电池 86%",
            350000,
            3,
            7,
            {}};
  }
  // A phone inspected, sanitized and published; returns the offer.
  storage::OfferRecord Published(const std::string& imei14, BestOfferTerms best = {}) {
    const std::string item = Register(Imei(imei14));
    Inspect(item);
    Sanitize(item);
    auto t = Terms(item);
    t.best_offer = best;
    auto offer = offers_->Create(clerk_, t);
    EXPECT_TRUE(offer) << offer.error().message;
    auto published = offers_->Publish(clerk_, offer->id, std::nullopt);
    EXPECT_TRUE(published) << published.error().message;
    EXPECT_EQ(published->offer.status, "published");
    return published->offer;
  }
  std::vector<storage::EventRecord> Events(const std::string& type, const std::string& id) {
    return *storage::ReadValue<std::vector<storage::EventRecord>>(
        db(), [&](storage::Session& s) { return journal_.ForAggregate(s, type, id); });
  }
  Result<storage::OrderRecord> Order(const storage::OfferRecord& offer,
                                     std::string provider = "simulated") {
    return orders_->Place(buyer_, {offer.id, "B-0042", provider, *offer.disclosure_version, {}});
  }
  storage::OrderRecord Received(const storage::OfferRecord& offer) {
    auto o = Order(offer);
    EXPECT_TRUE(o) << o.error().message;
    EXPECT_TRUE(orders_->Pay(buyer_, o->id, 350000, std::nullopt));
    auto d = orders_->Dispatch(clerk_, o->id, {"shipping", {"F2LXK0ABCD"}, {kPhoto}, "SF1234"});
    EXPECT_TRUE(d) << d.error().message;
    auto r = orders_->Receive(buyer_, o->id, "as_described");
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }

  SeededRandom random_{33};
  core::RegionTable regions_ = core::RegionTable::ParseCsv(kRegions, "test").value();
  crypto::PasswordHasher hasher_{crypto::PasswordCost::kMinimumForTests};
  crypto::FieldCipher cipher_ =
      crypto::FieldCipher::Create({{"k1", std::string(32, 'k')}}, "k1").value();
  crypto::BlindIndex index_ = crypto::BlindIndex::Create(std::string(32, 'i')).value();
  inspection::Catalogue catalogue_ = inspection::Catalogue::Embedded().value();
  ProhibitedRules rules_ = ProhibitedRules::Embedded().value();
  storage::IdentityRepository identity_repo_;
  storage::RegistryRepository registry_;
  storage::InspectionRepository inspection_repo_;
  storage::MarketRepository repo_;
  storage::JournalRepository journal_{clock_, random_};
  std::optional<RegistryHoldsCheck> sellable_;
  CashAtOutlet cash_;
  SimulatedProvider simulated_;
  PaymentProviders providers_;
  std::optional<identity::DirectoryService> directory_;
  std::optional<registry::RegistrationService> registration_;
  std::optional<inspection::InspectionService> reports_;
  std::optional<inspection::SanitizationService> sanitization_;
  std::optional<MarketContext> ctx_;
  std::optional<OfferService> offers_;
  std::optional<BestOfferService> best_;
  std::optional<ListingBlockService> blocks_;
  std::optional<OrderService> orders_;
  std::optional<AfterSalesService> after_sales_;
  storage::OrganisationRecord shop_;
  storage::OutletRecord outlet_;
  Principal clerk_, buyer_, inspector_, supervisor_, far_supervisor_;
};

TEST_P(MarketTest, PublishingRefusalsNameTheRuleAndThePublishedOfferRecordsTheDisclosure) {
  const std::string item = Register(Imei("35693803564390"));
  auto short_warranty = Terms(item);
  short_warranty.warranty_months = 1;
  auto refused = offers_->Create(clerk_, short_warranty);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), kRuleWarrantyMinimum);

  auto offer = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(offer) << offer.error().message;
  auto no_disclosure = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_FALSE(no_disclosure);
  EXPECT_EQ(inspection::RuleOf(no_disclosure.error()), kRuleDisclosureRequired);

  Inspect(item);
  auto unsanitized = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_FALSE(unsanitized);
  EXPECT_EQ(inspection::RuleOf(unsanitized.error()), inspection::kRuleSanitizationRequired);

  Sanitize(item);
  auto outdated = offers_->Publish(clerk_, offer->id, 1);
  ASSERT_FALSE(outdated);
  EXPECT_EQ(inspection::RuleOf(outdated.error()), kRuleDisclosureOutdated);

  // A police hold placed on the item.
  ASSERT_TRUE(
      db().Write([&](storage::Session& s) { return registry_.SetItemStatus(s, item, "held"); }));
  auto held = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_FALSE(held);
  EXPECT_EQ(inspection::RuleOf(held.error()), inspection::kRuleItemHeld);
  ASSERT_TRUE(db().Write(
      [&](storage::Session& s) { return registry_.SetItemStatus(s, item, "in_stock"); }));

  auto published = offers_->Publish(clerk_, offer->id, 2);
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(published->offer.status, "published");
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
  auto twice = offers_->Publish(clerk_, second->id, std::nullopt);
  ASSERT_FALSE(twice);
  EXPECT_EQ(inspection::RuleOf(twice.error()), kRuleAlreadyOffered);
  // Anonymous callers see published offers only.
  EXPECT_TRUE(offers_->Get(nullptr, offer->id));
  EXPECT_FALSE(offers_->Get(nullptr, second->id));
}

TEST_P(MarketTest, AnItemInItsStatutoryHoldPeriodIsNotPublishedUntilThePeriodEnds) {
  const std::string item = Register(Imei("35693803564391"), /*wait_out_hold=*/false);
  Inspect(item);
  Sanitize(item);
  auto offer = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(offer) << offer.error().message;
  auto held = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_FALSE(held);
  EXPECT_EQ(inspection::RuleOf(held.error()), inspection::kRuleItemHeld);
  clock_.Advance(hours(7 * 24 + 1));
  auto published = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_TRUE(published) << published.error().message;
  EXPECT_EQ(published->offer.status, "published");
}

TEST_P(MarketTest, AvailabilitySaysWhyAPublishedOfferCannotBeBoughtAsThePlacementWould) {
  const auto offer = Published("35693803564392");
  auto open = offers_->Availability(nullptr, offer.id);
  ASSERT_TRUE(open) << open.error().message;
  EXPECT_TRUE(open->buyable);
  EXPECT_EQ(open->status, "published");
  EXPECT_EQ(open->rule, "");

  // A police hold after publishing: no order, and the public answer names the rule.
  ASSERT_TRUE(db().Write(
      [&](storage::Session& s) { return registry_.SetItemStatus(s, offer.item_id, "held"); }));
  auto held = offers_->Availability(nullptr, offer.id);
  ASSERT_TRUE(held) << held.error().message;
  EXPECT_FALSE(held->buyable);
  EXPECT_EQ(held->rule, inspection::kRuleItemHeld);
  EXPECT_EQ(held->reason, "held for verification until the police release it");
  auto refused = Order(offer);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), inspection::kRuleItemHeld);
  ASSERT_TRUE(db().Write(
      [&](storage::Session& s) { return registry_.SetItemStatus(s, offer.item_id, "in_stock"); }));

  // Reserved by an order: not buyable by anyone else.
  ASSERT_TRUE(Order(offer));
  auto reserved = offers_->Availability(nullptr, offer.id);
  ASSERT_TRUE(reserved);
  EXPECT_FALSE(reserved->buyable);
  EXPECT_EQ(reserved->rule, "offer_reserved");
  // An unknown offer is not found, as for GET.
  EXPECT_EQ(offers_->Availability(nullptr, "01M82QGDFSEZ4VR0P0J7CYX2FC").error().code,
            ErrorCode::kNotFound);
}

TEST_P(MarketTest, AProhibitedListingIsBlockedAppealedAndSeenByMarketSupervision) {
  const std::string item = Register(Imei("35693803564391"));
  Inspect(item);
  Sanitize(item);
  auto t = Terms(item);
  t.title = "iPhone 13, not a replica";
  auto offer = offers_->Create(clerk_, t);
  ASSERT_TRUE(offer);
  auto blocked = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_TRUE(blocked) << blocked.error().message;
  EXPECT_EQ(blocked->offer.status, "blocked");
  ASSERT_TRUE(blocked->block);
  EXPECT_EQ(blocked->block->rule_id, "counterfeit_wording");
  EXPECT_NE(blocked->block->reason.find("replica"), std::string::npos);

  // Beijing market supervision sees it; Shenzhen's does not.
  auto seen = blocks_->List(supervisor_, std::nullopt);
  ASSERT_TRUE(seen);
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().id, blocked->block->id);
  EXPECT_TRUE(blocks_->List(far_supervisor_, std::nullopt)->empty());
  EXPECT_FALSE(blocks_->Decide(far_supervisor_, blocked->block->id, "lift", "x"));

  // Deciding needs an appeal first; the shop cannot decide its own.
  EXPECT_EQ(
      inspection::RuleOf(blocks_->Decide(supervisor_, blocked->block->id, "lift", "ok").error()),
      "block_not_appealed");
  ASSERT_TRUE(blocks_->Appeal(clerk_, blocked->block->id, "标题写明不是仿品，附购买凭证"));
  EXPECT_EQ(blocks_->Decide(clerk_, blocked->block->id, "lift", "mine").error().code,
            ErrorCode::kPermissionDenied);
  auto lifted = blocks_->Decide(supervisor_, blocked->block->id, "lift", "凭证属实");
  ASSERT_TRUE(lifted) << lifted.error().message;
  EXPECT_EQ(lifted->status, "lifted");
  auto again = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->offer.status, "published");
  // The audit trail: blocked, appealed, decided.
  const auto trail = Events("listing_block", blocked->block->id);
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[0].type, "listing.blocked");
  EXPECT_EQ(trail[2].type, "listing.appeal_decided");
}

TEST_P(MarketTest, ACounterfeitVerdictBlocksTheListing) {
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
    auto seq = journal_.Append(s, {"item.inspected", "item", item, std::nullopt, "UINSPECTOR",
                                   json::serialize(inspected)});
    if (!seq) return seq.error();
    return Ok();
  }));
  auto offer = offers_->Create(clerk_, Terms(item));
  ASSERT_TRUE(offer);
  auto blocked = offers_->Publish(clerk_, offer->id, std::nullopt);
  ASSERT_TRUE(blocked) << blocked.error().message;
  ASSERT_TRUE(blocked->block);
  EXPECT_EQ(blocked->block->rule_id, "counterfeit_verdict");
}

TEST_P(MarketTest, BestOffersAutoAcceptDeclineCounterAndExpireAfter48Hours) {
  const auto offer = Published("35693803564393", {true, 330000, 250000});
  auto accepted = best_->Make(buyer_, offer.id, "B-1", 330000);
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(accepted->status, "accepted");
  EXPECT_EQ(best_->Make(buyer_, offer.id, "B-2", 200000)->status, "declined");
  EXPECT_EQ(best_->Make(buyer_, offer.id, "B-3", 400000).error().field, "amount_fen");

  auto pending = best_->Make(buyer_, offer.id, "B-4", 300000);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->status, "pending");
  clock_.Advance(hours(47));
  auto countered = best_->Respond(clerk_, pending->id, "counter", 320000);
  ASSERT_TRUE(countered) << countered.error().message;
  EXPECT_EQ(countered->status, "countered");
  clock_.Advance(hours(47));  // the counter has its own 48 hours
  auto taken = best_->AcceptCounter(buyer_, pending->id, "B-4");
  ASSERT_TRUE(taken) << taken.error().message;
  EXPECT_EQ(taken->status, "accepted");

  auto late = best_->Make(buyer_, offer.id, "B-5", 300000);
  ASSERT_TRUE(late);
  clock_.Advance(hours(48));
  EXPECT_EQ(best_->Get(clerk_, late->id)->status, "expired");
  auto expired = best_->Respond(clerk_, late->id, "accept", std::nullopt);
  ASSERT_FALSE(expired);
  EXPECT_EQ(inspection::RuleOf(expired.error()), "best_offer_expired");

  // The accepted counter fixes the order's price, once.
  auto order = orders_->Place(
      buyer_, {offer.id, "B-4", "simulated", *offer.disclosure_version, pending->id});
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(order->price_fen, 320000);
}

TEST_P(MarketTest, TheSellerListsTheBestOffersOfAnOfferWithTheirEffectiveStatus) {
  const auto offer = Published("35693803564401", {true, 340000, 250000});
  auto pending = best_->Make(buyer_, offer.id, "B-7", 300000);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(best_->Make(buyer_, offer.id, "B-8", 200000)->status, "declined");
  auto listed = best_->OfOffer(clerk_, offer.id);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2u);
  auto status_of = [&](const std::vector<storage::BestOfferRecord>& list) {
    std::map<int64_t, std::string> by_amount;
    for (const auto& b : list) by_amount[b.amount_fen] = b.status;
    return by_amount;
  };
  EXPECT_EQ(status_of(*listed),
            (std::map<int64_t, std::string>{{200000, "declined"}, {300000, "pending"}}));
  clock_.Advance(hours(48));
  EXPECT_EQ(status_of(*best_->OfOffer(clerk_, offer.id)),
            (std::map<int64_t, std::string>{{200000, "declined"}, {300000, "expired"}}));
  // Another organisation's operator does not see them; other roles may not ask.
  const auto other = As(Org("operator", "别家回收", "110105"), Role::kOperatorStaff,
                        OrganisationKind::kOperator, "UOTHER");
  EXPECT_EQ(best_->OfOffer(other, offer.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(best_->OfOffer(clerk_, "01M82QGDFSEZ4VR0P0J7CYX2FC").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(best_->OfOffer(supervisor_, offer.id).error().code, ErrorCode::kPermissionDenied);
}

TEST_P(MarketTest, AnOrderGoesThroughEscrowToSettlementByTheClock) {
  const auto offer = Published("35693803564394");
  auto wrong_version = orders_->Place(buyer_, {offer.id, "B-0042", "simulated", 1, std::nullopt});
  ASSERT_FALSE(wrong_version);
  EXPECT_EQ(inspection::RuleOf(wrong_version.error()), kRuleDisclosureOutdated);
  EXPECT_EQ(orders_->Place(buyer_, {offer.id, "B-0042", "paypal", 2, std::nullopt}).error().field,
            "provider");
  EXPECT_EQ(Order(offer, "cash_at_outlet").error().field, "provider");  // online offer

  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(order->state, "placed");
  EXPECT_EQ(order->disclosure_version, *offer.disclosure_version);
  EXPECT_EQ(orders_->Dispatch(clerk_, order->id, {"shipping", {"S"}, {kPhoto}, {}})
                .error()
                .message.substr(0, 11),
            "order_state");
  auto paid = orders_->Pay(buyer_, order->id, 350000, std::nullopt);
  ASSERT_TRUE(paid) << paid.error().message;
  EXPECT_EQ(paid->paid_fen, 350000);
  EXPECT_EQ(*paid->payment_ref, "SIMULATED-" + order->id);
  EXPECT_EQ(
      orders_->Dispatch(clerk_, order->id, {"shipping", {"S"}, {"sha256:xyz"}, {}}).error().field,
      "photos[0]");
  ASSERT_TRUE(orders_->Dispatch(clerk_, order->id, {"shipping", {"F2LXK0ABCD"}, {kPhoto}, {}}));
  ASSERT_TRUE(orders_->Receive(buyer_, order->id, "as_described"));
  clock_.Advance(hours(72));
  // The return window (7 days) is longer than the inspection window (3 days).
  auto early = orders_->Settle(clerk_, order->id, 350000);
  ASSERT_FALSE(early);
  EXPECT_EQ(inspection::RuleOf(early.error()), "inspection_window_open");
  clock_.Advance(hours(24 * 4));
  auto settled = orders_->Settle(clerk_, order->id, 350000);
  ASSERT_TRUE(settled) << settled.error().message;
  EXPECT_EQ(settled->state, "settled");
  EXPECT_EQ(offers_->Get(nullptr, offer.id)->status, "sold");

  // Item history: offered, sold, handed over, settled; bands, no buyer.
  std::vector<std::string> types;
  for (const auto& e : Events("item", offer.item_id)) {
    types.push_back(e.type);
    EXPECT_EQ(e.payload.find("B-0042"), std::string::npos) << e.type;
  }
  EXPECT_EQ(std::vector<std::string>(types.end() - 5, types.end()),
            (std::vector<std::string>{"item.offered", "item.sold", "item.handed_over",
                                      "item.received", "item.sale_settled"}));
  EXPECT_EQ(Events("order", order->id).size(), 5u);
}

TEST_P(MarketTest, TwoConcurrentOrdersForOneItemGiveOneOrderAndOneConflict) {
  const auto offer = Published("35693803564395");
  std::vector<Result<storage::OrderRecord>> results(2, Error::Internal("not run"));
  std::thread a([&] { results[0] = Order(offer); });
  std::thread b([&] { results[1] = Order(offer); });
  a.join();
  b.join();
  int ok = 0;
  for (const auto& r : results) {
    if (r) {
      ++ok;
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::kConflict) << r.error().message;
      EXPECT_TRUE(r.error().message.starts_with(std::string(kRuleOfferTaken) + ":"))
          << r.error().message;
    }
  }
  EXPECT_EQ(ok, 1);
  // Cancelling frees the offer for the next buyer.
  const auto& placed = results[0] ? *results[0] : *results[1];
  ASSERT_TRUE(orders_->Cancel(buyer_, placed.id, "买错了"));
  EXPECT_TRUE(Order(offer));
}

TEST_P(MarketTest, ARefundNeverExceedsThePayment) {
  const auto offer = Published("35693803564396");
  auto order = Order(offer);
  ASSERT_TRUE(order);
  EXPECT_EQ(inspection::RuleOf(orders_->Refund(clerk_, order->id, 100).error()), "order_state");
  ASSERT_TRUE(orders_->Pay(buyer_, order->id, 350000, std::nullopt));
  auto part = orders_->Refund(clerk_, order->id, 50000);
  ASSERT_TRUE(part) << part.error().message;
  EXPECT_EQ(part->refunded_fen, 50000);
  EXPECT_EQ(part->state, "paid");
  auto too_much = orders_->Refund(clerk_, order->id, 300001);
  ASSERT_FALSE(too_much);
  EXPECT_EQ(inspection::RuleOf(too_much.error()), kRuleRefundExceedsPayment);
  EXPECT_EQ(orders_->Refund(clerk_, order->id, -5).error().field, "amount_fen");
  auto rest = orders_->Refund(clerk_, order->id, 300000);
  ASSERT_TRUE(rest) << rest.error().message;
  EXPECT_EQ(rest->state, "refunded");
  EXPECT_EQ(rest->refunded_fen, rest->paid_fen);
  EXPECT_FALSE(orders_->Refund(clerk_, order->id, 1));
  // Refunded before dispatch: the offer is open again.
  EXPECT_EQ(offers_->Get(nullptr, offer.id)->status, "published");
}

TEST_P(MarketTest, AReturnWithADifferentSerialIsFlaggedForTheOperator) {
  const auto offer = Published("35693803564397");
  const auto order = Received(offer);
  auto ret = after_sales_->RequestReturn(buyer_, order.id, {{"F2LXK0ZZZZ"}, {kPhoto}, "不喜欢"});
  ASSERT_TRUE(ret) << ret.error().message;
  EXPECT_TRUE(ret->flagged);
  EXPECT_NE(ret->details.find("F2LXK0ZZZZ"), std::string::npos);
  auto refused = after_sales_->AcceptReturn(clerk_, ret->id, 350000, false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), "serial_mismatch");
  auto accepted = after_sales_->AcceptReturn(clerk_, ret->id, 350000, true);
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(orders_->Get(clerk_, order.id)->state, "refunded");
  EXPECT_EQ(Events("item", offer.item_id).back().type, "item.returned");
}

TEST_P(MarketTest, ReturnAndWarrantyTimeLimitsRunByTheClock) {
  const auto offer = Published("35693803564398");
  const auto order = Received(offer);
  clock_.Advance(hours(24 * 8));
  auto late = after_sales_->RequestReturn(buyer_, order.id, {{"F2LXK0ABCD"}, {}, "晚了"});
  ASSERT_FALSE(late);
  EXPECT_EQ(inspection::RuleOf(late.error()), "return_window_closed");
  ASSERT_TRUE(orders_->Settle(clerk_, order.id, 350000));
  auto claim = after_sales_->ClaimWarranty(buyer_, order.id, "无法充电");
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(claim->kind, "warranty");
  clock_.Advance(hours(24 * 90));
  auto expired = after_sales_->ClaimWarranty(buyer_, order.id, "屏幕失灵");
  ASSERT_FALSE(expired);
  EXPECT_EQ(inspection::RuleOf(expired.error()), "warranty_expired");
}

TEST_P(MarketTest, ADisputeIsSettledByReinspectionAgainstTheRecordedReport) {
  const auto offer = Published("35693803564399");
  const auto order = Received(offer);
  auto reports = reports_->OfItem(offer.item_id);
  ASSERT_TRUE(reports);
  const std::string original = reports->front().id;
  auto dispute = after_sales_->OpenDispute(buyer_, order.id, original, "电池不是 86%");
  ASSERT_TRUE(dispute) << dispute.error().message;
  json::object worse = PhoneResults();
  worse["battery_health"] = 71;
  auto again = reports_->Submit(inspector_, offer.item_id, {std::nullopt, worse, std::nullopt, {}});
  ASSERT_TRUE(again);
  auto settled = after_sales_->SettleDispute(clerk_, dispute->id, again->id, "refund");
  ASSERT_TRUE(settled) << settled.error().message;
  EXPECT_EQ(settled->status, "resolved");
  EXPECT_NE(settled->details.find("battery_health"), std::string::npos);
  EXPECT_EQ(orders_->Get(clerk_, order.id)->state, "refunded");
}

TEST_P(MarketTest, BestOffersExpireInTheBackgroundWhenTheir48HoursPass) {
  const auto offer = Published("35693803564395", {true, 330000, 250000});
  auto pending = best_->Make(buyer_, offer.id, "B-7", 300000);
  ASSERT_TRUE(pending);
  auto countered = best_->Make(buyer_, offer.id, "B-8", 290000);
  ASSERT_TRUE(countered);
  ASSERT_TRUE(best_->Respond(clerk_, countered->id, "counter", 320000));
  auto stored = [&](const std::string& id) {
    return *storage::ReadValue<std::optional<storage::BestOfferRecord>>(
        db(), [&](storage::Session& s) { return repo_.FindBestOffer(s, id); });
  };
  clock_.Advance(hours(47));
  EXPECT_EQ(*best_->ExpireDue(), 0);
  EXPECT_EQ(stored(pending->id)->status, "pending");
  clock_.Advance(hours(1));  // 48 hours since it was made: the row itself changes, unread
  EXPECT_EQ(*best_->ExpireDue(), 2);
  EXPECT_EQ(stored(pending->id)->status, "expired");
  EXPECT_EQ(stored(countered->id)->status, "expired");
  const auto events = Events("best_offer", pending->id);
  ASSERT_EQ(events.back().type, "best_offer.decided");
  EXPECT_NE(events.back().payload.find("expired"), std::string::npos);
  EXPECT_FALSE(events.back().actor_id.has_value()) << "the job acts as the system";
  EXPECT_EQ(*best_->ExpireDue(), 0) << "once";
  // The seller can no longer take it.
  auto late = best_->Respond(clerk_, pending->id, "accept", std::nullopt);
  ASSERT_FALSE(late);
  EXPECT_EQ(inspection::RuleOf(late.error()), "best_offer_expired");
}

TEST_P(MarketTest, OrdersSettleInTheBackgroundWhenBothWindowsEndWithNoOpenCase) {
  // Both published first: registering lets each phone's hold period pass on the clock.
  const auto first = Published("35693803564396");
  const auto second = Published("35693803564397");
  const auto quiet = Received(first);
  const auto claimed = Received(second);
  ASSERT_TRUE(after_sales_->ClaimWarranty(buyer_, claimed.id, "无法充电"));
  clock_.Advance(hours(72));  // the inspection window (3 days) is over, the return window not
  EXPECT_EQ(*orders_->SettleDue(), 0);
  EXPECT_EQ(orders_->Get(clerk_, quiet.id)->state, "received");
  clock_.Advance(hours(24 * 4));  // 7 days: the return window is over too
  EXPECT_EQ(*orders_->SettleDue(), 1);
  EXPECT_EQ(orders_->Get(clerk_, quiet.id)->state, "settled");
  EXPECT_EQ(orders_->Get(clerk_, claimed.id)->state, "received") << "a warranty case is open";
  const auto history = Events("item", quiet.item_id);
  EXPECT_EQ(history.back().type, "item.sale_settled");
}

TEST_P(MarketTest, ABuyerAccountOrdersAndMakesBestOffersAsItselfNotByReference) {
  const auto buyers = directory_->BuyersOrganisation();
  ASSERT_TRUE(buyers) << buyers.error().message;
  const Principal a = As(*buyers, Role::kBuyer, OrganisationKind::kBuyers, "UACCOUNTA");
  const Principal b = As(*buyers, Role::kBuyer, OrganisationKind::kBuyers, "UACCOUNTB");
  const auto offer = Published("35693803564398", {true, 340000, 250000});
  // A reference is refused, naming it; staff must give one, and not an account's form.
  EXPECT_EQ(best_->Make(a, offer.id, "B-1", 300000).error().field, "buyer_ref");
  EXPECT_EQ(best_->Make(buyer_, offer.id, "", 300000).error().field, "buyer_ref");
  EXPECT_EQ(best_->Make(buyer_, offer.id, "user:UACCOUNTA", 300000).error().field, "buyer_ref");
  auto mine = best_->Make(a, offer.id, "", 300000);
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_EQ(mine->buyer_ref, "user:UACCOUNTA");
  EXPECT_TRUE(best_->Get(a, mine->id));
  EXPECT_EQ(best_->Get(b, mine->id).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(best_->Respond(clerk_, mine->id, "counter", 320000));
  EXPECT_EQ(best_->AcceptCounter(b, mine->id, "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(best_->AcceptCounter(a, mine->id, "", 310000).error().field, "counter_fen");
  ASSERT_TRUE(best_->AcceptCounter(a, mine->id, "", 320000));

  auto with_ref =
      orders_->Place(a, {offer.id, "B-1", "simulated", *offer.disclosure_version, mine->id});
  ASSERT_FALSE(with_ref);
  EXPECT_EQ(with_ref.error().field, "buyer_ref");
  // B cannot use A's agreed price.
  EXPECT_EQ(
      orders_->Place(b, {offer.id, std::nullopt, "simulated", *offer.disclosure_version, mine->id})
          .error()
          .field,
      "best_offer_id");
  auto order =
      orders_->Place(a, {offer.id, std::nullopt, "simulated", *offer.disclosure_version, mine->id});
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(order->price_fen, 320000);
  EXPECT_EQ(order->buyer_ref, "");
  EXPECT_EQ(order->created_by, "UACCOUNTA");
  EXPECT_EQ(orders_->Get(b, order->id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(orders_->Pay(b, order->id, 320000, std::nullopt).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(orders_->Mine(a, {"", 20})->items.size(), 1u);
  EXPECT_TRUE(orders_->Mine(b, {"", 20})->items.empty());
  EXPECT_EQ(orders_->OfOrganisation(a).error().code, ErrorCode::kPermissionDenied);
  // The shop still acts on its organisation's order.
  EXPECT_TRUE(orders_->Get(clerk_, order->id));
}

RECIRC_BOTH_DATABASES(MarketTest);

}  // namespace
}  // namespace recirc::market
