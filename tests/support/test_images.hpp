#pragma once
// Real images made in the test, for the colour photo rule (registry/photo_colour.hpp): a
// picture is RGB pixels, encoded with the same libraries the server decodes with.

#include <cstdint>
#include <string>
#include <vector>

namespace recirc::testing {

struct Picture {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgb;  // width * height * 3
};

// Hues across the picture: an ordinary colour image.
Picture ColourPicture(int width, int height);
// A grey gradient with every channel equal (a black-and-white photo saved as RGB); `noise`
// adds up to ±noise to each channel independently (scanner or sensor noise).
Picture GreyPicture(int width, int height, int noise = 0);
// A dark grey object on a light grey background with a thin coloured strip along the bottom
// (`colour_rows` rows): a black phone on a desk, the desk's edge in colour.
Picture MostlyGreyPicture(int width, int height, int colour_rows);

std::string EncodePng(const Picture& p, bool as_grey = false);
std::string EncodeJpeg(const Picture& p, bool as_grey = false, int quality = 85);
// CMYK as Adobe writes it (inverted: stored C = R, M = G, Y = B, K = 255, i.e. no black ink).
std::string EncodeJpegCmyk(const Picture& p);
std::string EncodeWebp(const Picture& p, bool lossless = false);

// A small colour PNG that passes the colour check: for tests that need an item photo.
std::string ColourPng();

}  // namespace recirc::testing
