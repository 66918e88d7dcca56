#pragma once
// The category vocabulary: every item category code the system knows, with its labels in Chinese
// and English, whether an operator may acquire it, its inspection checklist and the words search
// indexes with it. One file, data/categories.json, compiled into the binary (recirc_embed) and
// imported by the web app at build time; nothing else lists categories (data/README.md).
//
// A loaded vocabulary is immutable; its const methods are safe to call from any thread.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace recirc::core {

// What the registry does with an acquisition of the category.
enum class Intake {
  kAccepted,     // may be acquired and registered
  kProhibited,   // refused: prohibited goods (weapons, ID documents, ...)
  kListingOnly,  // not an intake category; known to search and the market's labels only
};

// Who may inspect an item of the category (docs/inspection.md "Self-inspection").
enum class InspectionBy {
  kThirdParty,   // only an inspection body signs the report (the default)
  kSelfAllowed,  // low risk: the shop that holds the item may inspect it itself, labelled so
};

struct Category {
  std::string code;  // lower-case ASCII, e.g. luxury_bag
  std::string label_zh;
  std::string label_en;
  Intake intake = Intake::kAccepted;
  InspectionBy inspection = InspectionBy::kThirdParty;
  std::optional<std::string> checklist;  // the inspection checklist's category, if it has one
  std::string search_words;              // indexed with every listing; may be empty
};

class CategoryVocabulary {
 public:
  // Parses a `recirc.categories.v1` document. Rejects the whole file, with an InvalidArgument
  // error naming the place ("categories[3].label.zh"), on unknown keys, a missing or empty label,
  // a code that is not [a-z0-9_]+, a duplicate code, an unknown intake or an `inspection` other
  // than third_party (the default when absent) or self_allowed.
  static Result<CategoryVocabulary> FromJson(std::string_view text);
  // data/categories.json as compiled in. The file is checked by category_test.cpp, so a broken
  // one is a build mistake: this aborts with the parse error instead of returning it.
  static const CategoryVocabulary& Embedded();

  // nullptr when the code is not in the vocabulary.
  const Category* Find(std::string_view code) const;
  // In the file's order.
  std::span<const Category> all() const { return categories_; }
  // The codes with this intake, in the file's order.
  std::vector<std::string_view> Codes(Intake intake) const;

 private:
  std::vector<Category> categories_;
};

}  // namespace recirc::core
