#include "core/category.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/embedded_file.hpp"

namespace recirc::core {

// Generated from data/categories.json (src/core/CMakeLists.txt).
std::span<const EmbeddedFile> CategoriesJson();

namespace {

namespace json = boost::json;

Status OnlyKeys(const json::object& o, std::initializer_list<std::string_view> keys,
                const std::string& where) {
  for (const auto& kv : o) {
    if (std::find(keys.begin(), keys.end(), kv.key()) == keys.end()) {
      return Error::InvalidArgument(where + "." + std::string(kv.key()), "is not a known key");
    }
  }
  return Ok();
}

Result<std::string> Text(const json::object& o, std::string_view key, const std::string& where,
                         bool required) {
  const json::value* v = o.if_contains(key);
  const std::string field = where + "." + std::string(key);
  if (v == nullptr) {
    if (required) return Error::InvalidArgument(field, "is required");
    return std::string();
  }
  if (!v->is_string() || v->as_string().empty()) {
    return Error::InvalidArgument(field, "is a non-empty string");
  }
  return std::string(v->as_string());
}

bool IsCode(std::string_view code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Result<Intake> IntakeOf(std::string_view s, const std::string& field) {
  if (s == "accepted") return Intake::kAccepted;
  if (s == "prohibited") return Intake::kProhibited;
  if (s == "listing_only") return Intake::kListingOnly;
  return Error::InvalidArgument(field, "is accepted, prohibited or listing_only");
}

Result<InspectionBy> InspectionOf(std::string_view s, const std::string& field) {
  if (s.empty() || s == "third_party") return InspectionBy::kThirdParty;
  if (s == "self_allowed") return InspectionBy::kSelfAllowed;
  return Error::InvalidArgument(field, "is third_party or self_allowed");
}

Result<Category> ParseCategory(const json::value& v, const std::string& where) {
  if (!v.is_object()) return Error::InvalidArgument(where, "is an object");
  const json::object& o = v.as_object();
  RECIRC_CHECK(
      OnlyKeys(o, {"code", "label", "intake", "inspection", "checklist", "search_words"}, where));
  Category c;
  RECIRC_TRY(c.code, Text(o, "code", where, true));
  if (!IsCode(c.code)) return Error::InvalidArgument(where + ".code", "is [a-z0-9_]+");
  const json::value* label = o.if_contains("label");
  if (label == nullptr || !label->is_object()) {
    return Error::InvalidArgument(where + ".label", "is an object {\"zh\": ..., \"en\": ...}");
  }
  RECIRC_CHECK(OnlyKeys(label->as_object(), {"zh", "en"}, where + ".label"));
  RECIRC_TRY(c.label_zh, Text(label->as_object(), "zh", where + ".label", true));
  RECIRC_TRY(c.label_en, Text(label->as_object(), "en", where + ".label", true));
  RECIRC_TRY(std::string intake, Text(o, "intake", where, true));
  RECIRC_TRY(c.intake, IntakeOf(intake, where + ".intake"));
  RECIRC_TRY(std::string inspection, Text(o, "inspection", where, false));
  RECIRC_TRY(c.inspection, InspectionOf(inspection, where + ".inspection"));
  RECIRC_TRY(std::string checklist, Text(o, "checklist", where, false));
  if (!checklist.empty()) c.checklist = std::move(checklist);
  RECIRC_TRY(c.search_words, Text(o, "search_words", where, false));
  return c;
}

}  // namespace

Result<CategoryVocabulary> CategoryVocabulary::FromJson(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec) return Error::InvalidArgument("categories", "is not JSON: " + ec.message());
  if (!doc.is_object()) return Error::InvalidArgument("categories", "is a JSON object");
  const json::object& root = doc.as_object();
  RECIRC_CHECK(OnlyKeys(root, {"schema", "categories"}, "categories"));
  const json::value* schema = root.if_contains("schema");
  if (schema == nullptr || !schema->is_string() || schema->as_string() != "recirc.categories.v1") {
    return Error::InvalidArgument("schema", "is recirc.categories.v1");
  }
  const json::value* list = root.if_contains("categories");
  if (list == nullptr || !list->is_array() || list->as_array().empty()) {
    return Error::InvalidArgument("categories", "is a non-empty array");
  }
  CategoryVocabulary out;
  std::set<std::string, std::less<>> seen;
  for (size_t i = 0; i < list->as_array().size(); ++i) {
    const std::string where = "categories[" + std::to_string(i) + "]";
    RECIRC_TRY(Category c, ParseCategory(list->as_array()[i], where));
    if (!seen.insert(c.code).second) {
      return Error::InvalidArgument(where + ".code", "repeats " + c.code);
    }
    out.categories_.push_back(std::move(c));
  }
  return out;
}

const CategoryVocabulary& CategoryVocabulary::Embedded() {
  static const CategoryVocabulary kVocabulary = [] {
    auto parsed = FromJson(CategoriesJson().front().content);
    if (!parsed) {
      std::fprintf(stderr, "data/categories.json: %s: %s\n", parsed.error().field.c_str(),
                   parsed.error().message.c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return kVocabulary;
}

const Category* CategoryVocabulary::Find(std::string_view code) const {
  for (const auto& c : categories_)
    if (c.code == code) return &c;
  return nullptr;
}

std::vector<std::string_view> CategoryVocabulary::Codes(Intake intake) const {
  std::vector<std::string_view> out;
  for (const auto& c : categories_)
    if (c.intake == intake) out.push_back(c.code);
  return out;
}

}  // namespace recirc::core
