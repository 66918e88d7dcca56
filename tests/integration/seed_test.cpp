// `recirc seed`: synthetic registrations go through the real registration path, in batches of
// 500 per transaction (RegistrationService::RegisterBatch), on both databases.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "app/commands.hpp"
#include "app/seed.hpp"
#include "domain/registry/police.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

class SeedTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
  }
  int64_t Count(const std::string& sql) {
    auto n =
        storage::ReadValue<int64_t>(server_->db(), [&](storage::Session& s) -> Result<int64_t> {
          RECIRC_TRY(auto r, s.QueryOne(sql, {}, "count"));
          return r.Int(0);
        });
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(SeedTest, RegistersSyntheticItemsAndTheirAlerts) {
  SeededRandom random(5);
  // 1,030 items: two full batches of 500 and a last, partial one.
  constexpr int64_t kItems = 1030;
  auto report = app::SeedRegistrations(server_->app().directory(), server_->app().registration(),
                                       server_->app().police(), server_->db(), kItems, random);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->registered, kItems);
  EXPECT_GE(report->held, report->watchlisted) << "every stolen item is held";
  EXPECT_GT(report->watchlisted, 0) << "the seed includes stolen items";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM acquisitions"), kItems);
  auto alerts = server_->app().police().ListAlerts(identity::Principal::System(), std::nullopt);
  ASSERT_TRUE(alerts);
  EXPECT_EQ(static_cast<int64_t>(alerts->size()), report->held);

  // The same rows as a registration one by one: an encrypted seller with blind indexes, an item
  // with its IMEI, a statutory hold and a public event per registration.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM parties WHERE id_number_index IS NOT NULL AND "
                  "phone_index IS NOT NULL AND name_enc NOT LIKE '%合成%'"),
            kItems);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM acquisitions WHERE origin_statement_enc NOT LIKE '%合成%'"),
            kItems);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM item_identifiers WHERE kind = 'imei'"), kItems);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM holds WHERE kind = 'statutory'"), kItems);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM holds WHERE kind = 'screening'"), report->held);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM events WHERE type = 'item.acquired'"), kItems);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM events WHERE type = 'alert.raised'"), report->held);
  // Numbers per outlet are sequential without gaps across batches.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM (SELECT outlet_id FROM acquisitions GROUP BY outlet_id "
                  "HAVING MAX(number) <> COUNT(*) OR MIN(number) <> 1) gaps"),
            0);
}

// `recirc seed` run from one folder and then from another (the data dir defaults to a relative
// "var") on the same database: the second refuses, naming the keys and the folder it looked in,
// instead of making new keys that did not sign the checkpoints and cannot open the personal data.
TEST_P(SeedTest, ASecondDataDirOnTheSameDatabaseIsRefused) {
  auto shared = TestDatabase::Create(GetParam());
  ASSERT_TRUE(shared);
  const auto root =
      std::filesystem::temp_directory_path() / ("recirc_seed_dirs_" + std::to_string(::getpid()));
  std::filesystem::remove_all(root);
  app::Config config;
  config.database_url = shared->url();
  config.password_cost = crypto::PasswordCost::kMinimumForTests;
  config.data_dir = root / "a";
  std::ostringstream first;
  ASSERT_EQ(app::RunSeed(config, 2, first), 0) << first.str();

  const auto counts = [&] {
    auto n = storage::ReadValue<std::string>(
        shared->db(), [](storage::Session& s) -> Result<std::string> {
          RECIRC_TRY(auto r,
                     s.QueryOne("SELECT (SELECT COUNT(*) FROM node_keys) || ' ' || (SELECT "
                                "COUNT(*) FROM tlog_checkpoints) || ' ' || (SELECT COUNT(*) "
                                "FROM events)",
                                {}, "counts"));
          return r.Text(0);
        });
    return n ? *n : n.error().message;
  };
  const std::string before = counts();
  config.data_dir = root / "b";
  std::ostringstream second;
  EXPECT_NE(app::RunSeed(config, 2, second), 0) << second.str();
  for (const std::string& key : std::vector<std::string>{"log key", "field cipher key", "index key",
                                                         (root / "b" / "keys").string()}) {
    EXPECT_NE(second.str().find(key), std::string::npos) << second.str();
  }
  EXPECT_EQ(counts(), before) << "the refused start wrote nothing";
  EXPECT_FALSE(std::filesystem::exists(root / "b" / "keys")) << "and made no keys";

  config.data_dir = root / "a";
  std::ostringstream third;
  EXPECT_EQ(app::RunSeed(config, 2, third), 0) << third.str();
  std::filesystem::remove_all(root);
}

INSTANTIATE_TEST_SUITE_P(Db, SeedTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

unsigned ModeOf(const std::filesystem::path& p) {
  struct stat st {};
  if (::stat(p.c_str(), &st) != 0) return 01000;  // "missing", never a valid mode
  return st.st_mode & 0777;
}

// `recirc seed` into a fresh data folder (SQLite, the default): the folder, the database file
// and the search index are owner-only even under a permissive umask such as 022. PostgreSQL's
// files are its server's; the data folder's other contents are the same on both.
TEST(DataFilesTest, SeedCreatesOwnerOnlyFolderAndFiles) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("recirc_modes_" + std::to_string(::getpid())) / "data";
  std::filesystem::remove_all(dir.parent_path());
  const mode_t old = ::umask(022);
  app::Config config;
  config.data_dir = dir;
  std::ostringstream out;
  const int rc = app::RunSeed(config, 1, out);
  ::umask(old);
  ASSERT_EQ(rc, 0) << out.str();
  EXPECT_EQ(ModeOf(dir.parent_path()), 0700u);
  EXPECT_EQ(ModeOf(dir), 0700u);
  EXPECT_EQ(ModeOf(dir / "recirc.db"), 0600u);
  EXPECT_EQ(ModeOf(dir / "search"), 0700u);
  EXPECT_EQ(ModeOf(dir / "keys"), 0700u);
  std::filesystem::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace recirc::testing
