#include "support/test_images.hpp"

// clang-format off
#include <cstdio>
#include <jpeglib.h>
// clang-format on
#include <png.h>
#include <webp/encode.h>

#include <cstdlib>
#include <stdexcept>

namespace recirc::testing {
namespace {

uint8_t Clamp(int v) { return static_cast<uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v); }

}  // namespace

Picture ColourPicture(int width, int height) {
  Picture p{width, height, std::vector<uint8_t>(static_cast<size_t>(width * height * 3))};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      uint8_t* px = &p.rgb[static_cast<size_t>((y * width + x) * 3)];
      px[0] = Clamp(255 * x / std::max(1, width - 1));
      px[1] = Clamp(255 * y / std::max(1, height - 1));
      px[2] = Clamp(255 - 255 * x / std::max(1, width - 1));
    }
  }
  return p;
}

Picture GreyPicture(int width, int height, int noise) {
  Picture p{width, height, std::vector<uint8_t>(static_cast<size_t>(width * height * 3))};
  unsigned seed = 12345;
  auto next = [&seed, noise]() {
    seed = seed * 1103515245u + 12345u;
    return noise == 0
               ? 0
               : static_cast<int>((seed >> 16) % static_cast<unsigned>(2 * noise + 1)) - noise;
  };
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const int grey = 255 * (x + y) / std::max(1, width + height - 2);
      uint8_t* px = &p.rgb[static_cast<size_t>((y * width + x) * 3)];
      for (int c = 0; c < 3; ++c) px[c] = Clamp(grey + next());
    }
  }
  return p;
}

Picture MostlyGreyPicture(int width, int height, int colour_rows) {
  Picture p{width, height, std::vector<uint8_t>(static_cast<size_t>(width * height * 3))};
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      uint8_t* px = &p.rgb[static_cast<size_t>((y * width + x) * 3)];
      const bool phone = x > width / 4 && x < 3 * width / 4 && y > height / 6 && y < 5 * height / 6;
      uint8_t r = phone ? 30 : 190, g = phone ? 30 : 190, b = phone ? 32 : 188;
      if (y >= height - colour_rows) r = 150, g = 100, b = 60;  // a wooden desk edge
      px[0] = r, px[1] = g, px[2] = b;
    }
  }
  return p;
}

std::string EncodePng(const Picture& p, bool as_grey) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(p.width);
  image.height = static_cast<png_uint_32>(p.height);
  image.format = PNG_FORMAT_RGB;
  std::vector<uint8_t> grey;
  const void* pixels = p.rgb.data();
  if (as_grey) {
    image.format = PNG_FORMAT_GRAY;
    for (size_t i = 0; i + 2 < p.rgb.size(); i += 3) grey.push_back(p.rgb[i + 1]);
    pixels = grey.data();
  }
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels, 0, nullptr)) {
    throw std::runtime_error(image.message);
  }
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels, 0, nullptr)) {
    throw std::runtime_error(image.message);
  }
  out.resize(size);
  return out;
}

std::string EncodeJpeg(const Picture& p, bool as_grey, int quality) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  cinfo.err = jpeg_std_error(&err);  // a test helper: libjpeg's exit() on error is acceptable
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(p.width);
  cinfo.image_height = static_cast<JDIMENSION>(p.height);
  cinfo.input_components = as_grey ? 1 : 3;
  cinfo.in_color_space = as_grey ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<uint8_t> row(static_cast<size_t>(p.width * 3));
  while (cinfo.next_scanline < cinfo.image_height) {
    const uint8_t* src = &p.rgb[static_cast<size_t>(cinfo.next_scanline) * p.width * 3];
    for (int x = 0; x < p.width; ++x) {
      if (as_grey) {
        row[static_cast<size_t>(x)] = src[x * 3 + 1];
      } else {
        for (int c = 0; c < 3; ++c) row[static_cast<size_t>(x * 3 + c)] = src[x * 3 + c];
      }
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

std::string EncodeJpegCmyk(const Picture& p) {
  jpeg_compress_struct cinfo{};
  jpeg_error_mgr err{};
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(p.width);
  cinfo.image_height = static_cast<JDIMENSION>(p.height);
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  std::vector<uint8_t> row(static_cast<size_t>(p.width) * 4);
  while (cinfo.next_scanline < cinfo.image_height) {
    const uint8_t* src = &p.rgb[static_cast<size_t>(cinfo.next_scanline) * p.width * 3];
    for (size_t x = 0; x < static_cast<size_t>(p.width); ++x) {
      for (size_t c = 0; c < 3; ++c) row[x * 4 + c] = src[x * 3 + c];
      row[x * 4 + 3] = 255;
    }
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&cinfo, rows, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  std::free(buffer);
  return out;
}

std::string EncodeWebp(const Picture& p, bool lossless) {
  uint8_t* output = nullptr;
  const size_t size =
      lossless ? WebPEncodeLosslessRGB(p.rgb.data(), p.width, p.height, p.width * 3, &output)
               : WebPEncodeRGB(p.rgb.data(), p.width, p.height, p.width * 3, 80.0f, &output);
  if (size == 0) throw std::runtime_error("WebP encoding failed");
  std::string out(reinterpret_cast<const char*>(output), size);
  WebPFree(output);
  return out;
}

std::string ColourPng() { return EncodePng(ColourPicture(16, 16)); }

}  // namespace recirc::testing
