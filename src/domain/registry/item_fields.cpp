#include "domain/registry/item_fields.hpp"

#include <string>

#include "core/category.hpp"
#include "core/validators.hpp"

namespace recirc::registry {

std::string ReferenceKey(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsProhibitedCategory(std::string_view category) {
  const core::Category* c = core::CategoryVocabulary::Embedded().Find(category);
  return c != nullptr && c->intake == core::Intake::kProhibited;
}

Status CheckCategory(std::string_view category) {
  if (IsProhibitedCategory(category)) {
    return Error{ErrorCode::kFailedPrecondition,
                 "category " + std::string(category) +
                     " may not be acquired (prohibited goods: refuse and, if offered, report to "
                     "the police)",
                 "item.category"}
        .Id("registration.category_prohibited");
  }
  const core::Category* c = core::CategoryVocabulary::Embedded().Find(category);
  if (c == nullptr || c->intake != core::Intake::kAccepted) {
    std::string accepted;
    for (auto code : core::CategoryVocabulary::Embedded().Codes(core::Intake::kAccepted)) {
      accepted += (accepted.empty() ? "" : ", ") + std::string(code);
    }
    return Error::InvalidArgument("item.category", "the category is one of " + accepted)
        .Id("registration.category_unknown");
  }
  return Ok();
}

Result<std::string> NormaliseItemIdentifier(std::string_view kind, std::string_view value,
                                            std::string_view field) {
  const std::string v = core::NormaliseIdentifier(value);
  const std::string f(field);
  if (v.empty())
    return Error::InvalidArgument(f, "the identifier is empty").Id("registration.identifier_empty");
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
