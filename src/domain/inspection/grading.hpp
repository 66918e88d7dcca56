#pragma once
// Grades are computed, never typed: each scale of a checklist starts at its best grade; every
// applicable "step" rule makes it that many grades worse (never past the worst), and every
// applicable "cap" rule keeps it no better than the cap. The rules are published with the
// checklist (data/checklists/), so anyone can recompute a grade from a report's results.

#include <string>
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

}  // namespace recirc::inspection
