#pragma once
// Checklists as data: one JSON file per category and version in data/checklists/
// (<category>.v<version>.json), compiled into the binary. A checklist lists typed checks
// (pass_fail, measured with unit and range, choice, photo), whether each is required, and the
// published grading rule of the category (see grading.hpp). Adding a category or a new version
// is a data change only; old versions stay so that old reports can still be read and verified.

#include <boost/json/value.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/error.hpp"

namespace recirc::inspection {

struct LocalText {
  std::string zh;
  std::string en;
};

enum class CheckType { kPassFail, kMeasured, kChoice, kPhoto };
std::string_view CheckTypeName(CheckType type);

struct Check {
  std::string id;
  CheckType type = CheckType::kPassFail;
  bool required = true;
  LocalText name;
  std::string unit;  // measured
  int64_t min = 0;   // measured, inclusive
  int64_t max = 0;
  std::vector<std::string> options;  // choice
  // The options' names, one for each option in the same order (data/checklist_options.json;
  // empty when the catalogue was read without that file).
  std::vector<LocalText> option_names;

  // The name of a choice option; null when it has none.
  const LocalText* OptionName(std::string_view option) const;
};

struct GradeValue {
  std::string value;
  LocalText name;
};

// Grades of one scale from best to worst ("0".."9", "A".."D").
struct Scale {
  std::string id;
  LocalText name;
  std::vector<GradeValue> grades;
};

// When a rule applies: a pass_fail check "is" pass/fail, a measured value is "below"/"above" a
// number, or a choice is "in" a set. A rule whose check was not performed does not apply.
struct Condition {
  enum class Kind { kIs, kBelow, kAbove, kIn };
  std::string check;
  Kind kind = Kind::kIs;
  std::string is;
  int64_t number = 0;
  std::vector<std::string> in;
};

// "cap": the grade is no better than this value; "step": the grade is this many steps worse.
struct Rule {
  std::string scale;
  Condition when;
  std::optional<std::string> cap;
  int step = 0;
  std::optional<LocalText> because;
};

struct Checklist {
  std::string category;
  int64_t version = 0;
  std::string published;
  std::string gbt30342_code;
  bool gbt30342_verified = false;
  LocalText name;
  bool has_storage = false;   // non-volatile user storage: sanitization required before sale
  bool electrical = false;    // used electrical/electronic product: warranty at least 3 months
  bool authenticity = false;  // branded goods: an authenticity verdict is required
  std::vector<Check> checks;
  std::vector<Scale> scales;
  std::vector<Rule> rules;

  const Check* FindCheck(std::string_view id) const;
  const Scale* FindScale(std::string_view id) const;
};

// Parses and validates one checklist; errors name the file and the place ("phone.v1.json:
// checks[3].unit").
Result<Checklist> ParseChecklist(std::string_view text, std::string_view file);

// Every checklist, by category and version.
class Catalogue {
 public:
  // Refuses a file whose name does not match its category and version, and duplicates.
  static Result<Catalogue> FromFiles(std::span<const EmbeddedFile> files);
  // The checklists compiled in from data/checklists/, with their options' names from
  // data/checklist_options.json (an option without both names is an error).
  static Result<Catalogue> Embedded();
  // Gives every choice option its names from an options file ({"options": {"<option>":
  // {"zh": …, "en": …}}}); refuses an option of any checklist that the file does not name in
  // both languages, naming the checklist, the check and the option.
  Status NameOptions(const EmbeddedFile& file);

  // The newest version of a category.
  const Checklist* Latest(std::string_view category) const;
  const Checklist* Find(std::string_view category, int64_t version) const;
  const std::vector<Checklist>& all() const { return checklists_; }

 private:
  std::vector<Checklist> checklists_;  // by category, then version
};

// One performed check: `text` for pass_fail ("pass"/"fail"), choice and photo (a reference
// such as "sha256:<hex>"), `number` for measured values (integers in the check's unit).
struct CheckResult {
  std::string check;
  std::string text;
  std::optional<int64_t> number;
};

// Validates the submitted results (a JSON object check id -> value) against the checklist:
// unknown checks, wrong types, values out of range or not among the options and missing required
// checks are refused, the error naming "results.<check id>". Returns the results in checklist
// order. kAllowed lets required checks be missing (a grade preview while a form is filled in).
enum class MissingChecks { kRefused, kAllowed };
Result<std::vector<CheckResult>> ValidateResults(const Checklist& checklist,
                                                 const boost::json::object& results,
                                                 MissingChecks missing = MissingChecks::kRefused);

boost::json::value ResultValueJson(const CheckResult& r);

}  // namespace recirc::inspection
