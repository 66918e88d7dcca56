#pragma once
// Is an item photo in colour? DOMAIN.md: "a colour photo is mandatory for an item with no serial
// number". The image is decoded (JPEG with libjpeg-turbo at 1/8 scale, PNG with libpng's
// simplified API, WebP with libwebp scaled down) and its pixels counted:
// - a greyscale image (1-channel JPEG, grey PNG) is not in colour;
// - otherwise a pixel is "coloured" when its chroma, max(R,G,B) - min(R,G,B), is at least
//   kMinChroma, and the image is in colour when at least kMinColourPerMille of its (not fully
//   transparent) pixels are. docs/registry.md says why these numbers.
// Images over kMaxPhotoPixels are refused from their header, before any pixel is decoded
// (decompression bombs); undecodable or truncated bytes are refused. Both errors name `photo`.
// No SQL, no I/O: bytes in, a verdict out.

#include <cstdint>
#include <string_view>

#include "core/error.hpp"

namespace recirc::registry {

// 60 megapixels: above any phone camera in use, far below what a small file can claim.
inline constexpr int64_t kMaxPhotoPixels = int64_t{60} * 1000 * 1000;
// A pixel whose channels differ by at least this much (of 255) shows a colour. JPEG chroma
// noise in a grey image stays in single digits, and scanner tint around 10.
inline constexpr int kMinChroma = 24;
// The image is in colour when at least this share of its pixels shows a colour (1 %).
inline constexpr int64_t kMinColourPerMille = 10;

struct ColourCheck {
  bool in_colour = false;
  bool greyscale_format = false;  // the file itself has no colour channels
  int64_t width = 0;              // of the full image, from its header
  int64_t height = 0;
  int64_t sampled_pixels = 0;  // pixels looked at (after scaling; not fully transparent)
  int64_t coloured_pixels = 0;
};

// media_type is "image/jpeg", "image/png" or "image/webp" (as sniffed from the bytes).
Result<ColourCheck> CheckColour(std::string_view bytes, std::string_view media_type);

}  // namespace recirc::registry
