#pragma once
// A fresh, migrated database for one test, on either backend.
//
// SQLite: a new file in a temporary directory. PostgreSQL: a new schema in the server named by
// RECIRC_TEST_POSTGRES (a libpq URI; the test command starts that server on loopback), dropped at
// the end. Without RECIRC_TEST_POSTGRES the PostgreSQL cases are skipped with a message, unless
// RECIRC_REQUIRE_POSTGRES=1 (set by the test command and CI), where they fail instead.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace recirc::testing {

enum class Backend { kSqlite, kPostgres };

std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

class TestDatabase {
 public:
  // Returns nullptr (and records a skip or failure) when the backend is not available.
  static std::unique_ptr<TestDatabase> Create(Backend backend, bool migrate = true);
  ~TestDatabase();
  storage::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  Backend backend() const { return backend_; }

 private:
  TestDatabase() = default;
  Backend backend_ = Backend::kSqlite;
  std::string url_;
  std::string cleanup_;  // directory to remove or schema to drop
  std::unique_ptr<storage::Database> db_;
};

// Fixture base for tests that run on both databases: TEST_P bodies use db().
class BothDatabases : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  storage::Database& db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }
  FakeClock clock_{FromUnixMillis(1'795'000'000'000)};
  std::unique_ptr<TestDatabase> test_db_;
};

#define RECIRC_BOTH_DATABASES(Fixture)                                               \
  INSTANTIATE_TEST_SUITE_P(Db, Fixture,                                              \
                           ::testing::Values(::recirc::testing::Backend::kSqlite,    \
                                             ::recirc::testing::Backend::kPostgres), \
                           ::recirc::testing::BackendName)

}  // namespace recirc::testing
