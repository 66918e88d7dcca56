// tlog-cosignature v1. No cosignature vectors exist in src/tlog/testdata (and the C2SP example's
// witness key is not published), so the byte-exact case below was computed independently with
// Python's `cryptography` Ed25519 from the same seed, name, timestamp and checkpoint body; the
// rest are sign→verify round trips and tamper cases.
#include <gtest/gtest.h>

#include "tlog/checkpoint.hpp"
#include "tlog/cosignature.hpp"
#include "tlog/hash.hpp"

namespace recirc::tlog {
namespace {

constexpr std::string_view kBody =
    "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
constexpr std::string_view kPrivate =
    "PRIVATE+KEY+witness.example/w1+3218362d+AQABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f";
constexpr std::string_view kVerifierKey =
    "witness.example/w1+e75f6532+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";
constexpr std::string_view kLine =
    "\xE2\x80\x94 witness.example/w1 "
    "519lMgAAAABlU/EAEIjhLnL6i22xiHzP3Di14SFl2d034jCH6G3KxDQbrC1jPI3HMU33jTHL7lh171gnJ75A3NeO7YPW"
    "3H1ZrzZBCQ==\n";
constexpr uint64_t kTime = 1700000000;

CosignatureSigner Witness() { return CosignatureSigner(*Signer::FromPrivateKey(kPrivate)); }

TEST(CosignatureTest, SignsByteForByteAsAnIndependentEd25519) {
  const auto w = Witness();
  EXPECT_EQ(w.VerifierKey(), kVerifierKey);
  EXPECT_EQ(KeyIdHex(w.key_id()), "e75f6532") << "type 0x04 key id, not the note key's 3218362d";
  EXPECT_EQ(w.SignLine(kBody, kTime), kLine);
  EXPECT_EQ(CosignedMessage(kBody, kTime),
            "cosignature/v1\ntime 1700000000\n" + std::string(kBody));
}

TEST(CosignatureTest, VerifierKeyRoundTripsAndRejectsOtherTypes) {
  auto v = CosignatureVerifier::FromKey(kVerifierKey);
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(v->Key(), kVerifierKey);
  EXPECT_EQ(v->name(), "witness.example/w1");
  // The same Ed25519 key as a note (type 0x01) key is not a cosignature key.
  const auto note_key = Signer::FromPrivateKey(kPrivate)->VerifierKey();
  EXPECT_FALSE(CosignatureVerifier::FromKey(note_key));
  EXPECT_FALSE(
      CosignatureVerifier::FromKey("witness.example/w1+e75f6533+BAOhB7/zzhC+HXDdGOdLwJln5"
                                   "NYwm6UNXx3chmQSVTG4"))
      << "wrong key id";
  EXPECT_FALSE(CosignatureVerifier::FromKey("nokey"));
  EXPECT_FALSE(
      CosignatureVerifier::FromKey("a b+e75f6532+BAOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQ"
                                   "SVTG4"));
}

// A checkpoint signed by the log, then cosigned: Open with the log key sees the cosignature as
// an unverified signature, and CheckCosignature finds and checks it.
struct Cosigned {
  Signer log = *Signer::FromSeed("log.example/a", std::array<uint8_t, 32>{7});
  std::string note;
};

Cosigned MakeCosigned(const CosignatureSigner& w, uint64_t time) {
  Cosigned c;
  Checkpoint cp{"log.example/a", 5, Hash{1, 2, 3}, {}};
  auto body = *FormatCheckpoint(cp);
  c.note = *Sign(body, std::span(&c.log, 1)) + w.SignLine(body, time);
  return c;
}

TEST(CosignatureTest, RoundTripOnASignedCheckpoint) {
  const auto w = Witness();
  auto c = MakeCosigned(w, kTime);
  const auto log_key = c.log.ToVerifier();
  auto opened = Open(c.note, std::span(&log_key, 1));
  ASSERT_TRUE(opened) << opened.error().message;
  auto checked = CheckCosignature(w.ToVerifier(), *opened);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->timestamp, kTime);
  EXPECT_EQ(checked->name, "witness.example/w1");
  EXPECT_TRUE(OpenCheckpoint(c.note, log_key)) << "a cosignature does not disturb the log's";
}

TEST(CosignatureTest, EveryTamperFails) {
  const auto w = Witness();
  const auto v = w.ToVerifier();
  auto c = MakeCosigned(w, kTime);
  const auto log_key = c.log.ToVerifier();
  auto opened = *Open(c.note, std::span(&log_key, 1));
  const auto good = opened.unverified.at(0).base64;
  auto bytes = *Base64Decode(good);
  ASSERT_EQ(bytes.size(), kCosignatureSize);
  // Every byte of timestamp and signature (the key id is checked separately below).
  for (size_t i = 4; i < bytes.size(); ++i) {
    auto changed = bytes;
    changed[i] ^= 0x01;
    EXPECT_FALSE(v.Verify(opened.text, changed)) << "byte " << i;
  }
  auto wrong_id = bytes;
  wrong_id[0] ^= 0x01;
  EXPECT_EQ(v.Verify(opened.text, wrong_id).error().code, ErrorCode::kInvalidArgument);
  EXPECT_FALSE(v.Verify(opened.text, std::span(bytes).first(70)));
  // Another checkpoint body.
  std::string other = opened.text;
  other[other.size() - 3] ^= 0x01;
  EXPECT_EQ(v.Verify(other, bytes).error().code, ErrorCode::kUnauthenticated);
  // Another witness of the same name has another key id: not found, not accepted.
  auto other_witness =
      CosignatureSigner(*Signer::FromSeed("witness.example/w1", std::array<uint8_t, 32>{9}));
  EXPECT_EQ(CheckCosignature(other_witness.ToVerifier(), opened).error().code,
            ErrorCode::kNotFound);
  // A forged line with the right key id but a bad signature is refused.
  auto forged = opened;
  auto forged_bytes = bytes;
  forged_bytes.back() ^= 0x80;
  forged.unverified.at(0).base64 = Base64Encode(forged_bytes);
  EXPECT_EQ(CheckCosignature(v, forged).error().code, ErrorCode::kUnauthenticated);
}

}  // namespace
}  // namespace recirc::tlog
