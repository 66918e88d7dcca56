// CheckColour on images made here with the same libraries: colour, greyscale, RGB-but-grey,
// damaged, truncated, and images whose header claims too many pixels.
#include "domain/registry/photo_colour.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include "support/test_images.hpp"

namespace recirc::registry {
namespace {

using testing::ColourPicture;
using testing::EncodeJpeg;
using testing::EncodePng;
using testing::EncodeWebp;
using testing::GreyPicture;
using testing::MostlyGreyPicture;

constexpr int kWidth = 96;
constexpr int kHeight = 64;

void ExpectInColour(const std::string& bytes, std::string_view type, bool expected) {
  auto check = CheckColour(bytes, type);
  ASSERT_TRUE(check) << type << ": " << check.error().message;
  EXPECT_EQ(check->in_colour, expected)
      << type << ": " << check->coloured_pixels << " of " << check->sampled_pixels << " coloured";
  EXPECT_EQ(check->width, kWidth);
  EXPECT_EQ(check->height, kHeight);
  EXPECT_GT(check->sampled_pixels, 0);
}

void ExpectRefused(const std::string& bytes, std::string_view type, std::string_view words) {
  auto check = CheckColour(bytes, type);
  ASSERT_FALSE(check) << type << " accepted";
  EXPECT_EQ(check.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(check.error().field, "photo");
  EXPECT_NE(check.error().message.find(words), std::string::npos) << check.error().message;
}

TEST(PhotoColourTest, AColourImageIsInColourInEveryFormat) {
  const auto picture = ColourPicture(kWidth, kHeight);
  ExpectInColour(EncodeJpeg(picture), "image/jpeg", true);
  ExpectInColour(EncodePng(picture), "image/png", true);
  ExpectInColour(EncodeWebp(picture), "image/webp", true);
  ExpectInColour(EncodeWebp(picture, true), "image/webp", true);
}

TEST(PhotoColourTest, AGreyscaleFileIsNotInColour) {
  const auto picture = ColourPicture(kWidth, kHeight);  // the colour is dropped when encoding
  auto jpeg = CheckColour(EncodeJpeg(picture, true), "image/jpeg");
  ASSERT_TRUE(jpeg) << jpeg.error().message;
  EXPECT_TRUE(jpeg->greyscale_format);
  EXPECT_FALSE(jpeg->in_colour);
  auto png = CheckColour(EncodePng(picture, true), "image/png");
  ASSERT_TRUE(png) << png.error().message;
  EXPECT_TRUE(png->greyscale_format);
  EXPECT_FALSE(png->in_colour);
}

TEST(PhotoColourTest, ABlackAndWhiteImageSavedAsRgbIsNotInColour) {
  for (int noise : {0, 6}) {
    SCOPED_TRACE(noise);
    const auto picture = GreyPicture(kWidth, kHeight, noise);
    ExpectInColour(EncodeJpeg(picture), "image/jpeg", false);
    ExpectInColour(EncodeJpeg(picture, false, 50), "image/jpeg", false);
    ExpectInColour(EncodePng(picture), "image/png", false);
    ExpectInColour(EncodeWebp(picture), "image/webp", false);
    ExpectInColour(EncodeWebp(picture, true), "image/webp", false);
  }
  auto png = CheckColour(EncodePng(GreyPicture(kWidth, kHeight)), "image/png");
  ASSERT_TRUE(png);
  EXPECT_FALSE(png->greyscale_format) << "an RGB file; its pixels decide";
}

TEST(PhotoColourTest, ADarkObjectOnAGreyDeskWithSomeColourIsInColour) {
  // 4 of 64 rows in colour: 6 % of the pixels, above the 1 % share.
  const auto phone = MostlyGreyPicture(kWidth, kHeight, 4);
  ExpectInColour(EncodeJpeg(phone), "image/jpeg", true);
  ExpectInColour(EncodePng(phone), "image/png", true);
  ExpectInColour(EncodeWebp(phone), "image/webp", true);
  // Without the coloured edge it is grey.
  ExpectInColour(EncodePng(MostlyGreyPicture(kWidth, kHeight, 0)), "image/png", false);
  ExpectInColour(EncodeJpeg(MostlyGreyPicture(kWidth, kHeight, 0)), "image/jpeg", false);
}

TEST(PhotoColourTest, DamagedAndTruncatedBytesAreRefusedNamingThePhoto) {
  const auto picture = ColourPicture(kWidth, kHeight);
  const std::string jpeg = EncodeJpeg(picture);
  const std::string png = EncodePng(picture);
  const std::string webp = EncodeWebp(picture);
  ExpectRefused(std::string("\xFF\xD8\xFF\xE0", 4) + "jfif", "image/jpeg", "JPEG");
  ExpectRefused(jpeg.substr(0, jpeg.size() / 2), "image/jpeg", "JPEG");
  ExpectRefused(std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR-bag", "image/png", "PNG");
  ExpectRefused(png.substr(0, png.size() / 2), "image/png", "PNG");
  ExpectRefused(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "image/webp", "WebP");
  ExpectRefused(webp.substr(0, webp.size() / 2), "image/webp", "WebP");
  std::string damaged = png;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x5A);
  ExpectRefused(damaged, "image/png", "PNG");
  ExpectRefused(png, "image/gif", "JPEG, PNG or WebP");
}

TEST(PhotoColourTest, AHeaderClaimingTooManyPixelsIsRefusedBeforeDecoding) {
  const auto picture = ColourPicture(kWidth, kHeight);
  // JPEG: the SOF0 segment holds height and width (16 bits each) after its length and precision.
  std::string jpeg = EncodeJpeg(picture);
  const size_t sof = jpeg.find("\xFF\xC0");
  ASSERT_NE(sof, std::string::npos);
  // 60000 x 60000 (libjpeg itself stops at 65500 on either edge).
  jpeg.replace(sof + 5, 4, std::string("\xEA\x60\xEA\x60", 4));
  ExpectRefused(jpeg, "image/jpeg", "60000 x 60000 pixels");

  // PNG: IHDR's width and height, then its CRC recomputed so that only the size is wrong.
  std::string png = EncodePng(picture);
  const size_t ihdr = png.find("IHDR");
  ASSERT_NE(ihdr, std::string::npos);
  const std::string size("\x00\x01\x86\xA0\x00\x01\x86\xA0", 8);  // 100000 x 100000
  png.replace(ihdr + 4, 8, size);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + ihdr), 17);
  for (int i = 0; i < 4; ++i) png[ihdr + 17 + i] = static_cast<char>((crc >> (24 - 8 * i)) & 0xFF);
  ExpectRefused(png, "image/png", "100000 x 100000 pixels");

  // WebP lossless: 14 bits each of width - 1 and height - 1 after the VP8L signature byte.
  std::string webp = EncodeWebp(picture, true);
  const size_t vp8l = webp.find("VP8L");
  ASSERT_NE(vp8l, std::string::npos);
  const size_t bits = vp8l + 9;
  uint32_t header = 0;
  for (int i = 0; i < 4; ++i) header |= uint32_t{static_cast<uint8_t>(webp[bits + i])} << (8 * i);
  header |= 0x0FFFFFFFu;
  for (int i = 0; i < 4; ++i) webp[bits + i] = static_cast<char>((header >> (8 * i)) & 0xFF);
  ExpectRefused(webp, "image/webp", "16384 x 16384 pixels");
}

TEST(PhotoColourTest, ACmykJpegIsConvertedBeforeItIsJudged) {
  ExpectInColour(testing::EncodeJpegCmyk(ColourPicture(kWidth, kHeight)), "image/jpeg", true);
  ExpectInColour(testing::EncodeJpegCmyk(GreyPicture(kWidth, kHeight)), "image/jpeg", false);
}

TEST(PhotoColourTest, TheTestHelpersColourPngIsInColour) {
  auto check = CheckColour(testing::ColourPng(), "image/png");
  ASSERT_TRUE(check) << check.error().message;
  EXPECT_TRUE(check->in_colour);
}

}  // namespace
}  // namespace recirc::registry
