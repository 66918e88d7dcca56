// `recirc keys init` / `keys show`: key files are private, never overwritten, and usable.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "app/application.hpp"
#include "app/keys.hpp"
#include "app/seed.hpp"
#include "crypto/field_cipher.hpp"
#include "crypto/secure_random.hpp"
#include "domain/registry/personal_data.hpp"
#include "storage/history/tlog_repository.hpp"
#include "support/test_database.hpp"
#include "tlog/checkpoint.hpp"
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

// Keys belong to the database (docs/security.md): a database that holds checkpoints or encrypted
// fields starts only with the key files that made them; keys are created only for an empty one.
class NodeKeysTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override {
    test_db_ = testing::TestDatabase::Create(GetParam(), /*migrate=*/false);
    if (!test_db_) GTEST_SKIP() << "database unavailable";
    root_ = std::filesystem::temp_directory_path() /
            ("recirc_node_keys_" + std::to_string(::getpid()) + "_" +
             std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::remove_all(root_);
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  storage::Database& db() { return test_db_->db(); }

  Result<std::unique_ptr<Application>> Start(const std::string& data_dir) {
    Config config;
    config.data_dir = root_ / data_dir;
    config.password_cost = crypto::PasswordCost::kMinimumForTests;
    config.access_log = false;
    config.web_root = std::filesystem::path();
    return Application::Create(config, db(), clock_, random_);
  }
  // Seeds registrations (encrypted personal data) and publishes them in checkpoints.
  void Seed(Application& app) {
    auto seeded =
        SeedRegistrations(app.directory(), app.registration(), app.police(), db(), 3, random_);
    ASSERT_TRUE(seeded) << seeded.error().message;
    ASSERT_TRUE(app.RunJournalOnce());
  }
  // Everything a start could write: the key record, checkpoints, events, migrations.
  std::string State() {
    auto state =
        storage::ReadValue<std::string>(db(), [](storage::Session& s) -> Result<std::string> {
          std::string out;
          for (const char* sql :
               {"SELECT kind || ' ' || key_id || ' ' || fingerprint FROM node_keys ORDER BY 1",
                "SELECT CAST(COUNT(*) AS TEXT) FROM tlog_checkpoints",
                "SELECT CAST(COUNT(*) AS TEXT) FROM events",
                "SELECT CAST(COUNT(*) AS TEXT) FROM schema_migrations"}) {
            RECIRC_TRY(auto rows, s.Query(sql));
            for (const auto& r : rows) out += r.Text(0) + "\n";
          }
          return out;
        });
    EXPECT_TRUE(state) << state.error().message;
    return state ? *state : "";
  }
  int64_t Count(const std::string& sql) {
    auto n = storage::ReadValue<int64_t>(db(), [&](storage::Session& s) -> Result<int64_t> {
      RECIRC_TRY(auto r, s.QueryOne(sql, {}, "count"));
      return r.Int(0);
    });
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  }
  void ExpectRefusedWith(const std::string& data_dir, const std::vector<std::string>& keys) {
    const std::string before = State();
    auto refused = Start(data_dir);
    ASSERT_FALSE(refused) << "started with the keys of " << data_dir;
    const std::string& message = refused.error().message;
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition) << message;
    for (const auto& key : keys) EXPECT_NE(message.find(key), std::string::npos) << message;
    EXPECT_NE(message.find((root_ / data_dir / "keys").string()), std::string::npos)
        << "names the folder it looked in: " << message;
    EXPECT_EQ(State(), before) << "a refused start writes nothing to the database";
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::filesystem::path root_;
  SystemClock clock_;
  crypto::SecureRandom random_;
};

TEST_P(NodeKeysTest, AnEmptyDatabaseWithAnEmptyDataDirCreatesAndRecordsKeys) {
  auto app = Start("a");
  ASSERT_TRUE(app) << app.error().message;
  for (const char* file : {"log.key", "data.key", "index.key", "witness.key"}) {
    EXPECT_TRUE(std::filesystem::exists(root_ / "a" / "keys" / file)) << file;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM node_keys WHERE kind = 'log'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM node_keys WHERE kind = 'data' AND key_id = 'k1'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM node_keys WHERE kind = 'index'"), 1);
}

TEST_P(NodeKeysTest, ADatabaseStartsOnlyWithTheKeysThatMadeIt) {
  {
    auto app = Start("a");
    ASSERT_TRUE(app) << app.error().message;
    Seed(**app);
  }
  // Another, empty data dir: refused, naming every key and the folder; no key is created there.
  ExpectRefusedWith("b", {"log key", "field cipher key", "index key", "does not exist"});
  EXPECT_FALSE(std::filesystem::exists(root_ / "b" / "keys" / "log.key"));
  EXPECT_FALSE(std::filesystem::exists(root_ / "b" / "keys" / "data.key"));
  // A data dir with keys of its own (`recirc keys init` in the wrong folder): refused too.
  ASSERT_TRUE(InitKeys(root_ / "c", "recirc.example/log", random_));
  ExpectRefusedWith("c", {"log key", "field cipher key k1", "index key"});

  auto again = Start("a");
  ASSERT_TRUE(again) << again.error().message;
  auto latest = storage::ReadValue<std::optional<storage::TlogCheckpointRecord>>(
      db(), [](storage::Session& s) { return storage::TlogRepository().LatestCheckpoint(s); });
  ASSERT_TRUE(latest && *latest);
  EXPECT_GT((*latest)->size, 0);
  auto log_key = tlog::Verifier::FromKey(*LogVerifierKey(root_ / "a"));
  ASSERT_TRUE(log_key);
  EXPECT_TRUE(tlog::OpenCheckpoint((*latest)->note, *log_key)) << "the stored checkpoints' key";
  EXPECT_EQ(*(*again)->personal_data().Remaining(), 0);
}

TEST_P(NodeKeysTest, ARotatedDataKeyIsRecordedAndAnUnusedOldOneMayGo) {
  {
    auto app = Start("a");
    ASSERT_TRUE(app) << app.error().message;
    Seed(**app);
    ASSERT_TRUE(RotateDataKey(root_ / "a", random_));
  }
  const auto data_key = root_ / "a" / "keys" / "data.key";
  const std::string both = Slurp(data_key);
  {
    auto app = Start("a");
    ASSERT_TRUE(app) << app.error().message;
    EXPECT_EQ(Count("SELECT COUNT(*) FROM node_keys WHERE kind = 'data'"), 2);
    // k1 still encrypts the seeded data: without it the node refuses.
    std::ofstream(data_key, std::ios::trunc) << both.substr(both.find("k2:"));
    ExpectRefusedWith("a", {"field cipher key k1"});
    std::ofstream(data_key, std::ios::trunc) << both;
    ASSERT_TRUE((*app)->personal_data().Reencrypt());
  }
  std::ofstream(data_key, std::ios::trunc) << both.substr(both.find("k2:"));
  auto app = Start("a");
  ASSERT_TRUE(app) << "no value is under k1 any more: " << app.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM node_keys WHERE kind = 'data'"), 1);
}

// A database made before the key record: its keys are checked against what it holds.
TEST_P(NodeKeysTest, ADatabaseWithoutARecordIsCheckedAgainstItsData) {
  {
    auto app = Start("a");
    ASSERT_TRUE(app) << app.error().message;
    Seed(**app);
  }
  ASSERT_TRUE(db().Write([](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t n, s.Execute("DELETE FROM node_keys"));
    (void)n;
    return Ok();
  }));
  ExpectRefusedWith("b", {"log key", "field cipher key", "index key"});
  ASSERT_TRUE(InitKeys(root_ / "c", "recirc.example/log", random_));
  ExpectRefusedWith("c", {"log key", "field cipher key k1"});
  auto app = Start("a");
  ASSERT_TRUE(app) << app.error().message;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM node_keys"), 3) << "recorded now";
}

INSTANTIATE_TEST_SUITE_P(Db, NodeKeysTest,
                         ::testing::Values(testing::Backend::kSqlite, testing::Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace recirc::app
