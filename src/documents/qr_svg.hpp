#pragma once
// A QR code as a small SVG document (libqrencode, error correction level M, a two-module quiet
// zone): the item's label on screen and on the printed acquisition receipt, where a PDF cannot be
// placed. One <path> of unit squares, scaled by the viewBox, so it prints sharp at any size.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::documents {

Result<std::string> QrSvg(std::string_view text);

}  // namespace recirc::documents
