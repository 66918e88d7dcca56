// `recirc keys init` / `keys show`: key files are private, never overwritten, and usable.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "app/keys.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/secure_random.hpp"
#include "tlog/cosignature.hpp"

namespace recirc::app {
namespace {

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(KeysTest, InitCreatesPrivateFilesOnceAndTheyLoad) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("recirc_keys_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  crypto::SecureRandom random;
  auto first = InitKeys(dir, "recirc.test/log", random);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->created.size(), 4u) << "log, witness, data and index keys";
  for (const char* file : {"log.key", "data.key", "index.key"}) {
    struct stat st {};
    ASSERT_EQ(::stat((dir / "keys" / file).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << file;
  }
  const std::string data_key = Slurp(dir / "keys" / "data.key");
  auto second = InitKeys(dir, "recirc.test/log", random);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->created.empty());
  EXPECT_EQ(Slurp(dir / "keys" / "data.key"), data_key) << "never overwritten";

  auto vkey = LogVerifierKey(dir);
  ASSERT_TRUE(vkey) << vkey.error().message;
  EXPECT_TRUE(vkey->starts_with("recirc.test/log+"));
  auto witness = WitnessVerifierKey(dir);
  ASSERT_TRUE(witness) << witness.error().message;
  EXPECT_TRUE(witness->starts_with("recirc.example/witness+"));
  EXPECT_TRUE(tlog::CosignatureVerifier::FromKey(*witness)) << *witness;
  auto cipher = crypto::FieldCipher::FromKeyFile(data_key);
  ASSERT_TRUE(cipher) << cipher.error().message;
  EXPECT_EQ(cipher->current_key_id(), "k1");
  std::filesystem::remove_all(dir);
}

TEST(KeysTest, ShowWithoutKeysSaysWhatToRun) {
  auto vkey = LogVerifierKey("/nonexistent/recirc");
  ASSERT_FALSE(vkey);
  EXPECT_NE(vkey.error().message.find("recirc keys init"), std::string::npos);
}

TEST(KeysTest, RotateAddsACurrentKeyAndKeepsTheOldOnes) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("recirc_rotate_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  crypto::SecureRandom random;
  ASSERT_TRUE(InitKeys(dir, "recirc.test/log", random));
  auto before = crypto::FieldCipher::FromKeyFile(Slurp(dir / "keys" / "data.key"));
  ASSERT_TRUE(before);
  auto sealed = before->Encrypt("张三丰", "party.name:P1", random);
  auto id = RotateDataKey(dir, random);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(*id, "k2");
  EXPECT_EQ(*RotateDataKey(dir, random), "k3");
  auto after = crypto::FieldCipher::FromKeyFile(Slurp(dir / "keys" / "data.key"));
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(after->current_key_id(), "k3");
  EXPECT_EQ(*after->Decrypt(*sealed, "party.name:P1"), "张三丰") << "old keys stay";
  struct stat st {};
  ASSERT_EQ(::stat((dir / "keys" / "data.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(RotateDataKey(dir / "nowhere", random));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace recirc::app
