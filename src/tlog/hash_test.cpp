#include "tlog/hash.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace recirc::tlog {
namespace {

std::string DecodeToString(std::string_view text) {
  auto bytes = Base64Decode(text);
  EXPECT_TRUE(bytes.has_value()) << text;
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

TEST(Hash, EmptyRootIsSha256OfNothing) {
  Sha256 sha;
  EXPECT_EQ(EmptyRoot(), sha.Sum({}));
  EXPECT_EQ(Base64Encode(EmptyRoot()), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

TEST(Hash, LeafAndNodeHashesAreDomainSeparated) {
  Sha256 sha;
  // RFC 6962 hash of the empty leaf, also the root in the merkle vectors' size-1 happy path.
  EXPECT_EQ(Base64Encode(sha.LeafHash({})), "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");
  const uint8_t zero[1] = {0x00};
  EXPECT_EQ(sha.LeafHash(AsBytes("abc")), sha.Sum({zero, AsBytes("abc")}));
  Hash left = sha.LeafHash(AsBytes("l"));
  Hash right = sha.LeafHash(AsBytes("r"));
  const uint8_t one[1] = {0x01};
  EXPECT_EQ(sha.NodeHash(left, right), sha.Sum({one, left, right}));
  EXPECT_NE(sha.NodeHash(left, right), sha.NodeHash(right, left));
  // Parts are concatenated: how the input is split does not matter.
  EXPECT_EQ(sha.Sum({AsBytes("ab"), AsBytes("c")}), sha.Sum({AsBytes("abc")}));
}

TEST(Hash, HasherIsReusableAndMovable) {
  Sha256 sha;
  Hash first = sha.LeafHash(AsBytes("x"));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(sha.LeafHash(AsBytes("x")), first);
  Sha256 moved = std::move(sha);
  EXPECT_EQ(moved.LeafHash(AsBytes("x")), first);
}

TEST(Hash, FromBytesNeedsExactly32) {
  std::vector<uint8_t> bytes(32, 7);
  EXPECT_TRUE(HashFromBytes(bytes).has_value());
  for (std::size_t size : {0, 31, 33}) {
    auto hash = HashFromBytes(std::vector<uint8_t>(size, 7), "root");
    ASSERT_FALSE(hash.has_value());
    EXPECT_EQ(hash.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(hash.error().field, "root");
  }
  EXPECT_FALSE(HashFromBase64("V3JvbmdSb290").has_value());  // valid base64 of 9 bytes
}

TEST(Base64, Rfc4648Vectors) {
  const std::pair<std::string, std::string> kVectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : kVectors) {
    EXPECT_EQ(Base64Encode(AsBytes(plain)), encoded);
    EXPECT_EQ(DecodeToString(encoded), plain);
  }
}

TEST(Base64, AllByteValuesRoundTrip) {
  std::vector<uint8_t> bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<uint8_t>(i));
  for (std::size_t n = 0; n <= bytes.size(); n += 37) {
    std::span<const uint8_t> prefix(bytes.data(), n);
    auto decoded = Base64Decode(Base64Encode(prefix));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_TRUE(std::equal(decoded->begin(), decoded->end(), prefix.begin(), prefix.end()));
  }
}

TEST(Base64, DecodingIsStrict) {
  const char* kBad[] = {
      "Zg",        // no padding
      "Zg=",       // short padding
      "Zh==",      // non-zero bits before the padding
      "Zm9=",      // same, one padding character
      "Z===",      // too much padding
      "====",      //
      "Zg==Zg==",  // padding in the middle
      "Zm9v\n",    // whitespace
      " Zm9v",     //
      "Zm-_",      // URL alphabet
      "Zm9v=",     // stray padding
      "Zm\x80v",   // non-ASCII
  };
  for (const char* text : kBad) {
    auto decoded = Base64Decode(text, "sig");
    ASSERT_FALSE(decoded.has_value()) << text;
    EXPECT_EQ(decoded.error().field, "sig");
  }
}

}  // namespace
}  // namespace recirc::tlog
