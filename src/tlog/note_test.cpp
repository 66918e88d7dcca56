#include "tlog/note.hpp"

#include "tlog/hash.hpp"
#include "tlog/testdata_path.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace recirc::tlog {
namespace {

namespace json = boost::json;

struct Vector {
  std::string private_key, verifier_key, text, signed_note;
};

// testdata/note/peterneumann.json (Go's sumdb/note example). Fails the test if it is missing.
Vector LoadPeterNeumann() {
  std::filesystem::path path = TestdataDir() / "note" / "peterneumann.json";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing test vector " << path;
  if (!in.good()) return {};
  std::stringstream text;
  text << in.rdbuf();
  json::object o = json::parse(text.str()).as_object();
  return {json::value_to<std::string>(o.at("private_key")),
          json::value_to<std::string>(o.at("verifier_key")),
          json::value_to<std::string>(o.at("text")),
          json::value_to<std::string>(o.at("signed_note"))};
}

std::array<uint8_t, 32> Seed(uint8_t fill) {
  std::array<uint8_t, 32> seed;
  seed.fill(fill);
  return seed;
}

class NoteTest : public testing::Test {
 protected:
  void SetUp() override {
    v_ = LoadPeterNeumann();
    ASSERT_FALSE(v_.signed_note.empty());
    auto signer = Signer::FromPrivateKey(v_.private_key);
    ASSERT_TRUE(signer.has_value()) << signer.error().message;
    signer_.emplace(*signer);
    auto verifier = Verifier::FromKey(v_.verifier_key);
    ASSERT_TRUE(verifier.has_value()) << verifier.error().message;
    verifiers_.push_back(*verifier);
  }

  Result<OpenedNote> OpenNote(std::string_view note) { return Open(note, verifiers_); }

  Vector v_;
  std::optional<Signer> signer_;
  std::vector<Verifier> verifiers_;
};

TEST_F(NoteTest, PeterNeumannSignsByteForByte) {
  EXPECT_EQ(signer_->name(), "PeterNeumann");
  EXPECT_EQ(signer_->key_id(), 0xc74f20a3u);
  EXPECT_EQ(signer_->VerifierKey(), v_.verifier_key);
  EXPECT_EQ(signer_->PrivateKey(), v_.private_key);
  EXPECT_EQ(verifiers_[0].Key(), v_.verifier_key);
  auto note = Sign(v_.text, std::span(&*signer_, 1));
  ASSERT_TRUE(note.has_value()) << note.error().message;
  EXPECT_EQ(*note, v_.signed_note);
}

TEST_F(NoteTest, PeterNeumannOpens) {
  auto opened = OpenNote(v_.signed_note);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->text, v_.text);
  ASSERT_EQ(opened->verified.size(), 1u);
  EXPECT_EQ(opened->verified[0].name, "PeterNeumann");
  EXPECT_EQ(opened->verified[0].key_id, 0xc74f20a3u);
  EXPECT_TRUE(opened->unverified.empty());
}

TEST_F(NoteTest, TamperedNotesFail) {
  std::string text_changed = v_.signed_note;
  text_changed[3] = 'X';  // "If yXu think..."
  auto opened = OpenNote(text_changed);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnauthenticated);

  std::string signature_changed = v_.signed_note;
  std::size_t sig = signature_changed.rfind(' ') + 1;
  signature_changed[sig + 10] = signature_changed[sig + 10] == 'A' ? 'B' : 'A';
  opened = OpenNote(signature_changed);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnauthenticated);

  // Every single byte of the note matters: each change is malformed, unknown or a bad signature.
  for (std::size_t i = 0; i < v_.signed_note.size(); ++i) {
    std::string changed = v_.signed_note;
    changed[i] ^= 0x01;
    EXPECT_FALSE(OpenNote(changed).has_value()) << "byte " << i;
  }
}

TEST_F(NoteTest, UnknownKeysAreIgnoredButOneKnownKeyMustSign) {
  auto other = Signer::FromSeed("other.example/key", Seed(7));
  ASSERT_TRUE(other.has_value());
  auto both = Sign(v_.text, std::vector<Signer>{*other, *signer_});
  ASSERT_TRUE(both.has_value());
  auto opened = OpenNote(*both);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->verified.size(), 1u);
  ASSERT_EQ(opened->unverified.size(), 1u);
  EXPECT_EQ(opened->unverified[0].name, "other.example/key");

  auto only_other = Sign(v_.text, std::span(&*other, 1));
  ASSERT_TRUE(only_other.has_value());
  opened = OpenNote(*only_other);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnauthenticated);

  // Same name, other key: unknown, not a bad signature.
  auto impostor = Signer::FromSeed("PeterNeumann", Seed(8));
  ASSERT_TRUE(impostor.has_value());
  auto with_impostor = Sign(v_.text, std::vector<Signer>{*impostor, *signer_});
  ASSERT_TRUE(with_impostor.has_value());
  opened = OpenNote(*with_impostor);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->unverified.size(), 1u);
}

TEST_F(NoteTest, SignatureLineLimits) {
  std::string unknown_line = "— unknown.example/k AAAAAAAAAAAA\n";  // 9 bytes: id + 5
  std::string note = v_.signed_note;
  for (int i = 0; i < 15; ++i) note += unknown_line;  // 16 lines; repeats are dropped
  auto opened = OpenNote(note);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->unverified.size(), 1u);
  note = v_.signed_note;
  for (int i = 0; i < 99; ++i) note += unknown_line;  // 100 lines
  EXPECT_TRUE(OpenNote(note).has_value());
  note += unknown_line;  // 101
  opened = OpenNote(note);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(NoteTest, MalformedNotesAreRejected) {
  const std::string& good = v_.signed_note;
  std::size_t split = good.rfind("\n\n");
  std::string sig_line = good.substr(split + 2);
  const std::string kBad[] = {
      "",
      good.substr(0, good.size() - 1),  // no final newline
      v_.text + sig_line,               // no empty line
      v_.text + "\n",                   // no signatures
      v_.text + "\n- PeterNeumann " + sig_line.substr(sig_line.find(' ', 4) + 1),  // hyphen
      v_.text + "\n—PeterNeumann" + sig_line.substr(sig_line.find(' ', 4)),
      v_.text + "\n— Peter Neumann " + sig_line.substr(sig_line.find(' ', 4) + 1),
      v_.text + "\n— PeterNeumann\n",       // no signature
      v_.text + "\n— PeterNeumann AAAA\n",  // under 5 bytes
      v_.text + "\n— PeterNeumann not_base64!\n",
      "tab\there\n\n" + sig_line,  // control character
      "bad \xff utf-8\n\n" + sig_line,
      "carriage\r\n\n" + sig_line,
  };
  for (const std::string& note : kBad) {
    auto opened = OpenNote(note);
    ASSERT_FALSE(opened.has_value()) << note;
    EXPECT_EQ(opened.error().code, ErrorCode::kInvalidArgument) << note;
  }
}

TEST_F(NoteTest, TextMaySpanEmptyLines) {
  std::string text = "first\n\nthird, after an empty line\n";
  auto note = Sign(text, std::span(&*signer_, 1));
  ASSERT_TRUE(note.has_value());
  auto opened = OpenNote(*note);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  EXPECT_EQ(opened->text, text);
}

TEST_F(NoteTest, SignRejectsBadText) {
  std::span<const Signer> one(&*signer_, 1);
  const std::string_view kBad[] = {
      "",
      "no newline",
      "tab\t\n",
      "\xc0\xaf\n",          // overlong '/'
      "\xe0\x80\xaf\n",      // overlong, 3 bytes
      "\xed\xa0\x80\n",      // surrogate
      "\xf4\x90\x80\x80\n",  // above U+10FFFF
      "\xe4\xb8\n",          // cut short
  };
  for (std::string_view text : kBad) {
    auto note = Sign(text, one);
    ASSERT_FALSE(note.has_value()) << text;
    EXPECT_EQ(note.error().field, "text");
  }
  EXPECT_FALSE(Sign("fine\n", {}).has_value());
  for (std::string_view text : {"中文 text\n", "emoji \xF0\x9F\x98\x80\n", "del \x7f ok\n"}) {
    auto note = Sign(text, one);
    ASSERT_TRUE(note.has_value()) << text;
    auto opened = OpenNote(*note);
    ASSERT_TRUE(opened.has_value()) << text;
    EXPECT_EQ(opened->text, text);
  }
}

TEST(NoteKeys, KeyNamesFollowTheSpec) {
  EXPECT_TRUE(IsValidKeyName("recirc.example/log"));
  EXPECT_TRUE(IsValidKeyName("回收.example/日志"));
  for (std::string_view name : {"", "a b", "a+b", "a\tb",
                                "a\xC2\xA0"
                                "b" /* NBSP */,
                                "a\xE3\x80\x80"
                                "b" /* ideographic space */,
                                "a\xff"
                                "b"}) {
    EXPECT_FALSE(IsValidKeyName(name)) << name;
  }
}

TEST(NoteKeys, GeneratedKeysRoundTrip) {
  auto signer = Signer::FromSeed("recirc.example/log", Seed(42));
  ASSERT_TRUE(signer.has_value());
  auto again = Signer::FromPrivateKey(signer->PrivateKey());
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(again->VerifierKey(), signer->VerifierKey());
  EXPECT_TRUE(signer->PrivateKey().starts_with("PRIVATE+KEY+recirc.example/log+"));
  auto verifier = Verifier::FromKey(signer->VerifierKey());
  ASSERT_TRUE(verifier.has_value());
  EXPECT_EQ(verifier->key_id(), signer->key_id());
  EXPECT_EQ(verifier->Key(), signer->VerifierKey());
  auto note = Sign("hello\n", std::span(&*signer, 1));
  ASSERT_TRUE(note.has_value());
  EXPECT_TRUE(Open(*note, std::span(&*verifier, 1)).has_value());
  EXPECT_FALSE(Signer::FromSeed("has space", Seed(1)).has_value());
  EXPECT_FALSE(Signer::FromSeed("has+plus", Seed(1)).has_value());
  EXPECT_FALSE(Signer::FromSeed("", Seed(1)).has_value());
}

TEST(NoteKeys, BadKeyStringsAreRejected) {
  const std::string kGood = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  ASSERT_TRUE(Verifier::FromKey(kGood).has_value());
  const char* kBadVerifiers[] = {
      "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // wrong id
      "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // uppercase hex
      "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",   // 7 digits
      "PeterNeumanm+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // other name
      "PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // algorithm 2
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10Q=",  // 31 bytes
      "PeterNeumann+c74f20a3",
      "PeterNeumann",
      "",
  };
  for (const char* key : kBadVerifiers) EXPECT_FALSE(Verifier::FromKey(key).has_value()) << key;
  const char* kBadSigners[] = {
      "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",  // id
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",  // alg
      "PRIVATE+KEZ+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",  // a public key
  };
  for (const char* key : kBadSigners) EXPECT_FALSE(Signer::FromPrivateKey(key).has_value()) << key;
}

TEST(NoteKeys, KeyIdIsTheSpecHash) {
  // SHA-256("PeterNeumann" || 0x0A || 0x01 || public key)[:4], from the verifier key string.
  auto key = Base64Decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(KeyId("PeterNeumann", 0x01, std::span(*key).subspan(1)), 0xc74f20a3u);
  EXPECT_NE(KeyId("PeterNeumann", 0x04, std::span(*key).subspan(1)), 0xc74f20a3u);
}

}  // namespace
}  // namespace recirc::tlog
