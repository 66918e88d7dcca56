// Hold periods, the shop's own list and corrections, on both databases.
#include <gtest/gtest.h>

#include "domain/registry/holds.hpp"
#include "domain/registry/registry_fixture.hpp"

namespace recirc::registry {
namespace {

constexpr int64_t kDay = 86'400'000;

TEST(HoldPolicyTest, TheMostSpecificRuleWins) {
  HoldPolicy p{7, {{"", "11", 10}, {"phone", "11", 15}, {"", "110105", 20}, {"car", "", 30}}};
  EXPECT_EQ(p.DaysFor("book", "440300"), 7) << "no rule: the default";
  EXPECT_EQ(p.DaysFor("book", "110108"), 10);
  EXPECT_EQ(p.DaysFor("phone", "110108"), 15) << "a named category beats any category";
  EXPECT_EQ(p.DaysFor("phone", "110105"), 20) << "a longer prefix beats a category";
  EXPECT_EQ(p.DaysFor("car", "440300"), 30);
  EXPECT_TRUE(p.Validate("registry"));
  EXPECT_EQ((HoldPolicy{400, {}}).Validate("registry").error().field, "registry.hold_days");
  EXPECT_EQ((HoldPolicy{7, {{"", "11x", 3}}}).Validate("registry").error().field,
            "registry.hold[0].region_prefix");
}

// A rule for a category nobody can register (a typo, a prohibited category)
// would never apply; start-up refuses it instead of ignoring it.
TEST(HoldPolicyTest, ARuleNamesAnIntakeCategoryOfTheVocabulary) {
  for (const char* category : {"phnoe", "weapon"}) {
    const auto st = (HoldPolicy{7, {{"", "", 3}, {category, "44", 15}}}).Validate("registry");
    ASSERT_FALSE(st) << category;
    EXPECT_EQ(st.error().field, "registry.hold[1].category") << category;
  }
  EXPECT_TRUE((HoldPolicy{7, {{"luxury_bag", "44", 15}}}).Validate("registry"));
}

TEST(HoldPolicyTest, StatutoryHoldsEndByThemselvesPoliceHoldsDoNot) {
  storage::HoldRecord statutory{"h1", "i", "a", "statutory", std::nullopt, 0, 10 * kDay};
  EXPECT_FALSE(EvaluateHolds({statutory}, ItemStatus::kInStock, 9 * kDay).sellable);
  EXPECT_NE(EvaluateHolds({statutory}, ItemStatus::kInStock, 9 * kDay).reason.find("hold period"),
            std::string::npos);
  EXPECT_TRUE(EvaluateHolds({statutory}, ItemStatus::kInStock, 10 * kDay).sellable);
  storage::HoldRecord police{"h2", "i", "a", "screening", std::nullopt, 0, std::nullopt};
  EXPECT_FALSE(EvaluateHolds({statutory, police}, ItemStatus::kHeld, 1000 * kDay).sellable);
  police.released_at = 11 * kDay;
  EXPECT_TRUE(EvaluateHolds({statutory, police}, ItemStatus::kInStock, 12 * kDay).sellable);
  EXPECT_FALSE(EvaluateHolds({}, ItemStatus::kSeized, 0).sellable);
}

TEST_P(RegistryTest, AnItemIsNotSellableDuringItsHoldPeriodNorWhileThePoliceHoldIt) {
  registration_.emplace(db(), repo_, identity_port_, no_sales_, journal_, cipher_, index_, clock_,
                        random_, HoldPolicy{7, {{"phone", "1101", 15}}});
  const std::string stolen = Imei("35693803564380");
  ASSERT_TRUE(police_->AddWatchlistEntry(chaoyang_, {"imei", stolen, "black", "报失"}));
  auto clean = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  auto held = registration_->Register(clerk_, Phone(stolen));
  ASSERT_TRUE(clean && held);
  auto in = Phone(Imei("35209900176148"));
  in.item.category = "tablet";
  auto tablet = registration_->Register(clerk_, in);
  ASSERT_TRUE(tablet);

  auto view = registration_->View(clerk_, Acq(clean->id));
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_FALSE(view->sellability.sellable);
  ASSERT_EQ(view->sellability.holds.size(), 1u);
  EXPECT_EQ(view->sellability.holds[0].kind, "statutory");
  EXPECT_EQ(*view->sellability.holds[0].until, clean->created_at + 15 * kDay) << "phone in 1101";
  auto tablet_view = registration_->View(clerk_, Acq(tablet->id));
  EXPECT_EQ(*tablet_view->sellability.holds[0].until, tablet->created_at + 7 * kDay) << "default";

  clock_.Advance(std::chrono::days(8));
  EXPECT_TRUE(registration_->holds().IsSellable(tablet->item_id)->sellable);
  EXPECT_FALSE(registration_->holds().IsSellable(clean->item_id)->sellable);
  clock_.Advance(std::chrono::days(7));
  EXPECT_TRUE(registration_->holds().IsSellable(clean->item_id)->sellable);

  auto police_held = registration_->holds().IsSellable(held->item_id);
  ASSERT_TRUE(police_held);
  EXPECT_FALSE(police_held->sellable) << "the police hold outlasts the period";
  EXPECT_NE(police_held->reason.find("police"), std::string::npos);
  auto alerts = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_EQ(alerts->size(), 1u);
  ASSERT_TRUE(
      police_->Decide(chaoyang_, AlertId::Parse((*alerts)[0].alert.id, "id").value(), "release"));
  EXPECT_TRUE(registration_->holds().IsSellable(held->item_id)->sellable);
  EXPECT_FALSE(registration_->holds().IsSellable("01M82QGDFSEZ4VR0P0J7CYX2FC"));
}

TEST_P(RegistryTest, PoliceReleaseLeavesTheStatutoryPeriodRunning) {
  const std::string stolen = Imei("35693803564380");
  ASSERT_TRUE(police_->AddWatchlistEntry(chaoyang_, {"imei", stolen, "grey", "观察"}));
  auto held = registration_->Register(clerk_, Phone(stolen));
  ASSERT_TRUE(held);
  auto alerts = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_TRUE(
      police_->Decide(chaoyang_, AlertId::Parse((*alerts)[0].alert.id, "id").value(), "release"));
  auto s = registration_->holds().IsSellable(held->item_id);
  EXPECT_FALSE(s->sellable);
  EXPECT_NE(s->reason.find("hold period"), std::string::npos) << s->reason;
  // The reason's message id and the period's end, for the web app's own words.
  EXPECT_EQ(s->reason_id, "hold.period");
  ASSERT_EQ(s->reason_params.size(), 1u);
  EXPECT_EQ(s->reason_params[0].name, "until");
  EXPECT_NE(s->reason.find(s->reason_params[0].value), std::string::npos) << s->reason;
}

TEST_P(RegistryTest, TheShopListsItsOwnRegistrationsPageByPage) {
  std::vector<std::string> ids;
  for (const char* imei : {"49015420323751", "35209900176148", "35693803564380"}) {
    auto r = registration_->Register(clerk_, Phone(Imei(imei)));
    ASSERT_TRUE(r) << r.error().message;
    ids.push_back(r->id);
    clock_.Advance(std::chrono::minutes(1));
  }
  AcquisitionListInput in;
  in.limit = 2;
  auto first = registration_->List(clerk_, in);
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].receipt.id, ids[2]) << "newest first";
  EXPECT_EQ(first->items[0].brand, "Apple");
  ASSERT_TRUE(first->next_cursor);
  in.cursor = first->next_cursor;
  auto second = registration_->List(clerk_, in);
  ASSERT_TRUE(second) << second.error().message;
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].receipt.id, ids[0]);
  EXPECT_FALSE(second->next_cursor);

  AcquisitionListInput window;
  window.from = first->items[1].receipt.created_at;
  window.to = first->items[0].receipt.created_at;
  EXPECT_EQ(registration_->List(clerk_, window)->items.size(), 1u) << "from inclusive, to not";
  window = {};
  window.outlet_id = "01M82QGDFSEZ4VR0P0J7CYX2FC";
  EXPECT_TRUE(registration_->List(clerk_, window)->items.empty());

  auto other = As(Org("operator", "别家", "110108"), identity::Role::kOperatorStaff,
                  identity::OrganisationKind::kOperator);
  EXPECT_TRUE(registration_->List(other, {})->items.empty()) << "another shop sees nothing";
  AcquisitionListInput bad;
  bad.cursor = "nonsense";
  EXPECT_EQ(registration_->List(clerk_, bad).error().field, "cursor");
  bad = {};
  bad.limit = 0;
  EXPECT_EQ(registration_->List(clerk_, bad).error().field, "limit");
  EXPECT_FALSE(registration_->List(chaoyang_, {}));
}

TEST_P(RegistryTest, ACorrectionIsANewRecordAndTheRegistrationIsNotEdited) {
  auto r = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  ASSERT_TRUE(r);
  CorrectionInput fix;
  fix.reason = "录入错误：型号与价格";
  fix.model = "iPhone 13 Pro";
  fix.price_fen = 150000;
  fix.condition = "轻微划痕";  // unchanged: not listed as a change
  auto v = registration_->Correct(clerk_, Acq(r->id), fix);
  ASSERT_TRUE(v) << v.error().message << " field " << v.error().field << " code "
                 << int(v.error().code);
  EXPECT_EQ(v->model, "iPhone 13 Pro");
  EXPECT_EQ(v->price_fen, 150000);
  ASSERT_EQ(v->corrections.size(), 1u);
  ASSERT_EQ(v->corrections[0].changes.size(), 2u);
  EXPECT_EQ(v->corrections[0].changes[0].field, "price_fen");
  EXPECT_EQ(*v->corrections[0].changes[0].old_value, "120000");
  EXPECT_EQ(v->corrections[0].changes[1].field, "item.model");
  EXPECT_EQ(*v->corrections[0].changes[1].old_value, "iPhone 13");
  EXPECT_EQ(ToString(v->receipt.status), "registered") << "no identifier changed";

  fix = {};
  fix.reason = "再次更正价格";
  fix.price_fen = 140000;
  auto v2 = registration_->Correct(clerk_, Acq(r->id), fix);
  ASSERT_TRUE(v2);
  ASSERT_EQ(v2->corrections.size(), 2u) << "the chain";
  EXPECT_EQ(*v2->corrections[1].changes[0].old_value, "150000");
  EXPECT_EQ(v2->price_fen, 140000);

  auto original = storage::ReadValue<std::optional<storage::AcquisitionRecord>>(
      db(), [&](storage::Session& s) { return repo_.FindAcquisition(s, r->id); });
  EXPECT_EQ((*original)->price_fen, 120000) << "the registration itself is unchanged";

  fix = {};
  fix.reason = "无变化";
  fix.price_fen = 140000;
  EXPECT_EQ(registration_->Correct(clerk_, Acq(r->id), fix).error().code,
            ErrorCode::kFailedPrecondition);
  fix.reason = "";
  EXPECT_EQ(registration_->Correct(clerk_, Acq(r->id), fix).error().field, "reason");
  fix.reason = "x";
  fix.price_fen.reset();
  fix.category = "weapon";
  EXPECT_EQ(registration_->Correct(clerk_, Acq(r->id), fix).error().field, "item.category");
  auto other = As(Org("operator", "别家", "110108"), identity::Role::kOperatorStaff,
                  identity::OrganisationKind::kOperator);
  fix.category = "tablet";
  EXPECT_EQ(registration_->Correct(other, Acq(r->id), fix).error().code, ErrorCode::kNotFound);
}

TEST_P(RegistryTest, AChangedIdentifierIsScreenedAgainAndAlertsThePolice) {
  auto r = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  auto other = registration_->Register(clerk_, Phone(Imei("35209900176148")));
  ASSERT_TRUE(r && other);
  CorrectionInput fix;
  fix.reason = "IMEI 抄错";
  fix.identifiers = {{"imei", Imei("35209900176148")}};
  auto taken = registration_->Correct(clerk_, Acq(r->id), fix);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().field, "item.identifiers.imei") << "belongs to another item";
  fix.identifiers = {{"imei", "123"}};
  EXPECT_EQ(registration_->Correct(clerk_, Acq(r->id), fix).error().field, "item.identifiers.imei");

  fix.identifiers = {{"imei", Imei("35693803564380")}};
  auto v = registration_->Correct(clerk_, Acq(r->id), fix);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(ToString(v->receipt.status), "held_for_verification");
  EXPECT_EQ(*v->corrections[0].changes[0].old_value, Imei("49015420323751"));
  EXPECT_FALSE(v->sellability.sellable);
  auto alerts = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_NE((*alerts)[0].alert.reasons.find("identifier_changed"), std::string::npos);
  EXPECT_EQ((*alerts)[0].alert.acquisition_id, r->id);
  // Both identifiers find the one item.
  RegisterQuery q;
  q.identifier_kind = "imei";
  q.identifier_value = Imei("49015420323751");
  EXPECT_EQ(police_->SearchRegister(chaoyang_, q)->size(), 1u);
  q.identifier_value = Imei("35693803564380");
  EXPECT_EQ(police_->SearchRegister(chaoyang_, q)->size(), 1u);
}

}  // namespace
}  // namespace recirc::registry
