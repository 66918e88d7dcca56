#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "storage/migrations.hpp"
#include "support/test_database.hpp"

namespace recirc::storage {
namespace {

using testing::BothDatabases;

class DatabaseTest : public BothDatabases {};

constexpr std::string_view kCreate =
    "CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT, amount DOUBLE PRECISION, data BYTEA)";

std::string CreateSql(Dialect d) {
  std::string sql(kCreate);
  if (d == Dialect::kSqlite) sql.replace(sql.find("BYTEA"), 5, "BLOB");
  return sql;
}

TEST_P(DatabaseTest, RoundTripsEveryValueType) {
  ASSERT_TRUE(db().Write([&](Session& s) { return s.ExecuteScript(CreateSql(s.dialect())); }));
  const std::string binary("\x00\x01\xff\x7f", 4);
  ASSERT_TRUE(db().Write([&](Session& s) -> Status {
    RECIRC_TRY(int64_t n,
               s.Execute("INSERT INTO t (id, name, amount, data) VALUES ($1, $2, $3, $4)",
                         {int64_t{1}, std::string("绿循环 'quoted'"), 2.5, Blob{binary}}));
    EXPECT_EQ(n, 1);
    RECIRC_TRY(n, s.Execute("INSERT INTO t (id, name) VALUES ($1, $2)", {int64_t{2}, nullptr}));
    return Ok();
  }));
  auto rows = ReadValue<Rows>(
      db(), [](Session& s) { return s.Query("SELECT id, name, amount, data FROM t ORDER BY id"); });
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  const Row& first = (*rows)[0];
  EXPECT_EQ(first.Int(0), 1);
  EXPECT_EQ(first.Text(1), "绿循环 'quoted'");
  EXPECT_DOUBLE_EQ(first.Double(2), 2.5);
  EXPECT_EQ(first.BlobBytes(3), binary);
  EXPECT_TRUE((*rows)[1].IsNull(1));
  EXPECT_FALSE((*rows)[1].OptText(1).has_value());
}

TEST_P(DatabaseTest, PlaceholdersMayRepeatAndComeInAnyOrder) {
  auto rows = ReadValue<Rows>(db(), [](Session& s) {
    return s.Query("SELECT CAST($2 AS TEXT) || CAST($1 AS TEXT) || CAST($2 AS TEXT)",
                   {std::string("a"), std::string("b")});
  });
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ((*rows)[0].Text(0), "bab");
}

TEST_P(DatabaseTest, FailedWriteLeavesNothingBehind) {
  ASSERT_TRUE(db().Write([&](Session& s) { return s.ExecuteScript(CreateSql(s.dialect())); }));
  Status st = db().Write([&](Session& s) -> Status {
    RECIRC_TRY(int64_t n, s.Execute("INSERT INTO t (id, name) VALUES ($1, $2)",
                                    {int64_t{1}, std::string("x")}));
    (void)n;
    return Error::InvalidArgument("name", "refused after the insert");
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().field, "name");
  auto count = ReadValue<int64_t>(db(), [](Session& s) -> Result<int64_t> {
    RECIRC_TRY(Row r, s.QueryOne("SELECT COUNT(*) FROM t", {}, "count"));
    return r.Int(0);
  });
  EXPECT_EQ(*count, 0);
}

TEST_P(DatabaseTest, UniqueViolationIsAlreadyExists) {
  ASSERT_TRUE(db().Write([&](Session& s) { return s.ExecuteScript(CreateSql(s.dialect())); }));
  auto insert = [&](int64_t id) {
    return db().Write([&](Session& s) -> Status {
      RECIRC_TRY(int64_t n, s.Execute("INSERT INTO t (id) VALUES ($1)", {id}));
      (void)n;
      return Ok();
    });
  };
  ASSERT_TRUE(insert(7));
  Status again = insert(7);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(DatabaseTest, ConcurrentWritesAllCommitAndOneFailureStaysAlone) {
  ASSERT_TRUE(db().Write([&](Session& s) { return s.ExecuteScript(CreateSql(s.dialect())); }));
  constexpr int kThreads = 8;
  constexpr int kPerThread = 40;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const int64_t id = t * 1000 + i;
        Status st = db().Write([&](Session& s) -> Status {
          RECIRC_TRY(int64_t n, s.Execute("INSERT INTO t (id) VALUES ($1)", {id}));
          (void)n;
          // Every 10th write of thread 0 fails after inserting: only it must roll back.
          if (t == 0 && i % 10 == 0) return Error::Conflict("deliberate");
          return Ok();
        });
        if (!st) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), kPerThread / 10);
  auto count = ReadValue<int64_t>(db(), [](Session& s) -> Result<int64_t> {
    RECIRC_TRY(Row r, s.QueryOne("SELECT COUNT(*) FROM t", {}, "count"));
    return r.Int(0);
  });
  EXPECT_EQ(*count, kThreads * kPerThread - kPerThread / 10);
}

TEST_P(DatabaseTest, MigrationsAreRecordedAndIdempotent) {
  SystemClock clock;
  auto again = Migrate(db(), clock);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->applied.empty()) << "the fixture already migrated";
  EXPECT_GE(again->version, 1);
  auto highest = ReadValue<int64_t>(db(), [](Session& s) -> Result<int64_t> {
    RECIRC_TRY(Row r, s.QueryOne("SELECT MAX(version) FROM schema_migrations", {}, "migrations"));
    return r.Int(0);
  });
  EXPECT_EQ(*highest, again->version);
}

TEST_P(DatabaseTest, EventsAreAppendOnly) {
  Status st = db().Write([](Session& s) -> Status {
    RECIRC_TRY(int64_t n,
               s.Execute("INSERT INTO events (id, occurred_at, type, aggregate_type, aggregate_id, "
                         "payload) VALUES ('E1', 1, 'x', 'y', 'z', '{}')"));
    (void)n;
    return Ok();
  });
  ASSERT_TRUE(st) << st.error().message;
  Status update = db().Write([](Session& s) -> Status {
    RECIRC_TRY(int64_t n, s.Execute("UPDATE events SET type = 'changed'"));
    (void)n;
    return Ok();
  });
  EXPECT_FALSE(update);
  Status remove = db().Write([](Session& s) -> Status {
    RECIRC_TRY(int64_t n, s.Execute("DELETE FROM events"));
    (void)n;
    return Ok();
  });
  EXPECT_FALSE(remove);
}

TEST(OpenDatabaseTest, RejectsUnknownSchemes) {
  auto db = OpenDatabase("mysql://localhost/x");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().field, "database");
}

// SQLite only: PostgreSQL has no secure_delete (freed tuples are the server's business) and its
// files are the server's, not ours.
TEST(SqliteFileTest, SecureDeleteIsOnAndTheFilesAreOwnerOnly) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("recirc-sqlite-file-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto db = OpenDatabase("sqlite://" + (dir / "t.db").string(), 2);
    ASSERT_TRUE(db) << db.error().message;
    ASSERT_TRUE((*db)->Write([](Session& s) { return s.ExecuteScript("CREATE TABLE t (x INT)"); }));
    for (int i = 0; i < 2; ++i) {
      auto rows = ReadValue<Rows>(**db, [](Session& s) { return s.Query("PRAGMA secure_delete"); });
      ASSERT_TRUE(rows) << rows.error().message;
      EXPECT_EQ((*rows)[0].Int(0), 1);
    }
    auto written =
        WriteValue<Rows>(**db, [](Session& s) { return s.Query("PRAGMA secure_delete"); });
    ASSERT_TRUE(written);
    EXPECT_EQ((*written)[0].Int(0), 1);
    for (const char* name : {"t.db", "t.db-wal", "t.db-shm"}) {
      struct stat st {};
      ASSERT_EQ(::stat((dir / name).c_str(), &st), 0) << name;
      EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
    }
  }
  std::filesystem::remove_all(dir);
}

// The writer does not checkpoint inside its commits (a thread of its own does), but checkpoints
// still happen: the log's pages reach the database file without anybody asking.
TEST(SqliteFileTest, TheLogIsCheckpointedIntoTheDatabaseFile) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("recirc-sqlite-checkpoint-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto db = OpenDatabase("sqlite://" + (dir / "t.db").string(), 1);
    ASSERT_TRUE(db) << db.error().message;
    ASSERT_TRUE(
        (*db)->Write([](Session& s) { return s.ExecuteScript("CREATE TABLE t (x BLOB)"); }));
    const auto before = std::filesystem::file_size(dir / "t.db");
    // About 1,500 pages of 4 KiB in one commit: over the 1,000-frame threshold.
    ASSERT_TRUE((*db)->Write([](Session& s) -> Status {
      for (int i = 0; i < 1500; ++i) {
        RECIRC_TRY(int64_t n, s.Execute("INSERT INTO t (x) VALUES ($1)",
                                        {Blob{std::string(4000, static_cast<char>(i))}}));
        (void)n;
      }
      return Ok();
    }));
    // The checkpoint runs on its own thread: wait for it (at most 30 s; it takes milliseconds).
    auto size = before;
    for (int i = 0; i < 3000 && size < before + 1500 * 4000; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      size = std::filesystem::file_size(dir / "t.db");
    }
    EXPECT_GE(size, before + 1500 * 4000) << "the log was copied into the database file";
  }
  std::filesystem::remove_all(dir);
}

RECIRC_BOTH_DATABASES(DatabaseTest);

}  // namespace
}  // namespace recirc::storage
