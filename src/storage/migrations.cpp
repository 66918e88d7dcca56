#include "storage/migrations.hpp"

#include <charconv>
#include <span>

#include "core/embedded_file.hpp"

namespace recirc::storage {

std::span<const EmbeddedFile> SqliteMigrations();
std::span<const EmbeddedFile> PostgresMigrations();

namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectApplied = "SELECT 1 FROM schema_migrations WHERE version = $1";
constexpr std::string_view kInsertVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";
// Any fixed key works; it only has to be the same on every node.
constexpr std::string_view kPostgresLock = "SELECT pg_advisory_xact_lock(7283001)";

int64_t VersionOf(std::string_view name) {
  int64_t version = 0;
  std::from_chars(name.data(), name.data() + name.size(), version);
  return version;
}

}  // namespace

Result<MigrationReport> Migrate(Database& db, const Clock& clock) {
  const auto files = db.dialect() == Dialect::kSqlite ? SqliteMigrations() : PostgresMigrations();
  MigrationReport report;
  for (const EmbeddedFile& file : files) {
    const int64_t version = VersionOf(file.name);
    if (version <= 0)
      return Error::Internal("migration without a number: " + std::string(file.name));
    bool applied = false;
    Status st = db.Write([&](Session& s) -> Status {
      if (s.dialect() == Dialect::kPostgres) {
        RECIRC_TRY(Rows locked, s.Query(kPostgresLock));
        (void)locked;
      }
      RECIRC_CHECK(s.ExecuteScript(kCreateTable));
      // Each version is looked up on its own, so a lower-numbered migration merged after a
      // higher one was applied still runs.
      RECIRC_TRY(auto applied_before, s.QueryOptional(kSelectApplied, {version}));
      if (applied_before) return Ok();
      RECIRC_CHECK(s.ExecuteScript(file.content));
      RECIRC_TRY(int64_t n, s.Execute(kInsertVersion, {version, std::string(file.name),
                                                       ToUnixMillis(clock.Now())}));
      (void)n;
      applied = true;
      return Ok();
    });
    if (!st) {
      return Error{st.error().code,
                   "migration " + std::string(file.name) + " failed: " + st.error().message,
                   {}};
    }
    if (applied) report.applied.emplace_back(file.name);
    report.version = version;
  }
  return report;
}

}  // namespace recirc::storage
