// The prohibited-goods rules (data/market) and the pure offer rules.
#include <gtest/gtest.h>

#include "domain/inspection/sanitization.hpp"
#include "domain/market/after_sales.hpp"
#include "domain/market/offer.hpp"
#include "domain/market/prohibited.hpp"

namespace recirc::market {
namespace {

ProhibitedRules Rules() { return ProhibitedRules::Embedded().value(); }

std::string RuleHitOf(const ListingFacts& f) {
  static const ProhibitedRules rules = Rules();
  auto hit = rules.Evaluate(f);
  return hit ? hit->rule->id : "";
}

TEST(ProhibitedRulesTest, TheEmbeddedRulesLoad) {
  auto rules = ProhibitedRules::Embedded();
  ASSERT_TRUE(rules) << rules.error().message;
  EXPECT_EQ(rules->version(), 1);
  EXPECT_GE(rules->rules().size(), 6u);
}

TEST(ProhibitedRulesTest, KeywordsInChineseAndEnglishCategoriesAndTheCounterfeitSignal) {
  EXPECT_EQ(RuleHitOf({"phone", "online", "iPhone 13 128GB 原装", false}), "");
  EXPECT_EQ(RuleHitOf({"other", "online", "仿真枪 一把", false}), "weapons");
  EXPECT_EQ(RuleHitOf({"other", "online", "Vintage AIRSOFT GUN, boxed", false}), "weapons");
  // Whole English words only: burgundy is not a gun, fakeout is not fake.
  EXPECT_EQ(RuleHitOf({"clothing", "online", "Burgundy coat", false}), "");
  EXPECT_EQ(RuleHitOf({"luxury_bag", "online", "LV 高仿 手袋", false}), "counterfeit_wording");
  EXPECT_EQ(RuleHitOf({"luxury_bag", "online", "Neverfull replica", false}), "counterfeit_wording");
  EXPECT_EQ(RuleHitOf({"luxury_bag", "online", "Neverfull MM", true}), "counterfeit_verdict");
  EXPECT_EQ(RuleHitOf({"other", "outlet", "旧警服 两套", false}), "police_military_gear");
  EXPECT_EQ(RuleHitOf({"hazardous", "online", "whatever", false}), "prohibited_category");
  // A category rule limited to one channel.
  EXPECT_EQ(RuleHitOf({"car", "flea_market", "2019 sedan", false}), "car_outside_licensed_market");
  EXPECT_EQ(RuleHitOf({"car", "outlet", "2019 sedan", false}), "");
}

TEST(ProhibitedRulesTest, ALiftedRuleNoLongerBlocksThatListing) {
  const ProhibitedRules rules = Rules();
  const ListingFacts f{"luxury_bag", "online", "Speedy, not a replica: receipt included", false};
  ASSERT_TRUE(rules.Evaluate(f));
  EXPECT_FALSE(rules.Evaluate(f, {"counterfeit_wording"}));
}

TEST(ProhibitedRulesTest, BadRuleFilesAreRefusedNamingThePlace) {
  auto unknown = ProhibitedRules::Parse(
      R"({"schema":"recirc.prohibited_rules.v1","version":1,"rules":[{"id":"x","basis":"b",)"
      R"("keywords":{"zh":["枪"]},"reason":{"zh":"z","en":"e"},"colour":"red"}]})",
      "prohibited.v1.json");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("rules[0].colour"), std::string::npos);
  auto empty = ProhibitedRules::Parse(
      R"({"schema":"recirc.prohibited_rules.v1","version":1,"rules":[{"id":"x","basis":"b",)"
      R"("reason":{"zh":"z","en":"e"}}]})",
      "prohibited.v1.json");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("categories, keywords or a signal"), std::string::npos);
  auto signal = ProhibitedRules::Parse(
      R"({"schema":"recirc.prohibited_rules.v1","version":1,"rules":[{"id":"x","basis":"b",)"
      R"("signal":"moon_phase","reason":{"zh":"z","en":"e"}}]})",
      "prohibited.v1.json");
  ASSERT_FALSE(signal);
  EXPECT_EQ(signal.error().field, "rules[0].signal");
}

TEST(OfferRulesTest, TermsAreCheckedNamingTheField) {
  OfferTerms t{"ITEM", "fixed_price", "online", std::nullopt, "iPhone 13", "", 350000, 3, 7, {}};
  EXPECT_TRUE(ValidateTerms(t));
  auto bad = t;
  bad.sale_mode = "auction";
  EXPECT_EQ(ValidateTerms(bad).error().field, "sale_mode");
  bad = t;
  bad.channel = "outlet";
  EXPECT_EQ(ValidateTerms(bad).error().field, "outlet_id");
  bad = t;
  bad.price_fen = 0;
  EXPECT_EQ(ValidateTerms(bad).error().field, "price_fen");
  bad = t;
  bad.best_offer = {true, 300000, 310000};
  EXPECT_EQ(ValidateTerms(bad).error().field, "best_offer.auto_decline_fen");
  bad = t;
  bad.best_offer = {false, 300000, std::nullopt};
  EXPECT_EQ(ValidateTerms(bad).error().field, "best_offer.enabled");
}

TEST(OfferRulesTest, WarrantyMinimumNamesTheRule) {
  auto short_warranty = RequireWarranty(1, 3);
  ASSERT_FALSE(short_warranty);
  EXPECT_EQ(inspection::RuleOf(short_warranty.error()), kRuleWarrantyMinimum);
  EXPECT_EQ(short_warranty.error().field, "warranty_months");
  EXPECT_TRUE(RequireWarranty(3, 3));
  EXPECT_TRUE(RequireWarranty(0, 0));
}

TEST(OfferRulesTest, PriceBandsHideTheExactPrice) {
  EXPECT_EQ(PriceBand(5'000), "0-100 CNY");
  EXPECT_EQ(PriceBand(350'000), "2000-5000 CNY");
  EXPECT_EQ(PriceBand(200'000), "2000-5000 CNY");
  EXPECT_EQ(PriceBand(100'000'00), ">=100000 CNY");
}

TEST(AfterSalesRulesTest, SerialDifferencesListBothSides) {
  EXPECT_TRUE(SerialDifferences({"A", "B"}, {"B", "A"}).empty());
  EXPECT_EQ(SerialDifferences({"A", "B"}, {"A", "C"}), (std::vector<std::string>{"B", "C"}));
}

}  // namespace
}  // namespace recirc::market
