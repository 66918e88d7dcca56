#include "domain/registry/item_fields.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/validators.hpp"

namespace recirc::registry {
namespace {

constexpr std::array<std::string_view, 14> kCategories = {
    "phone",    "tablet",     "laptop",    "computer", "camera", "appliance", "furniture",
    "clothing", "luxury_bag", "jewellery", "bicycle",  "car",    "book",      "other"};
constexpr std::array<std::string_view, 7> kProhibited = {
    "weapon",     "police_gear", "military_gear",  "id_document",
    "state_seal", "hazardous",   "seized_property"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view v) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

template <size_t N>
std::string Joined(const std::array<std::string_view, N>& set) {
  std::string out;
  for (auto s : set) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

}  // namespace

std::string ReferenceKey(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsProhibitedCategory(std::string_view category) { return OneOf(kProhibited, category); }

Status CheckCategory(std::string_view category) {
  if (IsProhibitedCategory(category)) {
    return Error{ErrorCode::kFailedPrecondition,
                 "category " + std::string(category) +
                     " may not be acquired (prohibited goods: refuse and, if offered, report to "
                     "the police)",
                 "item.category"};
  }
  if (!OneOf(kCategories, category)) {
    return Error::InvalidArgument("item.category", "the category is one of " + Joined(kCategories));
  }
  return Ok();
}

Result<std::string> NormaliseItemIdentifier(std::string_view kind, std::string_view value,
                                            std::string_view field) {
  const std::string v = core::NormaliseIdentifier(value);
  const std::string f(field);
  if (v.empty()) return Error::InvalidArgument(f, "the identifier is empty");
  if (kind == "imei") {
    RECIRC_CHECK(core::ValidateImei(v, f));
  } else if (kind == "meid") {
    RECIRC_CHECK(core::ValidateMeid(v, f));
  } else if (kind == "vin") {
    RECIRC_CHECK(core::ValidateVin(v, f));
  } else if (kind == "serial" || kind == "mac" || kind == "gtin_serial" || kind == "engraving") {
    if (v.size() > 64) return Error::InvalidArgument(f, "at most 64 characters");
  } else {
    return Error::InvalidArgument(
        f, "unknown identifier kind " + std::string(kind) +
               "; one of imei, meid, vin, serial, mac, gtin_serial, engraving");
  }
  return v;
}

}  // namespace recirc::registry
