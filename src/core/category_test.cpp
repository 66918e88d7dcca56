#include "core/category.hpp"

#include <gtest/gtest.h>

#include <set>

namespace recirc::core {
namespace {

const CategoryVocabulary& Vocabulary() { return CategoryVocabulary::Embedded(); }

// What data/categories.json must keep: the codes, order and labels the API and the screens used
// before the vocabulary was one file.
TEST(CategoryVocabularyTest, EmbeddedFileHoldsTheIntakeCategoriesInOrder) {
  const std::vector<std::string_view> accepted = Vocabulary().Codes(Intake::kAccepted);
  const std::vector<std::string_view> want = {"phone",
                                              "tablet",
                                              "laptop",
                                              "computer",
                                              "camera",
                                              "appliance",
                                              "furniture",
                                              "clothing",
                                              "luxury_bag",
                                              "jewellery",
                                              "bicycle",
                                              "car",
                                              "book",
                                              "toy",
                                              "watch",
                                              "sports_goods",
                                              "musical_instrument",
                                              "other"};
  EXPECT_EQ(accepted, want);
  const std::vector<std::string_view> prohibited = Vocabulary().Codes(Intake::kProhibited);
  const std::vector<std::string_view> want_prohibited = {
      "weapon",     "police_gear", "military_gear",  "id_document",
      "state_seal", "hazardous",   "seized_property"};
  EXPECT_EQ(prohibited, want_prohibited);
  EXPECT_EQ(Vocabulary().Find("phone")->label_zh, "手机");
  EXPECT_EQ(Vocabulary().Find("phone")->label_en, "Mobile phone");
  EXPECT_EQ(Vocabulary().Find("toy")->intake, Intake::kAccepted);
  EXPECT_EQ(Vocabulary().Find("toy")->inspection, InspectionBy::kSelfAllowed);
  EXPECT_EQ(Vocabulary().Find("phone")->inspection, InspectionBy::kThirdParty);
  EXPECT_EQ(Vocabulary().Find("luxury_bag")->inspection, InspectionBy::kThirdParty);
  EXPECT_EQ(Vocabulary().Find("bicycle")->search_words, "自行车 单车 bicycle bike");
  EXPECT_EQ(Vocabulary().Find("tank"), nullptr);
}

TEST(CategoryVocabularyTest, EveryCategoryHasBothLabelsAndAUniqueCode) {
  std::set<std::string> codes, zh, en;
  for (const auto& c : Vocabulary().all()) {
    EXPECT_TRUE(codes.insert(c.code).second) << c.code;
    EXPECT_FALSE(c.label_zh.empty()) << c.code;
    EXPECT_FALSE(c.label_en.empty()) << c.code;
    EXPECT_TRUE(zh.insert(c.label_zh).second) << c.code << ": Chinese label used twice";
    EXPECT_TRUE(en.insert(c.label_en).second) << c.code << ": English label used twice";
    if (c.intake == Intake::kProhibited) {
      EXPECT_FALSE(c.checklist) << c.code << ": a prohibited category is never inspected";
    }
  }
  EXPECT_GE(codes.size(), 14u);
}

TEST(CategoryVocabularyTest, RejectsABrokenFileNamingThePlace) {
  const auto field = [](std::string_view text) {
    auto r = CategoryVocabulary::FromJson(text);
    return r ? std::string("accepted") : r.error().field;
  };
  const std::string head = R"({"schema":"recirc.categories.v1","categories":[)";
  const std::string phone =
      R"({"code":"phone","label":{"zh":"手机","en":"Mobile phone"},"intake":"accepted"})";
  EXPECT_EQ(field(head + phone + "]}"), "accepted");
  EXPECT_EQ(field(head + phone + "," + phone + "]}"), "categories[1].code");
  EXPECT_EQ(field(head + R"({"code":"phone","label":{"zh":"手机"},"intake":"accepted"}]})"),
            "categories[0].label.en");
  EXPECT_EQ(
      field(head + R"({"code":"Phone","label":{"zh":"手机","en":"P"},"intake":"accepted"}]})"),
      "categories[0].code");
  EXPECT_EQ(field(head + R"({"code":"phone","label":{"zh":"手机","en":"P"},"intake":"maybe"}]})"),
            "categories[0].intake");
  EXPECT_EQ(field(head + R"({"code":"phone","label":{"zh":"手机","en":"P"},"intake":"accepted",)"
                         R"("hold_days":7}]})"),
            "categories[0].hold_days");
  EXPECT_EQ(field(head + R"({"code":"phone","label":{"zh":"手机","en":"P"},"intake":"accepted",)"
                         R"("inspection":"self"}]})"),
            "categories[0].inspection");
  EXPECT_EQ(field(R"({"schema":"recirc.categories.v2","categories":[]})"), "schema");
  EXPECT_EQ(field("[]"), "categories");
}

}  // namespace
}  // namespace recirc::core
