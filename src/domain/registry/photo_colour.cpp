#include "domain/registry/photo_colour.hpp"

// clang-format off
#include <cstdio>  // jpeglib.h needs FILE and size_t declared first
#include <jpeglib.h>
#include <jerror.h>  // JWRN_JPEG_EOF
// clang-format on
#include <png.h>
#include <webp/decode.h>

#include <algorithm>
#include <csetjmp>
#include <cstring>
#include <string>
#include <vector>

namespace recirc::registry {
namespace {

// WebP is decoded scaled so that its longer edge is at most this many pixels (JPEG uses its
// 1/8 DCT scaling; the share of coloured pixels hardly changes with the scale).
constexpr int kWebpSampleEdge = 512;
constexpr int kJpegScaleDenominator = 8;
constexpr int kMaxSample = 255;
constexpr uint8_t kTransparentAlpha = 0;  // fully transparent PNG/WebP pixels are not looked at

struct Tally {
  int64_t sampled = 0;
  int64_t coloured = 0;
  void Add(uint8_t r, uint8_t g, uint8_t b) {
    ++sampled;
    const int chroma = std::max({r, g, b}) - std::min({r, g, b});
    if (chroma >= kMinChroma) ++coloured;
  }
};

Error TooLarge(int64_t width, int64_t height) {
  return Error::InvalidArgument("photo", "the photo is " + std::to_string(width) + " x " +
                                             std::to_string(height) + " pixels; at most " +
                                             std::to_string(kMaxPhotoPixels / 1000000) +
                                             " megapixels are accepted");
}

Error Undecodable(std::string_view format, std::string_view detail) {
  return Error::InvalidArgument("photo", "the photo cannot be decoded as " + std::string(format) +
                                             " (" + std::string(detail) + ")");
}

bool OverLimit(int64_t width, int64_t height) {
  return width <= 0 || height <= 0 || width * height > kMaxPhotoPixels;
}

// libjpeg's default error handler calls exit(); this one jumps back to DecodeJpeg.
struct JpegErrors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void JpegErrorExit(j_common_ptr cinfo) {
  auto* e = reinterpret_cast<JpegErrors*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, e->message);
  std::longjmp(e->jump, 1);
}

void JpegEmitMessage(j_common_ptr cinfo, int level) {
  // A premature end of the data is a warning to libjpeg (it pads with grey); here it is an error.
  if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) JpegErrorExit(cinfo);
}

// Only trivially destructible locals live here: a longjmp skips destructors. Memory comes from
// libjpeg's pools, freed by jpeg_destroy_decompress in the caller.
enum class JpegOutcome { kDecoded, kFailed, kTooLarge };
JpegOutcome DecodeJpeg(jpeg_decompress_struct& cinfo, JpegErrors& errors, std::string_view bytes,
                       ColourCheck& check, Tally& tally) {
  if (setjmp(errors.jump) != 0) return JpegOutcome::kFailed;
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  check.width = cinfo.image_width;
  check.height = cinfo.image_height;
  if (OverLimit(check.width, check.height)) return JpegOutcome::kTooLarge;
  check.greyscale_format = cinfo.num_components == 1;
  const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  cinfo.scale_num = 1;
  cinfo.scale_denom = kJpegScaleDenominator;
  jpeg_start_decompress(&cinfo);
  const JDIMENSION stride = cinfo.output_width * static_cast<JDIMENSION>(cinfo.output_components);
  JSAMPARRAY row =
      (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE, stride, 1);
  while (cinfo.output_scanline < cinfo.output_height) {
    jpeg_read_scanlines(&cinfo, row, 1);
    const JSAMPLE* p = row[0];
    for (JDIMENSION x = 0; x < cinfo.output_width; ++x, p += cinfo.output_components) {
      if (cmyk) {
        // Adobe writes inverted CMYK; the colour is (255 - C)·(255 - K) = stored C · stored K.
        const int k = p[3];
        tally.Add(static_cast<uint8_t>(p[0] * k / kMaxSample),
                  static_cast<uint8_t>(p[1] * k / kMaxSample),
                  static_cast<uint8_t>(p[2] * k / kMaxSample));
      } else {
        tally.Add(p[0], p[1], p[2]);
      }
    }
  }
  jpeg_finish_decompress(&cinfo);
  return JpegOutcome::kDecoded;
}

Result<ColourCheck> CheckJpeg(std::string_view bytes) {
  jpeg_decompress_struct cinfo{};
  JpegErrors errors{};
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = JpegErrorExit;
  errors.mgr.emit_message = JpegEmitMessage;
  ColourCheck check;
  Tally tally;
  const JpegOutcome outcome = DecodeJpeg(cinfo, errors, bytes, check, tally);
  jpeg_destroy_decompress(&cinfo);
  if (outcome == JpegOutcome::kTooLarge) return TooLarge(check.width, check.height);
  if (outcome == JpegOutcome::kFailed) return Undecodable("JPEG", errors.message);
  check.sampled_pixels = tally.sampled;
  check.coloured_pixels = tally.coloured;
  return check;
}

Result<ColourCheck> CheckPng(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) == 0) {
    const std::string message = image.message;
    png_image_free(&image);
    return Undecodable("PNG", message);
  }
  ColourCheck check;
  check.width = image.width;
  check.height = image.height;
  if (OverLimit(check.width, check.height)) {
    png_image_free(&image);
    return TooLarge(check.width, check.height);
  }
  check.greyscale_format = (image.format & PNG_FORMAT_FLAG_COLOR) == 0;
  image.format = PNG_FORMAT_RGBA;
  std::vector<uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0) {
    const std::string message = image.message;
    png_image_free(&image);
    return Undecodable("PNG", message);
  }
  Tally tally;
  for (size_t i = 0; i + 3 < pixels.size(); i += 4) {
    if (pixels[i + 3] > kTransparentAlpha) tally.Add(pixels[i], pixels[i + 1], pixels[i + 2]);
  }
  check.sampled_pixels = tally.sampled;
  check.coloured_pixels = tally.coloured;
  return check;
}

Result<ColourCheck> CheckWebp(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  WebPDecoderConfig config;
  if (WebPInitDecoderConfig(&config) == 0) return Error::Internal("libwebp version mismatch");
  if (WebPGetFeatures(data, bytes.size(), &config.input) != VP8_STATUS_OK) {
    return Undecodable("WebP", "no valid WebP header");
  }
  ColourCheck check;
  check.width = config.input.width;
  check.height = config.input.height;
  if (OverLimit(check.width, check.height)) return TooLarge(check.width, check.height);
  const int64_t edge = std::max(check.width, check.height);
  if (edge > kWebpSampleEdge) {
    config.options.use_scaling = 1;
    config.options.scaled_width =
        static_cast<int>(std::max<int64_t>(1, check.width * kWebpSampleEdge / edge));
    config.options.scaled_height =
        static_cast<int>(std::max<int64_t>(1, check.height * kWebpSampleEdge / edge));
  }
  config.output.colorspace = MODE_RGBA;
  const VP8StatusCode status = WebPDecode(data, bytes.size(), &config);
  if (status != VP8_STATUS_OK) {
    WebPFreeDecBuffer(&config.output);
    return Undecodable("WebP", status == VP8_STATUS_NOT_ENOUGH_DATA ? "the data is truncated"
                                                                    : "the data is damaged");
  }
  const WebPRGBABuffer& rgba = config.output.u.RGBA;
  Tally tally;
  for (int y = 0; y < config.output.height; ++y) {
    const uint8_t* p = rgba.rgba + static_cast<size_t>(y) * static_cast<size_t>(rgba.stride);
    for (int x = 0; x < config.output.width; ++x, p += 4) {
      if (p[3] > kTransparentAlpha) tally.Add(p[0], p[1], p[2]);
    }
  }
  WebPFreeDecBuffer(&config.output);
  check.sampled_pixels = tally.sampled;
  check.coloured_pixels = tally.coloured;
  return check;
}

Result<ColourCheck> Decode(std::string_view bytes, std::string_view media_type) {
  if (media_type == "image/jpeg") return CheckJpeg(bytes);
  if (media_type == "image/png") return CheckPng(bytes);
  if (media_type == "image/webp") return CheckWebp(bytes);
  return Error::InvalidArgument("photo", "the photo is not a JPEG, PNG or WebP image");
}

}  // namespace

Result<ColourCheck> CheckColour(std::string_view bytes, std::string_view media_type) {
  RECIRC_TRY(ColourCheck check, Decode(bytes, media_type));
  check.in_colour = !check.greyscale_format && check.sampled_pixels > 0 &&
                    check.coloured_pixels * 1000 >= check.sampled_pixels * kMinColourPerMille;
  return check;
}

}  // namespace recirc::registry
