#include "domain/registry/image_upload.hpp"

#include <cctype>

#include "domain/registry/photo_colour.hpp"

namespace recirc::registry {
namespace {

// "image/jpeg; charset=…" → "image/jpeg".
std::string BaseMediaType(std::string_view header) {
  std::string out(header.substr(0, header.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<std::string> SniffImageType(std::string_view b) {
  if (b.size() >= 3 && b.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
  return std::nullopt;
}

bool IsSha256Hex(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<std::string> CheckUploadedImage(const std::optional<std::string>& content_type,
                                       std::string_view bytes) {
  if (bytes.empty()) {
    return Error::InvalidArgument("photo", "the request body is the image (JPEG, PNG or WebP)");
  }
  const auto sniffed = SniffImageType(bytes);
  if (!sniffed) {
    return Error::InvalidArgument("photo", "the photo is not a JPEG, PNG or WebP image");
  }
  const std::string declared = BaseMediaType(content_type.value_or(""));
  if (declared != *sniffed) {
    return Error::InvalidArgument(
        "photo", "the Content-Type is '" + declared + "' but the bytes are " + *sniffed);
  }
  return *sniffed;
}

Result<std::string> CheckDecodedImage(const std::optional<std::string>& content_type,
                                      std::string_view bytes) {
  RECIRC_TRY(std::string media_type, CheckUploadedImage(content_type, bytes));
  RECIRC_TRY(const ColourCheck decoded, CheckColour(bytes, media_type));
  static_cast<void>(decoded);  // only that it decodes matters here
  return media_type;
}

}  // namespace recirc::registry
