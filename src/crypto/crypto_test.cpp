#include <gtest/gtest.h>

#include "crypto/password.hpp"
#include "crypto/secure_random.hpp"
#include "crypto/token.hpp"

namespace recirc::crypto {
namespace {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(PasswordCost::kMinimumForTests);
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(hasher.Verify(*hash, "correct horse battery"));
  EXPECT_FALSE(hasher.Verify(*hash, "correct horse batterY"));
  EXPECT_FALSE(hasher.Verify("not a hash", "correct horse battery"));
  auto again = hasher.Hash("correct horse battery");
  EXPECT_NE(*hash, *again) << "each hash has its own salt";
  EXPECT_TRUE(PasswordHasher(PasswordCost::kInteractive).NeedsRehash(*hash));
}

TEST(PasswordTest, PolicyNamesTheField) {
  auto r = CheckPasswordPolicy("short", "password");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "password");
  EXPECT_TRUE(CheckPasswordPolicy("long enough pass", "password"));
}

TEST(TokenTest, TokensAreRandomAndHashed) {
  SecureRandom random;
  const std::string a = NewToken(random);
  const std::string b = NewToken(random);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(HashToken(a).size(), 64u);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

}  // namespace
}  // namespace recirc::crypto
