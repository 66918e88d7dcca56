#include "domain/inspection/checklist.hpp"

#include <boost/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace recirc::inspection {

std::span<const EmbeddedFile> ChecklistFiles();
std::span<const EmbeddedFile> ChecklistOptionFiles();

namespace {

namespace json = boost::json;

// Reads one JSON object with errors that name "<file>: <path>".
class Reader {
 public:
  Reader(const json::object& o, std::string where) : o_(o), where_(std::move(where)) {}

  Error Bad(std::string_view key, const std::string& message) const {
    return Error::InvalidArgument(Path(key), Path(key) + ": " + message);
  }
  std::string Path(std::string_view key) const { return where_ + std::string(key); }

  Result<std::string> Text(std::string_view key) const {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || !v->is_string() || v->as_string().empty()) {
      return Bad(key, "a non-empty string is required");
    }
    return std::string(v->as_string());
  }
  Result<int64_t> Int(std::string_view key) const {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || !v->is_int64()) return Bad(key, "an integer is required");
    return v->as_int64();
  }
  Result<bool> Bool(std::string_view key) const {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || !v->is_bool()) return Bad(key, "true or false is required");
    return v->as_bool();
  }
  Result<const json::array*> Array(std::string_view key) const {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || !v->is_array()) return Bad(key, "an array is required");
    return &v->as_array();
  }
  Result<Reader> Object(std::string_view key) const {
    const auto* v = o_.if_contains(key);
    if (v == nullptr || !v->is_object()) return Bad(key, "an object is required");
    return Reader(v->as_object(), Path(key) + ".");
  }
  Result<LocalText> Names(std::string_view key) const {
    RECIRC_TRY(Reader n, Object(key));
    LocalText t;
    RECIRC_TRY(t.zh, n.Text("zh"));
    RECIRC_TRY(t.en, n.Text("en"));
    return t;
  }
  bool Has(std::string_view key) const { return o_.contains(key); }
  Status OnlyKnown(std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : o_) {
      if (std::find(known.begin(), known.end(), std::string_view(k)) == known.end()) {
        return Bad(k, "unknown field");
      }
    }
    return Ok();
  }

 private:
  const json::object& o_;
  std::string where_;
};

Result<Reader> Element(const json::array& a, size_t i, const std::string& where) {
  if (!a[i].is_object()) {
    return Error::InvalidArgument(where, where + ": an object is required");
  }
  return Reader(a[i].as_object(), where + ".");
}

Result<std::vector<std::string>> Strings(const json::array& a, const std::string& where) {
  std::vector<std::string> out;
  for (const auto& v : a) {
    if (!v.is_string() || v.as_string().empty()) {
      return Error::InvalidArgument(where, where + ": only non-empty strings");
    }
    out.emplace_back(v.as_string());
  }
  if (out.empty()) return Error::InvalidArgument(where, where + ": at least one value");
  if (std::set<std::string>(out.begin(), out.end()).size() != out.size()) {
    return Error::InvalidArgument(where, where + ": values repeat");
  }
  return out;
}

bool IsIdentifier(std::string_view s) {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<Check> ParseCheck(const Reader& r) {
  RECIRC_CHECK(r.OnlyKnown({"id", "type", "required", "name", "unit", "min", "max", "options"}));
  Check c;
  RECIRC_TRY(c.id, r.Text("id"));
  if (!IsIdentifier(c.id)) return r.Bad("id", "lower-case letters, digits and _ only");
  RECIRC_TRY(std::string type, r.Text("type"));
  RECIRC_TRY(c.required, r.Bool("required"));
  RECIRC_TRY(c.name, r.Names("name"));
  if (type == "pass_fail") {
    c.type = CheckType::kPassFail;
  } else if (type == "measured") {
    c.type = CheckType::kMeasured;
    RECIRC_TRY(c.unit, r.Text("unit"));
    RECIRC_TRY(c.min, r.Int("min"));
    RECIRC_TRY(c.max, r.Int("max"));
    if (c.min > c.max) return r.Bad("max", "max is below min");
  } else if (type == "choice") {
    c.type = CheckType::kChoice;
    RECIRC_TRY(const json::array* options, r.Array("options"));
    RECIRC_TRY(c.options, Strings(*options, r.Path("options")));
  } else if (type == "photo") {
    c.type = CheckType::kPhoto;
  } else {
    return r.Bad("type", "one of pass_fail, measured, choice, photo");
  }
  if (c.type != CheckType::kMeasured && (r.Has("unit") || r.Has("min") || r.Has("max"))) {
    return r.Bad("unit", "unit, min and max belong to measured checks only");
  }
  if (c.type != CheckType::kChoice && r.Has("options")) {
    return r.Bad("options", "options belong to choice checks only");
  }
  return c;
}

Result<Scale> ParseScale(const Reader& r) {
  RECIRC_CHECK(r.OnlyKnown({"id", "name", "grades"}));
  Scale s;
  RECIRC_TRY(s.id, r.Text("id"));
  RECIRC_TRY(s.name, r.Names("name"));
  RECIRC_TRY(const json::array* grades, r.Array("grades"));
  std::set<std::string> seen;
  for (size_t i = 0; i < grades->size(); ++i) {
    RECIRC_TRY(Reader g, Element(*grades, i, r.Path("grades[" + std::to_string(i) + "]")));
    RECIRC_CHECK(g.OnlyKnown({"value", "name"}));
    GradeValue v;
    RECIRC_TRY(v.value, g.Text("value"));
    RECIRC_TRY(v.name, g.Names("name"));
    if (!seen.insert(v.value).second) return g.Bad("value", "grade " + v.value + " repeats");
    s.grades.push_back(std::move(v));
  }
  if (s.grades.size() < 2) return r.Bad("grades", "a scale has at least two grades");
  return s;
}

bool HasGrade(const Scale& s, std::string_view value) {
  return std::any_of(s.grades.begin(), s.grades.end(),
                     [&](const GradeValue& g) { return g.value == value; });
}

Result<Rule> ParseRule(const Reader& r, const Checklist& c) {
  RECIRC_CHECK(r.OnlyKnown({"scale", "when", "cap", "step", "because"}));
  Rule rule;
  RECIRC_TRY(rule.scale, r.Text("scale"));
  const Scale* scale = c.FindScale(rule.scale);
  if (scale == nullptr) return r.Bad("scale", "no scale " + rule.scale);
  RECIRC_TRY(Reader w, r.Object("when"));
  RECIRC_CHECK(w.OnlyKnown({"check", "is", "below", "above", "in"}));
  RECIRC_TRY(rule.when.check, w.Text("check"));
  const Check* check = c.FindCheck(rule.when.check);
  if (check == nullptr) return w.Bad("check", "no check " + rule.when.check);
  const int conditions = w.Has("is") + w.Has("below") + w.Has("above") + w.Has("in");
  if (conditions != 1) return w.Bad("check", "exactly one of is, below, above, in");
  if (w.Has("is")) {
    rule.when.kind = Condition::Kind::kIs;
    RECIRC_TRY(rule.when.is, w.Text("is"));
    if (check->type != CheckType::kPassFail || (rule.when.is != "pass" && rule.when.is != "fail")) {
      return w.Bad("is", "\"is\" takes pass or fail, on a pass_fail check");
    }
  } else if (w.Has("below") || w.Has("above")) {
    const bool below = w.Has("below");
    rule.when.kind = below ? Condition::Kind::kBelow : Condition::Kind::kAbove;
    RECIRC_TRY(rule.when.number, w.Int(below ? "below" : "above"));
    if (check->type != CheckType::kMeasured) {
      return w.Bad(below ? "below" : "above", "applies to measured checks only");
    }
  } else {
    rule.when.kind = Condition::Kind::kIn;
    RECIRC_TRY(const json::array* in, w.Array("in"));
    RECIRC_TRY(rule.when.in, Strings(*in, w.Path("in")));
    if (check->type != CheckType::kChoice) return w.Bad("in", "applies to choice checks only");
    for (const auto& v : rule.when.in) {
      if (std::find(check->options.begin(), check->options.end(), v) == check->options.end()) {
        return w.Bad("in", v + " is not an option of " + check->id);
      }
    }
  }
  if (r.Has("cap")) {
    RECIRC_TRY(std::string cap, r.Text("cap"));
    if (!HasGrade(*scale, cap)) return r.Bad("cap", "no grade " + cap + " in " + scale->id);
    rule.cap = std::move(cap);
  }
  if (r.Has("step")) {
    RECIRC_TRY(int64_t step, r.Int("step"));
    if (step < 1 || step > 9) return r.Bad("step", "a step is 1 to 9");
    rule.step = static_cast<int>(step);
  }
  if (rule.cap.has_value() == (rule.step != 0)) return r.Bad("cap", "exactly one of cap, step");
  if (r.Has("because")) {
    RECIRC_TRY(LocalText because, r.Names("because"));
    rule.because = std::move(because);
  }
  return rule;
}

}  // namespace

std::string_view CheckTypeName(CheckType type) {
  switch (type) {
    case CheckType::kPassFail:
      return "pass_fail";
    case CheckType::kMeasured:
      return "measured";
    case CheckType::kChoice:
      return "choice";
    case CheckType::kPhoto:
      return "photo";
  }
  return "pass_fail";
}

const Check* Checklist::FindCheck(std::string_view id) const {
  for (const auto& c : checks) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const LocalText* Check::OptionName(std::string_view option) const {
  for (size_t i = 0; i < options.size() && i < option_names.size(); ++i) {
    if (options[i] == option) return &option_names[i];
  }
  return nullptr;
}

const Scale* Checklist::FindScale(std::string_view id) const {
  for (const auto& s : scales) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Result<Checklist> ParseChecklist(std::string_view text, std::string_view file) {
  const std::string where = std::string(file) + ": ";
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !doc.is_object()) {
    return Error::InvalidArgument(std::string(file), where + "not a JSON object");
  }
  Reader r(doc.as_object(), where);
  RECIRC_CHECK(r.OnlyKnown({"schema", "category", "version", "published", "gbt30342", "name",
                            "has_storage", "electrical", "authenticity", "checks", "grading"}));
  RECIRC_TRY(std::string schema, r.Text("schema"));
  if (schema != "recirc.checklist.v1") return r.Bad("schema", "must be recirc.checklist.v1");
  Checklist c;
  RECIRC_TRY(c.category, r.Text("category"));
  if (!IsIdentifier(c.category)) return r.Bad("category", "lower-case letters, digits and _");
  RECIRC_TRY(c.version, r.Int("version"));
  if (c.version < 1) return r.Bad("version", "versions start at 1");
  RECIRC_TRY(c.published, r.Text("published"));
  RECIRC_TRY(Reader gbt, r.Object("gbt30342"));
  RECIRC_TRY(c.gbt30342_code, gbt.Text("code"));
  RECIRC_TRY(c.gbt30342_verified, gbt.Bool("verified"));
  RECIRC_TRY(c.name, r.Names("name"));
  RECIRC_TRY(c.has_storage, r.Bool("has_storage"));
  RECIRC_TRY(c.electrical, r.Bool("electrical"));
  RECIRC_TRY(c.authenticity, r.Bool("authenticity"));

  RECIRC_TRY(const json::array* checks, r.Array("checks"));
  for (size_t i = 0; i < checks->size(); ++i) {
    RECIRC_TRY(Reader cr, Element(*checks, i, where + "checks[" + std::to_string(i) + "]"));
    RECIRC_TRY(Check check, ParseCheck(cr));
    if (c.FindCheck(check.id) != nullptr) return cr.Bad("id", "check " + check.id + " repeats");
    c.checks.push_back(std::move(check));
  }
  if (c.checks.empty()) return r.Bad("checks", "at least one check");

  RECIRC_TRY(Reader grading, r.Object("grading"));
  RECIRC_CHECK(grading.OnlyKnown({"scales", "rules"}));
  RECIRC_TRY(const json::array* scales, grading.Array("scales"));
  for (size_t i = 0; i < scales->size(); ++i) {
    RECIRC_TRY(Reader sr, Element(*scales, i, grading.Path("scales[" + std::to_string(i) + "]")));
    RECIRC_TRY(Scale scale, ParseScale(sr));
    if (c.FindScale(scale.id) != nullptr) return sr.Bad("id", "scale " + scale.id + " repeats");
    c.scales.push_back(std::move(scale));
  }
  if (c.scales.empty()) return grading.Bad("scales", "at least one scale");
  RECIRC_TRY(const json::array* rules, grading.Array("rules"));
  for (size_t i = 0; i < rules->size(); ++i) {
    RECIRC_TRY(Reader rr, Element(*rules, i, grading.Path("rules[" + std::to_string(i) + "]")));
    RECIRC_TRY(Rule rule, ParseRule(rr, c));
    c.rules.push_back(std::move(rule));
  }
  return c;
}

Result<Catalogue> Catalogue::FromFiles(std::span<const EmbeddedFile> files) {
  Catalogue out;
  for (const auto& f : files) {
    RECIRC_TRY(Checklist c, ParseChecklist(f.content, f.name));
    const std::string expected = c.category + ".v" + std::to_string(c.version) + ".json";
    if (f.name != expected) {
      return Error::InvalidArgument(std::string(f.name), std::string(f.name) +
                                                             ": a checklist of this category "
                                                             "and version belongs in " +
                                                             expected);
    }
    if (out.Find(c.category, c.version) != nullptr) {
      return Error::InvalidArgument(std::string(f.name), expected + " is given twice");
    }
    out.checklists_.push_back(std::move(c));
  }
  std::sort(out.checklists_.begin(), out.checklists_.end(),
            [](const Checklist& a, const Checklist& b) {
              return a.category != b.category ? a.category < b.category : a.version < b.version;
            });
  return out;
}

Result<Catalogue> Catalogue::Embedded() {
  RECIRC_TRY(Catalogue out, FromFiles(ChecklistFiles()));
  const auto names = ChecklistOptionFiles();
  if (names.size() != 1) return Error::Internal("data/checklist_options.json is not compiled in");
  RECIRC_CHECK(out.NameOptions(names.front()));
  return out;
}

Status Catalogue::NameOptions(const EmbeddedFile& file) {
  boost::system::error_code ec;
  const json::value doc = json::parse(file.content, ec);
  const json::object* all = nullptr;
  if (!ec && doc.is_object()) {
    if (const auto* o = doc.as_object().if_contains("options"); o != nullptr && o->is_object()) {
      all = &o->as_object();
    }
  }
  if (all == nullptr) {
    return Error::InvalidArgument(std::string(file.name),
                                  std::string(file.name) + ": needs an \"options\" object");
  }
  for (auto& checklist : checklists_) {
    for (auto& check : checklist.checks) {
      check.option_names.clear();
      for (const auto& option : check.options) {
        const json::value* entry = all->if_contains(option);
        const json::object* names = entry != nullptr ? entry->if_object() : nullptr;
        const json::value* zh = names != nullptr ? names->if_contains("zh") : nullptr;
        const json::value* en = names != nullptr ? names->if_contains("en") : nullptr;
        if (zh == nullptr || en == nullptr || !zh->is_string() || !en->is_string() ||
            zh->as_string().empty() || en->as_string().empty()) {
          return Error::InvalidArgument(
              std::string(file.name),
              fmt::format("{}: option {} of check {} in {}.v{} needs a zh and an en name",
                          file.name, option, check.id, checklist.category, checklist.version));
        }
        check.option_names.push_back({std::string(zh->as_string()), std::string(en->as_string())});
      }
    }
  }
  return Ok();
}

const Checklist* Catalogue::Latest(std::string_view category) const {
  const Checklist* best = nullptr;
  for (const auto& c : checklists_) {
    if (c.category == category && (best == nullptr || c.version > best->version)) best = &c;
  }
  return best;
}

const Checklist* Catalogue::Find(std::string_view category, int64_t version) const {
  for (const auto& c : checklists_) {
    if (c.category == category && c.version == version) return &c;
  }
  return nullptr;
}

Result<std::vector<CheckResult>> ValidateResults(const Checklist& checklist,
                                                 const json::object& results,
                                                 MissingChecks missing) {
  for (const auto& [id, value] : results) {
    if (checklist.FindCheck(id) == nullptr) {
      return Error::InvalidArgument("results." + std::string(id),
                                    "no check " + std::string(id) + " in the " +
                                        checklist.category + " checklist version " +
                                        std::to_string(checklist.version));
    }
  }
  std::vector<CheckResult> out;
  for (const Check& check : checklist.checks) {
    const std::string field = "results." + check.id;
    const json::value* v = results.if_contains(check.id);
    if (v == nullptr || v->is_null()) continue;  // required checks are looked at below
    CheckResult r{check.id, {}, std::nullopt};
    switch (check.type) {
      case CheckType::kPassFail:
        if (!v->is_string() || (v->as_string() != "pass" && v->as_string() != "fail")) {
          return Error::InvalidArgument(field, check.id + " is \"pass\" or \"fail\"");
        }
        r.text = std::string(v->as_string());
        break;
      case CheckType::kMeasured:
        if (!v->is_int64() || v->as_int64() < check.min || v->as_int64() > check.max) {
          return Error::InvalidArgument(field, check.id + " is a whole number from " +
                                                   std::to_string(check.min) + " to " +
                                                   std::to_string(check.max) + " " + check.unit);
        }
        r.number = v->as_int64();
        break;
      case CheckType::kChoice: {
        std::string list;
        for (const auto& o : check.options) list += (list.empty() ? "" : ", ") + o;
        if (!v->is_string() || std::find(check.options.begin(), check.options.end(),
                                         std::string_view(v->as_string())) == check.options.end()) {
          return Error::InvalidArgument(field, check.id + " is one of " + list);
        }
        r.text = std::string(v->as_string());
        break;
      }
      case CheckType::kPhoto: {
        const bool ok = v->is_string() && v->as_string().size() == 71 &&
                        v->as_string().starts_with("sha256:") &&
                        std::all_of(v->as_string().begin() + 7, v->as_string().end(), [](char ch) {
                          return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
                        });
        if (!ok) {
          return Error::InvalidArgument(
              field, check.id + " is a photo reference \"sha256:<64 lower-case hex digits>\"");
        }
        r.text = std::string(v->as_string());
        break;
      }
    }
    out.push_back(std::move(r));
  }
  // A wrong value is named before a missing check, so the first error is the likelier typo.
  if (missing == MissingChecks::kAllowed) return out;
  for (const Check& check : checklist.checks) {
    const json::value* v = results.if_contains(check.id);
    if (check.required && (v == nullptr || v->is_null())) {
      return Error::InvalidArgument(
          "results." + check.id, "the check " + check.id + " (" + check.name.en + ") is required");
    }
  }
  return out;
}

json::value ResultValueJson(const CheckResult& r) {
  if (r.number) return *r.number;
  return json::string(r.text);
}

}  // namespace recirc::inspection
