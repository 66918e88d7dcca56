#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "domain/inspection/canonical_json.hpp"
#include "domain/inspection/checklist.hpp"
#include "domain/inspection/grading.hpp"

namespace recirc::inspection {
namespace {

namespace json = boost::json;

const Catalogue& Embedded() {
  static const Catalogue kCatalogue = Catalogue::Embedded().value();
  return kCatalogue;
}

std::filesystem::path SourceDir() {
  const char* dir = std::getenv("RECIRC_SOURCE_DIR");
  return dir ? dir : ".";
}

TEST(ChecklistTest, EveryFileInDataChecklistsLoadsAndIsEmbedded) {
  std::set<std::string> on_disk;
  for (const auto& entry :
       std::filesystem::directory_iterator(SourceDir() / "data" / "checklists")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = ParseChecklist(text.str(), entry.path().filename().string());
    ASSERT_TRUE(parsed) << parsed.error().message;
    on_disk.insert(entry.path().filename().string());
  }
  std::set<std::string> embedded;
  for (const auto& c : Embedded().all()) {
    embedded.insert(c.category + ".v" + std::to_string(c.version) + ".json");
  }
  EXPECT_EQ(on_disk, embedded);
  for (const char* category :
       {"phone", "tablet", "laptop", "appliance", "furniture", "clothing", "luxury_bag", "car"}) {
    const Checklist* c = Embedded().Latest(category);
    ASSERT_NE(c, nullptr) << category;
    EXPECT_FALSE(c->gbt30342_code.empty()) << category;
    EXPECT_FALSE(c->scales.empty()) << category;
  }
  EXPECT_TRUE(Embedded().Latest("phone")->has_storage);
  EXPECT_TRUE(Embedded().Latest("laptop")->has_storage);
  EXPECT_FALSE(Embedded().Latest("furniture")->has_storage);
  EXPECT_TRUE(Embedded().Latest("luxury_bag")->authenticity);
}

// Every choice option of every embedded checklist has its names (data/checklist_options.json),
// so no certificate or form shows a bare option id; a missing name is refused with its place.
TEST(ChecklistTest, EveryChoiceOptionHasAChineseAndAnEnglishName) {
  size_t named = 0;
  for (const auto& c : Embedded().all()) {
    for (const auto& check : c.checks) {
      ASSERT_EQ(check.option_names.size(), check.options.size()) << c.category << " " << check.id;
      for (const auto& option : check.options) {
        const LocalText* name = check.OptionName(option);
        ASSERT_NE(name, nullptr) << option;
        EXPECT_FALSE(name->zh.empty() || name->en.empty()) << option;
        ++named;
      }
    }
  }
  EXPECT_GT(named, 20u);
  EXPECT_EQ(Embedded().Latest("phone")->FindCheck("screen_glass")->OptionName("cracked")->zh,
            "碎裂");

  auto catalogue = Catalogue::Embedded().value();
  const EmbeddedFile partial{"checklist_options.json",
                             R"({"options": {"cracked": {"zh": "碎裂", "en": "Cracked"}}})"};
  auto refused = catalogue.NameOptions(partial);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("needs a zh and an en name"), std::string::npos)
      << refused.error().message;
  EXPECT_FALSE(catalogue.NameOptions({"checklist_options.json", "[]"}));
}

TEST(ChecklistTest, ErrorsNameTheFileAndThePlace) {
  const std::string base = R"({"schema":"recirc.checklist.v1","category":"toy","version":1,
    "published":"2026-12-01","gbt30342":{"code":"9","verified":false},
    "name":{"zh":"玩具","en":"Toy"},"has_storage":false,"electrical":false,"authenticity":false,
    "checks":[{"id":"works","type":"pass_fail","required":true,"name":{"zh":"可用","en":"Works"}},
              {"id":"age","type":"measured","required":false,"unit":"year","min":0,"max":9,
               "name":{"zh":"年限","en":"Age"}}],
    "grading":{"scales":[{"id":"overall","name":{"zh":"等级","en":"Grade"},
      "grades":[{"value":"A","name":{"zh":"好","en":"Good"}},{"value":"B","name":{"zh":"差","en":"Poor"}}]}],
      "rules":[RULE]}})";
  const auto with = [&](const std::string& rule) {
    std::string s = base;
    s.replace(s.find("RULE"), 4, rule);
    return ParseChecklist(s, "toy.v1.json");
  };
  EXPECT_TRUE(with(R"({"scale":"overall","when":{"check":"works","is":"fail"},"cap":"B"})"));
  auto unknown_check =
      with(R"({"scale":"overall","when":{"check":"colour","is":"fail"},"cap":"B"})");
  ASSERT_FALSE(unknown_check);
  EXPECT_EQ(unknown_check.error().field, "toy.v1.json: grading.rules[0].when.check");
  auto bad_cap = with(R"({"scale":"overall","when":{"check":"works","is":"fail"},"cap":"Z"})");
  ASSERT_FALSE(bad_cap);
  EXPECT_EQ(bad_cap.error().field, "toy.v1.json: grading.rules[0].cap");
  auto wrong_type = with(R"({"scale":"overall","when":{"check":"works","below":3},"step":1})");
  ASSERT_FALSE(wrong_type);
  EXPECT_EQ(wrong_type.error().field, "toy.v1.json: grading.rules[0].when.below");
  auto both = with(R"({"scale":"overall","when":{"check":"age","above":3},"step":1,"cap":"B"})");
  ASSERT_FALSE(both);

  // A file's name must match its category and version.
  std::string ok = base;
  ok.replace(ok.find("RULE"), 4,
             R"({"scale":"overall","when":{"check":"works","is":"fail"},"cap":"B"})");
  const EmbeddedFile misnamed[] = {{"toy.v2.json", ok}};
  auto catalogue = Catalogue::FromFiles(misnamed);
  ASSERT_FALSE(catalogue);
  EXPECT_NE(catalogue.error().message.find("toy.v1.json"), std::string::npos);
}

json::object PhoneResults() {
  const std::string photo = "sha256:" + std::string(64, 'a');
  return json::object{{"powers_on", "pass"},      {"display", "pass"},
                      {"touch", "pass"},          {"cameras", "pass"},
                      {"audio", "pass"},          {"buttons", "pass"},
                      {"charging", "pass"},       {"connectivity", "pass"},
                      {"battery_health", 91},     {"liquid_indicator", "not_triggered"},
                      {"activation_lock", "off"}, {"screen_glass", "flawless"},
                      {"housing", "flawless"},    {"photo_front", photo},
                      {"photo_back", photo}};
}

TEST(ChecklistTest, ResultsAreValidatedAgainstTheChecklistNamingTheCheck) {
  const Checklist& phone = *Embedded().Latest("phone");
  EXPECT_TRUE(ValidateResults(phone, PhoneResults()));
  struct Case {
    const char* check;
    json::value value;  // null: remove the check
  };
  const std::vector<Case> cases = {
      {"battery_health", 101}, {"battery_health", "91"},      {"battery_health", nullptr},
      {"powers_on", "yes"},    {"screen_glass", "shattered"}, {"photo_front", "front.jpg"},
      {"colour", "black"},
  };
  for (const auto& c : cases) {
    json::object results = PhoneResults();
    if (c.value.is_null()) {
      results.erase(c.check);
    } else {
      results[c.check] = c.value;
    }
    auto r = ValidateResults(phone, results);
    ASSERT_FALSE(r) << c.check;
    EXPECT_EQ(r.error().field, std::string("results.") + c.check);
  }
  // A wrong value is named before a missing check.
  json::object both = PhoneResults();
  both.erase("powers_on");
  both["battery_health"] = 120;
  EXPECT_EQ(ValidateResults(phone, both).error().field, "results.battery_health");
  // Optional checks may be left out.
  json::object with_biometrics = PhoneResults();
  with_biometrics["biometrics"] = "fail";
  EXPECT_EQ(ValidateResults(phone, with_biometrics)->size(), PhoneResults().size() + 1);
}

std::string GradeOf(const json::object& results, const char* scale) {
  const Checklist& phone = *Embedded().Latest("phone");
  auto validated = ValidateResults(phone, results);
  EXPECT_TRUE(validated) << validated.error().message;
  return EvaluateGrade(phone, *validated).Find(scale)->value;
}

TEST(GradingTest, OneChangedResultChangesThePhoneGradeByTheRule) {
  struct Case {
    const char* check;
    json::value value;
    const char* functional;
    const char* cosmetic;
  };
  const std::vector<Case> cases = {
      {"powers_on", "pass", "0", "A"},  // the baseline
      {"display", "fail", "1", "A"},
      {"battery_health", 80, "0", "A"},
      {"battery_health", 79, "2", "A"},  // battery below 80% caps the grade
      {"liquid_indicator", "triggered", "5", "A"},
      {"activation_lock", "on", "9", "A"},
      {"powers_on", "fail", "9", "A"},
      {"screen_glass", "micro_scratches", "0", "B"},
      {"screen_glass", "visible_scratches", "0", "C"},
      {"screen_glass", "cracked", "0", "D"},
      {"housing", "light_wear", "0", "B"},
      {"housing", "dents_or_cracks", "0", "D"},
  };
  for (const auto& c : cases) {
    json::object results = PhoneResults();
    results[c.check] = c.value;
    EXPECT_EQ(GradeOf(results, "functional"), c.functional) << c.check << " " << c.value;
    EXPECT_EQ(GradeOf(results, "cosmetic"), c.cosmetic) << c.check << " " << c.value;
  }
  // Steps add up; a cap still holds when the steps are fewer.
  json::object two = PhoneResults();
  two["display"] = "fail";
  two["cameras"] = "fail";
  two["audio"] = "fail";
  EXPECT_EQ(GradeOf(two, "functional"), "3");
  two["battery_health"] = 50;
  EXPECT_EQ(GradeOf(two, "functional"), "3");  // already worse than the cap
  json::object one = PhoneResults();
  one["display"] = "fail";
  one["battery_health"] = 50;
  EXPECT_EQ(GradeOf(one, "functional"), "2");
}

TEST(GradingTest, CapsExplainThemselves) {
  const Checklist& phone = *Embedded().Latest("phone");
  json::object results = PhoneResults();
  results["battery_health"] = 70;
  const Grade g = EvaluateGrade(phone, *ValidateResults(phone, results));
  ASSERT_EQ(g.Find("functional")->because.size(), 1u);
  EXPECT_EQ(g.Find("functional")->because[0].en, "battery health below 80%");
  EXPECT_EQ(g.Find("cosmetic")->name.en, "Like new");
}

TEST(GradingTest, APreviewGradesAPartlyFilledFormAndListsWhatIsMissing) {
  json::object partial = PhoneResults();
  partial.erase("display");
  partial["battery_health"] = 70;
  auto preview = PreviewGrade(Embedded(), "phone", std::nullopt, partial);
  ASSERT_TRUE(preview) << preview.error().message;
  EXPECT_EQ(preview->checklist, Embedded().Latest("phone"));
  EXPECT_FALSE(preview->Complete());
  EXPECT_NE(std::find(preview->missing.begin(), preview->missing.end(), "display"),
            preview->missing.end());
  ASSERT_NE(preview->grade.Find("functional"), nullptr);
  EXPECT_EQ(preview->grade.Find("functional")->because.size(), 1u);

  auto complete =
      PreviewGrade(Embedded(), "phone", Embedded().Latest("phone")->version, PhoneResults());
  ASSERT_TRUE(complete);
  EXPECT_TRUE(complete->Complete());

  auto unknown = PreviewGrade(Embedded(), "phone", 999, PhoneResults());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  auto bad = PreviewGrade(Embedded(), "phone", std::nullopt, json::object{{"battery_health", 101}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "results.battery_health");
}

TEST(CanonicalJsonTest, SortsKeysDropsWhitespaceAndRefusesFractions) {
  auto v = json::parse(R"({ "b": [1, {"z": null, "a": true}], "a": "x\"y", "é": -3 })");
  EXPECT_EQ(*CanonicalJson(v), R"({"a":"x\"y","b":[1,{"a":true,"z":null}],"é":-3})");
  auto f = CanonicalJson(json::parse(R"({"a": 1.5})"));
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().field, "report");
}

}  // namespace
}  // namespace recirc::inspection
