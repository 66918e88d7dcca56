#include <gtest/gtest.h>

#include "crypto/field_cipher.hpp"
#include "crypto/secure_random.hpp"

namespace recirc::crypto {
namespace {

std::string Key(char fill) { return std::string(32, fill); }

TEST(FieldCipherTest, RoundTripsAndHidesThePlaintext) {
  SecureRandom random;
  auto cipher = FieldCipher::Create({{"k1", Key('a')}}, "k1");
  ASSERT_TRUE(cipher);
  auto stored = cipher->Encrypt("110105194912310025", "party.id_number:P1", random);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->starts_with("v1:k1:"));
  EXPECT_EQ(stored->find("110105"), std::string::npos);
  EXPECT_NE(*stored, *cipher->Encrypt("110105194912310025", "party.id_number:P1", random))
      << "a fresh nonce each time";
  EXPECT_EQ(*cipher->Decrypt(*stored, "party.id_number:P1"), "110105194912310025");
}

TEST(FieldCipherTest, AlteredOrMovedValuesDoNotDecrypt) {
  SecureRandom random;
  auto cipher = FieldCipher::Create({{"k1", Key('a')}}, "k1");
  std::string stored = *cipher->Encrypt("张三", "party.name:P1", random);
  EXPECT_FALSE(cipher->Decrypt(stored, "party.name:P2")) << "bound to its row";
  std::string altered = stored;
  altered[altered.size() - 3] = altered[altered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(cipher->Decrypt(altered, "party.name:P1"));
  EXPECT_FALSE(cipher->Decrypt("plain text", "party.name:P1"));
}

TEST(FieldCipherTest, RotationKeepsOldValuesReadable) {
  SecureRandom random;
  auto old_only = FieldCipher::FromKeyFile("k1:" + std::string(64, '1') + "\n");
  ASSERT_TRUE(old_only) << old_only.error().message;
  std::string old_value = *old_only->Encrypt("13800138000", "party.phone:P1", random);
  auto rotated = FieldCipher::FromKeyFile("k1:" + std::string(64, '1') +
                                          "\nk2:" + std::string(64, '2') + "\n");
  ASSERT_TRUE(rotated);
  EXPECT_EQ(rotated->current_key_id(), "k2");
  EXPECT_EQ(*rotated->Decrypt(old_value, "party.phone:P1"), "13800138000");
  std::string new_value = *rotated->Encrypt("13800138000", "party.phone:P1", random);
  EXPECT_EQ(FieldCipher::KeyIdOf(new_value), "k2");
  EXPECT_FALSE(old_only->Decrypt(new_value, "party.phone:P1")) << "k2 is not loaded there";
  EXPECT_FALSE(FieldCipher::FromKeyFile("k1:abc\n"));
  EXPECT_FALSE(FieldCipher::FromKeyFile(""));
}

TEST(FieldCipherTest, FingerprintsTellKeysApartWithoutShowingThem) {
  auto a = FieldCipher::FromKeyFile("k1:" + std::string(64, '1') + "\nk2:" + std::string(64, '2'));
  auto b = FieldCipher::FromKeyFile("k1:" + std::string(64, '3'));
  ASSERT_TRUE(a && b);
  const auto fa = a->Fingerprints();
  ASSERT_EQ(fa.size(), 2u);
  EXPECT_EQ(fa.at("k1").size(), 32u);
  EXPECT_NE(fa.at("k1"), fa.at("k2"));
  EXPECT_NE(fa.at("k1"), b->Fingerprints().at("k1")) << "same id, another key";
  EXPECT_EQ(fa.at("k1"),
            FieldCipher::FromKeyFile("k1:" + std::string(64, '1'))->Fingerprints().at("k1"));
  auto index = BlindIndex::Create(Key('k'));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->Fingerprint(), BlindIndex::Create(Key('k'))->Fingerprint());
  EXPECT_NE(index->Fingerprint(), BlindIndex::Create(Key('j'))->Fingerprint());
}

TEST(BlindIndexTest, EqualValuesMatchAndKindsAreSeparate) {
  auto index = BlindIndex::Create(Key('k'));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->Of("id_number", "110105194912310025"),
            index->Of("id_number", "110105194912310025"));
  EXPECT_NE(index->Of("id_number", "110105194912310025"),
            index->Of("id_number", "110105194912310026"));
  EXPECT_NE(index->Of("phone", "13800138000"), index->Of("id_number", "13800138000"));
  auto other = BlindIndex::Create(Key('j'));
  EXPECT_NE(index->Of("phone", "13800138000"), other->Of("phone", "13800138000")) << "keyed";
  EXPECT_EQ(index->Of("phone", "x").size(), 64u);
  EXPECT_FALSE(BlindIndex::Create("short"));
}

TEST(BlindIndexTest, DerivedIndexesAreStableAndApart) {
  auto index = BlindIndex::Create(Key('k'));
  ASSERT_TRUE(index);
  const BlindIndex a = index->Derive("idempotency.request");
  EXPECT_EQ(a.Of("body", "x"), index->Derive("idempotency.request").Of("body", "x"));
  EXPECT_NE(a.Of("body", "x"), index->Of("body", "x"));
  EXPECT_NE(a.Of("body", "x"), index->Derive("other").Of("body", "x"));
}

}  // namespace
}  // namespace recirc::crypto
