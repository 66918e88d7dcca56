#include "tlog/checkpoint.hpp"

#include <gtest/gtest.h>

#include <array>

namespace recirc::tlog {
namespace {

// The example body of the C2SP tlog-checkpoint spec.
constexpr std::string_view kSpecBody =
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

Checkpoint SpecCheckpoint() {
  return {"example.com/behind-the-sofa",
          20852163,
          *HashFromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="),
          {}};
}

TEST(Checkpoint, FormatsAndParsesTheSpecExample) {
  auto body = FormatCheckpoint(SpecCheckpoint());
  ASSERT_TRUE(body.has_value());
  EXPECT_EQ(*body, kSpecBody);
  auto parsed = ParseCheckpoint(kSpecBody);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  EXPECT_EQ(*parsed, SpecCheckpoint());
}

TEST(Checkpoint, RoundTripsEdgesAndExtensions) {
  Checkpoint empty{"recirc.example/log", 0, EmptyRoot(), {}};
  Checkpoint largest{"recirc.example/log", UINT64_MAX, EmptyRoot(), {"ext one", "ext—two"}};
  for (const Checkpoint& checkpoint : {empty, largest}) {
    auto body = FormatCheckpoint(checkpoint);
    ASSERT_TRUE(body.has_value());
    auto parsed = ParseCheckpoint(*body);
    ASSERT_TRUE(parsed.has_value()) << *body << parsed.error().message;
    EXPECT_EQ(*parsed, checkpoint);
  }
  EXPECT_EQ(*FormatCheckpoint(empty),
            "recirc.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
}

TEST(Checkpoint, ParseRejectsMalformedBodies) {
  const std::string kRoot = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
  const std::pair<std::string, std::string> kBad[] = {
      {"o\n01\n" + kRoot + "\n", "size"},  // leading zero
      {"o\n00\n" + kRoot + "\n", "size"},
      {"o\n+1\n" + kRoot + "\n", "size"},
      {"o\n-1\n" + kRoot + "\n", "size"},
      {"o\n 1\n" + kRoot + "\n", "size"},
      {"o\n1 \n" + kRoot + "\n", "size"},
      {"o\n0x10\n" + kRoot + "\n", "size"},
      {"o\n\n" + kRoot + "\n", "size"},
      {"o\n18446744073709551616\n" + kRoot + "\n", "size"},              // 2^64
      {"o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", "root"},   // no padding
      {"o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", "root"},  // non-zero pad bits
      {"o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n", "root"},  // 31 bytes
      {"o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n", "root"},  // URL alphabet
      {"o\n1\n" + kRoot + " \n", "root"},
      {"\n1\n" + kRoot + "\n", "origin"},  // empty origin
      {"o\n1\n" + kRoot, "checkpoint"},    // no final newline
      {"o\n1\n", "checkpoint"},            // two lines
      {"", "checkpoint"},
      {"o\n1\n" + kRoot + "\n\n", "checkpoint"},  // empty extension line
      {"o\n1\n" + kRoot + "\next\n\nmore\n", "checkpoint"},
      {"o\x01\n1\n" + kRoot + "\n", "checkpoint"},  // control character
      {"o\xff\n1\n" + kRoot + "\n", "checkpoint"},  // invalid UTF-8
  };
  for (const auto& [body, field] : kBad) {
    auto parsed = ParseCheckpoint(body);
    ASSERT_FALSE(parsed.has_value()) << body;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().field, field) << body << ": " << parsed.error().message;
  }
}

TEST(Checkpoint, FormatRejectsWhatCannotBeSigned) {
  for (std::string origin : {"", "has space", "has+plus", "new\nline"}) {
    auto body = FormatCheckpoint({origin, 1, EmptyRoot(), {}});
    ASSERT_FALSE(body.has_value()) << origin;
    EXPECT_EQ(body.error().field, "origin");
  }
  for (std::string extension : {"", "two\nlines", "tab\t"}) {
    auto body = FormatCheckpoint({"recirc.example/log", 1, EmptyRoot(), {extension}});
    ASSERT_FALSE(body.has_value()) << extension;
    EXPECT_EQ(body.error().field, "extensions");
  }
}

TEST(Checkpoint, OpensOnlyWithTheLogKeyNamedLikeTheOrigin) {
  std::array<uint8_t, 32> seed;
  seed.fill(3);
  auto log = Signer::FromSeed("recirc.example/log", seed);
  seed.fill(4);
  auto other = Signer::FromSeed("other.example/log", seed);
  ASSERT_TRUE(log.has_value() && other.has_value());
  Checkpoint checkpoint{"recirc.example/log", 5, EmptyRoot(), {}};
  auto note = Sign(*FormatCheckpoint(checkpoint), std::span(&*log, 1));
  ASSERT_TRUE(note.has_value());

  auto opened = OpenCheckpoint(*note, log->ToVerifier());
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(*opened, checkpoint);

  auto by_other = OpenCheckpoint(*note, other->ToVerifier());
  ASSERT_FALSE(by_other.has_value());
  EXPECT_EQ(by_other.error().code, ErrorCode::kUnauthenticated);

  // Signed by the right key, but the body names another log.
  checkpoint.origin = "other.example/log";
  auto mislabeled = Sign(*FormatCheckpoint(checkpoint), std::span(&*log, 1));
  ASSERT_TRUE(mislabeled.has_value());
  auto wrong_origin = OpenCheckpoint(*mislabeled, log->ToVerifier());
  ASSERT_FALSE(wrong_origin.has_value());
  EXPECT_EQ(wrong_origin.error().field, "origin");
}

}  // namespace
}  // namespace recirc::tlog
