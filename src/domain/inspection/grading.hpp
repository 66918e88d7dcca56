#pragma once
// Grades are computed, never typed: each scale of a checklist starts at its best grade; every
// applicable "step" rule makes it that many grades worse (never past the worst), and every
// applicable "cap" rule keeps it no better than the cap. The rules are published with the
// checklist (data/checklists/), so anyone can recompute a grade from a report's results.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/inspection/checklist.hpp"

namespace recirc::inspection {

struct ScaleGrade {
  std::string scale;
  std::string value;
  LocalText name;                  // the plain-language meaning of the grade
  std::vector<LocalText> because;  // the reasons of the rules that capped it
};

struct Grade {
  std::vector<ScaleGrade> scales;  // in the checklist's scale order
  const ScaleGrade* Find(std::string_view scale) const;
};

// `results` must have passed ValidateResults for the same checklist.
Grade EvaluateGrade(const Checklist& checklist, const std::vector<CheckResult>& results);

// The grade the server would compute for a form still being filled in: nothing is stored or
// signed, and required checks may be missing (listed in `missing`, in checklist order).
struct GradePreview {
  const Checklist* checklist = nullptr;  // the version graded (the latest unless one was asked)
  Grade grade;
  std::vector<std::string> missing;  // required checks without a value
  bool Complete() const { return missing.empty(); }
};
// NotFound when the category (or the asked version) has no checklist; results are validated as
// ValidateResults does with MissingChecks::kAllowed (errors name "results.<check id>").
Result<GradePreview> PreviewGrade(const Catalogue& catalogue, std::string_view category,
                                  std::optional<int64_t> version,
                                  const boost::json::object& results);

}  // namespace recirc::inspection
