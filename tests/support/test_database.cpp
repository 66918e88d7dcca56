#include "support/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "storage/migrations.hpp"

namespace recirc::testing {
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}

std::string WithSearchPath(const std::string& url, const std::string& schema) {
  const char sep = url.find('?') == std::string::npos ? '?' : '&';
  return url + sep + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

std::unique_ptr<TestDatabase> TestDatabase::Create(Backend backend, bool migrate) {
  auto out = std::unique_ptr<TestDatabase>(new TestDatabase());
  out->backend_ = backend;
  if (backend == Backend::kSqlite) {
    const auto dir = std::filesystem::temp_directory_path() / ("recirc_test_" + UniqueSuffix());
    std::filesystem::create_directories(dir);
    out->cleanup_ = dir.string();
    out->url_ = "sqlite://" + (dir / "test.db").string();
  } else {
    const char* base = std::getenv("RECIRC_TEST_POSTGRES");
    if (base == nullptr || *base == '\0') {
      const char* require = std::getenv("RECIRC_REQUIRE_POSTGRES");
      if (require != nullptr && std::string(require) == "1") {
        ADD_FAILURE() << "RECIRC_TEST_POSTGRES is not set but RECIRC_REQUIRE_POSTGRES=1";
      } else {
        GTEST_MESSAGE_("PostgreSQL not configured: set RECIRC_TEST_POSTGRES (scripts/test.sh does)",
                       ::testing::TestPartResult::kSkip);
      }
      return nullptr;
    }
    const std::string schema = "t_" + UniqueSuffix();
    auto admin = storage::OpenDatabase(base, 1);
    if (!admin) {
      ADD_FAILURE() << "cannot reach the test PostgreSQL: " << admin.error().message;
      return nullptr;
    }
    auto created = (*admin)->Write(
        [&](storage::Session& s) { return s.ExecuteScript("CREATE SCHEMA " + schema); });
    if (!created) {
      ADD_FAILURE() << created.error().message;
      return nullptr;
    }
    out->cleanup_ = schema;
    out->url_ = WithSearchPath(base, schema);
  }
  auto db = storage::OpenDatabase(out->url_, 4);
  if (!db) {
    ADD_FAILURE() << "cannot open " << out->url_ << ": " << db.error().message;
    return nullptr;
  }
  out->db_ = std::move(*db);
  if (migrate) {
    SystemClock clock;
    auto migrated = storage::Migrate(*out->db_, clock);
    if (!migrated) {
      ADD_FAILURE() << "migration failed: " << migrated.error().message;
      return nullptr;
    }
  }
  return out;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (backend_ == Backend::kSqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(cleanup_, ignored);
  } else if (!cleanup_.empty()) {
    if (auto admin = storage::OpenDatabase(std::getenv("RECIRC_TEST_POSTGRES"), 1)) {
      RECIRC_IGNORE((*admin)->Write([&](storage::Session& s) {
        return s.ExecuteScript("DROP SCHEMA " + cleanup_ + " CASCADE");
      }));
    }
  }
}

void BothDatabases::SetUp() {
  test_db_ = TestDatabase::Create(GetParam());
  if (!test_db_) GTEST_SKIP() << "database unavailable (see message above)";
}

}  // namespace recirc::testing
