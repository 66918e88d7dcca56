#pragma once
// What every photo upload shares (acquisition photos, order dispatch and return photos): the
// body limit the route declares (checked before the body is read), the type sniffed from the
// bytes (JPEG, PNG, WebP) with the Content-Type required to agree, and the SHA-256 naming.
// The bytes are stored content-addressed by storage::PhotoFiles (fsync, then rename).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::registry {

// The largest photo a route accepts; a bigger announced body is refused before it is read.
inline constexpr size_t kPhotoUploadLimit = size_t{8} * 1024 * 1024;

// "image/jpeg", "image/png", "image/webp", or nullopt for anything else.
std::optional<std::string> SniffImageType(std::string_view bytes);

// 64 lower-case hex digits.
bool IsSha256Hex(std::string_view s);

// The body of an upload checked: not empty, a JPEG, PNG or WebP by its bytes, and the request's
// Content-Type (parameters ignored) the same type. Answers the media type; refusals name `photo`.
Result<std::string> CheckUploadedImage(const std::optional<std::string>& content_type,
                                       std::string_view bytes);
// CheckUploadedImage, then the image decoded in full (photo_colour.hpp's decoders: libjpeg,
// libpng, libwebp, with the same pixel limit): a file whose first bytes look like an image but
// that does not decode is refused naming `photo`, not stored.
Result<std::string> CheckDecodedImage(const std::optional<std::string>& content_type,
                                      std::string_view bytes);

}  // namespace recirc::registry
