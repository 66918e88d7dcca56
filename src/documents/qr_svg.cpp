#include "documents/qr_svg.hpp"

#include <qrencode.h>

#include <memory>

namespace recirc::documents {

Result<std::string> QrSvg(std::string_view text) {
  const std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!qr) return Error::Internal("the QR code could not be encoded");
  constexpr int kQuiet = 2;
  const int side = qr->width + 2 * kQuiet;
  std::string path;
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width; ++c) {
      if (qr->data[r * qr->width + c] & 1) {
        path += "M" + std::to_string(c + kQuiet) + " " + std::to_string(r + kQuiet) + "h1v1h-1z";
      }
    }
  }
  const std::string box = std::to_string(side);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + box + " " + box +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + box + "\" height=\"" + box +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace recirc::documents
