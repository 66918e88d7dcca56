#include "storage/sqlite/sqlite_connection.hpp"

#include <charconv>

#include <fcntl.h>
#include <unistd.h>

namespace recirc::storage {

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 SqliteMode mode,
                                                                 bool synchronous_full) {
  // The file holds personal data: created owner-only here, before SQLite would create it with
  // 0644. SQLite gives the -wal and -shm files the database file's mode.
  if (path != ":memory:" && !path.empty()) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
  }
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error::Unavailable("cannot open SQLite database " + path + ": " + message);
  }
  auto conn = std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
  sqlite3_busy_timeout(db, 10'000);
  std::string pragmas =
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
      "PRAGMA cache_size=-32000;"
      // Deleted rows (erased personal data, expired sessions) are overwritten with zeros, not
      // left readable in free pages of the file.
      "PRAGMA secure_delete=ON;";
  pragmas += synchronous_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  if (mode == SqliteMode::kReadOnly) pragmas += "PRAGMA query_only=ON;";
  RECIRC_CHECK(conn->ExecuteScript(pragmas));
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, prepared] : statements_) sqlite3_finalize(prepared.stmt);
  sqlite3_close_v2(db_);
}

Error SqliteConnection::LastError(std::string_view doing) const {
  const int code = sqlite3_extended_errcode(db_);
  std::string message = std::string(doing) + ": " + sqlite3_errmsg(db_);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return Error::AlreadyExists(std::move(message));
  }
  if ((code & 0xff) == SQLITE_CONSTRAINT) return Error::FailedPrecondition(std::move(message));
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    return Error::Unavailable(std::move(message));
  }
  return Error::Internal(std::move(message));
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql, const Params& params) {
  std::string key(sql);
  auto it = statements_.find(key);
  if (it != statements_.end()) {
    sqlite3_reset(it->second.stmt);
    sqlite3_clear_bindings(it->second.stmt);
  } else {
    Prepared p;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &p.stmt, nullptr) != SQLITE_OK) {
      return LastError("prepare");
    }
    // Placeholders are PostgreSQL-style $1..$N; SQLite treats "$1" as a named parameter and
    // numbers them in order of appearance. The mapping is found once per statement (a lookup by
    // name per bound value was quadratic in the parameters of a many-row insert).
    const int count = sqlite3_bind_parameter_count(p.stmt);
    for (int index = 1; index <= count; ++index) {
      const char* name = sqlite3_bind_parameter_name(p.stmt, index);
      if (name == nullptr || name[0] != '$') continue;
      const std::string_view digits(name + 1);
      int n = 0;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
      if (ec != std::errc() || end != digits.data() + digits.size() || n < 1) continue;
      if (p.slots.size() < static_cast<size_t>(n)) p.slots.resize(static_cast<size_t>(n), 0);
      p.slots[static_cast<size_t>(n - 1)] = index;
    }
    it = statements_.emplace(std::move(key), std::move(p)).first;
  }
  sqlite3_stmt* stmt = it->second.stmt;
  const std::vector<int>& slots = it->second.slots;
  if (sqlite3_bind_parameter_count(stmt) > static_cast<int>(params.size())) {
    return Error::Internal("statement has more placeholders than parameters");
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int index = i < slots.size() ? slots[i] : 0;
    if (index == 0) continue;
    const Value& v = params[i];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (auto* n = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, index, *n);
    } else if (auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (auto* b = std::get_if<Blob>(&v)) {
      rc = sqlite3_bind_blob64(stmt, index, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) return LastError("bind");
  }
  return stmt;
}

Result<Rows> SqliteConnection::Query(std::string_view sql, const Params& params) {
  RECIRC_TRY(sqlite3_stmt * stmt, Prepare(sql, params));
  Rows rows;
  const int columns = sqlite3_column_count(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      Error e = LastError("query");
      sqlite3_reset(stmt);
      return e;
    }
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          values.emplace_back(int64_t{sqlite3_column_int64(stmt, c)});
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_TEXT:
          values.emplace_back(
              std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                          static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          break;
        case SQLITE_BLOB: {
          const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          values.emplace_back(
              Blob{std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c)))});
          break;
        }
        default:
          values.emplace_back(nullptr);
          break;
      }
    }
    rows.emplace_back(std::move(values));
  }
  sqlite3_reset(stmt);
  return rows;
}

Result<int64_t> SqliteConnection::Execute(std::string_view sql, const Params& params) {
  RECIRC_TRY(Rows ignored, Query(sql, params));
  (void)ignored;
  return int64_t{sqlite3_changes64(db_)};
}

Status SqliteConnection::Run(std::string_view sql) {
  RECIRC_TRY(int64_t changed, Execute(sql, {}));
  (void)changed;
  return Ok();
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error e = LastError("script");
    sqlite3_free(message);
    return e;
  }
  return Ok();
}

void SqliteConnection::HandOffCheckpoints(std::function<void(int frames)> on_commit) {
  on_commit_ = std::move(on_commit);
  // A WAL hook of our own replaces the automatic checkpoint (which is itself a WAL hook).
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3*, const char*, int frames) {
        static_cast<SqliteConnection*>(self)->on_commit_(frames);
        return SQLITE_OK;
      },
      this);
}

Status SqliteConnection::CheckpointPassive() {
  if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) !=
      SQLITE_OK) {
    return LastError("checkpoint");
  }
  return Ok();
}

}  // namespace recirc::storage
