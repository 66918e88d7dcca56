// The price and story signals with the reference models police import, on both databases.
#include <gtest/gtest.h>

#include <cstdint>

#include "domain/registry/registry_fixture.hpp"
#include "domain/registry/screening.hpp"

namespace recirc::registry {
namespace {

// A price registered before the cap: price x 100 overflowed int64 (undefined behaviour; with
// wrapping it became negative and looked "far below" the reference).
TEST(ScreeningTest, HugePriceDoesNotOverflow) {
  ScreeningFacts f;
  f.price_fen = INT64_MAX / 10;
  f.reference_price_fen = 100'000;
  EXPECT_TRUE(Screen(f).signals.empty());
}

TEST(ScreeningTest, PriceAndStorySignals) {
  ScreeningFacts f;
  f.price_fen = 29'999;
  f.reference_price_fen = 100'000;
  auto cheap = Screen(f);
  ASSERT_EQ(cheap.signals.size(), 1u);
  EXPECT_EQ(cheap.signals[0].name, "price_far_below_reference");
  EXPECT_FALSE(cheap.alert) << "40 alone is under the threshold";
  f.price_fen = 30'000;
  EXPECT_TRUE(Screen(f).signals.empty()) << "30 % is not far below";
  f.claimed_year = 2019;
  f.release_year = 2021;
  auto story = Screen(f);
  ASSERT_EQ(story.signals.size(), 1u);
  EXPECT_EQ(story.signals[0].name, "story_does_not_fit");
  f.price_fen = 1;
  EXPECT_TRUE(Screen(f).alert) << "both together reach 80";
  EXPECT_EQ(Screen({.identifier_changed = true}).score, 50);
}

TEST_P(RegistryTest, ACheapPhoneWithAnImpossibleStoryIsHeld) {
  const std::string csv =
      "category,brand,model,reference_price_fen,release_year\n"
      "phone,apple,IPHONE 13,400000,2021\n"
      "laptop,Lenovo,ThinkPad X1,,\n";
  auto imported = police_->ImportReferenceModels(beijing_, csv);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->imported, 2);
  EXPECT_FALSE(police_->ImportReferenceModels(clerk_, csv)) << "shops do not set prices";
  auto bad = police_->ImportReferenceModels(
      beijing_, "category,brand,model,reference_price_fen,release_year\nphone,A,B,-1,\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos) << bad.error().message;

  auto fair = Phone(Imei("49015420323751"));
  fair.origin_acquired_year = 2022;
  EXPECT_EQ(ToString(registration_->Register(clerk_, fair)->status), "registered");
  auto cheap = Phone(Imei("35209900176148"));
  cheap.price_fen = 50'000;
  cheap.origin_acquired_year = 2022;
  EXPECT_EQ(ToString(registration_->Register(clerk_, cheap)->status), "registered")
      << "one signal only";
  auto story = Phone(Imei("35693803564380"));
  story.price_fen = 50'000;
  story.origin_acquired_year = 2019;
  auto held = registration_->Register(clerk_, story);
  ASSERT_TRUE(held) << held.error().message;
  EXPECT_EQ(ToString(held->status), "held_for_verification");
  auto alerts = police_->ListAlerts(chaoyang_, std::nullopt);
  ASSERT_EQ(alerts->size(), 1u);
  EXPECT_NE((*alerts)[0].alert.reasons.find("price_far_below_reference"), std::string::npos);
  EXPECT_NE((*alerts)[0].alert.reasons.find("story_does_not_fit"), std::string::npos);

  auto future = Phone(Imei("35693803564380"));
  future.origin_acquired_year = 2999;
  EXPECT_EQ(registration_->Register(clerk_, future).error().field, "origin_acquired_year");
  auto gift = Phone(Imei("86000000000000"));
  gift.kind = "donation";
  gift.payment_method = "none";
  gift.price_fen = 0;
  // The seller's fourth item this week (30): a zero price of a donation must add nothing.
  EXPECT_EQ(ToString(registration_->Register(clerk_, gift)->status), "registered");
}

}  // namespace
}  // namespace recirc::registry
