// data/categories.json against data/checklists/: the vocabulary names a checklist only where one
// exists, and every checklist belongs to a category of the vocabulary.
#include <gtest/gtest.h>

#include <set>

#include "core/category.hpp"
#include "domain/inspection/checklist.hpp"

namespace recirc::inspection {
namespace {

TEST(CategoryChecklistsTest, EveryNamedChecklistExistsAndEveryChecklistHasItsCategory) {
  const Catalogue catalogue = Catalogue::Embedded().value();
  const core::CategoryVocabulary& vocabulary = core::CategoryVocabulary::Embedded();
  std::set<std::string> named;
  for (const core::Category& c : vocabulary.all()) {
    if (!c.checklist) continue;
    // The catalogue is keyed by category code (Catalogue::Latest(item.category)).
    EXPECT_EQ(*c.checklist, c.code) << c.code;
    EXPECT_NE(catalogue.Latest(*c.checklist), nullptr)
        << c.code << ": no checklist " << *c.checklist;
    EXPECT_EQ(c.intake, core::Intake::kAccepted) << c.code;
    named.insert(*c.checklist);
  }
  for (const Checklist& checklist : catalogue.all()) {
    const core::Category* c = vocabulary.Find(checklist.category);
    ASSERT_NE(c, nullptr) << checklist.category << " is not in data/categories.json";
    EXPECT_EQ(c->checklist, checklist.category) << checklist.category;
  }
  EXPECT_EQ(named.size(), 16u);
  for (const char* code : {"book", "toy", "bicycle", "camera", "jewellery", "watch", "sports_goods",
                           "musical_instrument"}) {
    EXPECT_NE(catalogue.Latest(code), nullptr) << code;
  }
}

// Self-inspection is allowed only where the risk is low: never for goods holding personal data,
// electrical goods or branded goods that need an authenticity verdict.
TEST(CategoryChecklistsTest, SelfInspectionOnlyForLowRiskCategories) {
  const Catalogue catalogue = Catalogue::Embedded().value();
  for (const core::Category& c : core::CategoryVocabulary::Embedded().all()) {
    if (c.inspection != core::InspectionBy::kSelfAllowed) continue;
    EXPECT_EQ(c.intake, core::Intake::kAccepted) << c.code;
    if (!c.checklist) continue;
    const Checklist* checklist = catalogue.Latest(*c.checklist);
    ASSERT_NE(checklist, nullptr) << c.code;
    EXPECT_FALSE(checklist->has_storage) << c.code;
    EXPECT_FALSE(checklist->electrical) << c.code;
    EXPECT_FALSE(checklist->authenticity) << c.code;
  }
}

}  // namespace
}  // namespace recirc::inspection
