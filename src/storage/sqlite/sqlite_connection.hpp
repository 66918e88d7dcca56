#pragma once
// One SQLite connection with a cache of prepared statements, exposed as a Session.
// Not thread-safe: the SQLite database hands each connection to one thread at a time.

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

enum class SqliteMode { kReadWrite, kReadOnly };

class SqliteConnection final : public Session {
 public:
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, SqliteMode mode,
                                                        bool synchronous_full);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<Rows> Query(std::string_view sql, const Params& params) override;
  Result<int64_t> Execute(std::string_view sql, const Params& params) override;
  Status ExecuteScript(std::string_view sql) override;
  // One statement without parameters (BEGIN, COMMIT, SAVEPOINT ...), kept prepared like queries
  // instead of parsed on every call as ExecuteScript does.
  Status Run(std::string_view sql);

  // Write-ahead-log upkeep, for the database's writer and its checkpointer. After this call the
  // connection no longer checkpoints inside its own commits (SQLite's automatic checkpoint runs
  // in the committing call, on the writer's thread); instead `on_commit` is told the log's length
  // in frames after each commit, so another connection can checkpoint.
  void HandOffCheckpoints(std::function<void(int frames)> on_commit);
  // Copies what it can of the log into the database file (SQLITE_CHECKPOINT_PASSIVE: never waits
  // for the writer or the readers).
  Status CheckpointPassive();

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  // A prepared statement and, for each parameter $1..$N, the index SQLite gave it (0: unused).
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> slots;
  };
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const Params& params);
  Error LastError(std::string_view doing) const;

  sqlite3* db_;
  std::unordered_map<std::string, Prepared> statements_;
  std::function<void(int)> on_commit_;
};

}  // namespace recirc::storage
