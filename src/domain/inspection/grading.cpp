#include "domain/inspection/grading.hpp"

#include <algorithm>

namespace recirc::inspection {
namespace {

const CheckResult* FindResult(const std::vector<CheckResult>& results, std::string_view id) {
  for (const auto& r : results) {
    if (r.check == id) return &r;
  }
  return nullptr;
}

bool Applies(const Condition& when, const CheckResult& r) {
  switch (when.kind) {
    case Condition::Kind::kIs:
      return r.text == when.is;
    case Condition::Kind::kBelow:
      return r.number && *r.number < when.number;
    case Condition::Kind::kAbove:
      return r.number && *r.number > when.number;
    case Condition::Kind::kIn:
      return std::find(when.in.begin(), when.in.end(), r.text) != when.in.end();
  }
  return false;
}

size_t IndexOf(const Scale& scale, std::string_view value) {
  for (size_t i = 0; i < scale.grades.size(); ++i) {
    if (scale.grades[i].value == value) return i;
  }
  return scale.grades.size() - 1;  // unreachable: caps are checked when the checklist is parsed
}

}  // namespace

const ScaleGrade* Grade::Find(std::string_view scale) const {
  for (const auto& s : scales) {
    if (s.scale == scale) return &s;
  }
  return nullptr;
}

Grade EvaluateGrade(const Checklist& checklist, const std::vector<CheckResult>& results) {
  Grade grade;
  for (const Scale& scale : checklist.scales) {
    const size_t worst = scale.grades.size() - 1;
    size_t steps = 0;
    size_t capped = 0;
    std::vector<LocalText> because;
    for (const Rule& rule : checklist.rules) {
      if (rule.scale != scale.id) continue;
      const CheckResult* r = FindResult(results, rule.when.check);
      if (r == nullptr || !Applies(rule.when, *r)) continue;
      if (rule.cap) {
        capped = std::max(capped, IndexOf(scale, *rule.cap));
      } else {
        steps += static_cast<size_t>(rule.step);
      }
      if (rule.because) because.push_back(*rule.because);
    }
    const size_t index = std::max(std::min(steps, worst), capped);
    grade.scales.push_back(
        {scale.id, scale.grades[index].value, scale.grades[index].name, std::move(because)});
  }
  return grade;
}

Result<GradePreview> PreviewGrade(const Catalogue& catalogue, std::string_view category,
                                  std::optional<int64_t> version,
                                  const boost::json::object& results) {
  const Checklist* c = version ? catalogue.Find(category, *version) : catalogue.Latest(category);
  if (c == nullptr) return Error::NotFound("no checklist " + std::string(category));
  RECIRC_TRY(auto valid, ValidateResults(*c, results, MissingChecks::kAllowed));
  GradePreview out{c, EvaluateGrade(*c, valid), {}};
  for (const auto& k : c->checks) {
    const boost::json::value* v = results.if_contains(k.id);
    if (k.required && (v == nullptr || v->is_null())) out.missing.push_back(k.id);
  }
  return out;
}

}  // namespace recirc::inspection
