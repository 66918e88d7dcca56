#pragma once
// One SQLite connection with a cache of prepared statements, exposed as a Session.
// Not thread-safe: the SQLite database hands each connection to one thread at a time.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>

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

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const Params& params);
  Error LastError(std::string_view doing) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace recirc::storage
