#include "domain/identity/display_name.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace recirc::identity {
namespace {

Error Bad(std::string_view field, std::string message) {
  return Error::InvalidArgument(std::string(field), std::move(message));
}

}  // namespace

Result<std::string> NormaliseDisplayName(std::string_view value, std::string_view field) {
  constexpr int kMax = 64;
  if (value.empty() || value.front() == ' ' || value.back() == ' ') {
    return Bad(field, "must not be empty or start or end with a space");
  }
  bool has_letter = false;
  int count = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(value.data());
  const auto length = static_cast<int32_t>(value.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return Bad(field, "is not valid UTF-8");
    if (++count > kMax) return Bad(field, "at most " + std::to_string(kMax) + " characters");
    switch (u_charType(c)) {
      case U_CONTROL_CHAR:
      case U_FORMAT_CHAR:
        return Bad(field, "must not contain control or formatting characters");
      case U_LINE_SEPARATOR:
      case U_PARAGRAPH_SEPARATOR:
        return Bad(field, "must not contain line breaks");
      default:
        break;
    }
    has_letter = has_letter || u_isalpha(c) != 0;
  }
  if (!has_letter) return Bad(field, "must contain at least one letter");

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return Error::Internal("the Unicode normaliser is unavailable");
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(value);
  if (nfc->isNormalized(text, status) && U_SUCCESS(status)) return std::string(value);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normal = nfc->normalize(text, status);
  if (U_FAILURE(status)) return Bad(field, "is not valid Unicode text");
  std::string out;
  normal.toUTF8String(out);
  return out;
}

}  // namespace recirc::identity
