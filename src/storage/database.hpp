#pragma once
// The one small database interface behind which SQLite and PostgreSQL sit.
//
// SQL is written once with PostgreSQL's numbered placeholders ($1, $2 …); the SQLite driver binds
// them by name, so most statements are portable. Where the dialects differ, a repository keeps both
// texts side by side and picks one with Session::dialect().
//
// Types on the wire between code and database are few on purpose: integers (also booleans 0/1 and
// times as Unix milliseconds), doubles, text (ids in Crockford base32, JSON documents) and blobs.
//
// Threading: Database is thread-safe. A Session is handed to one callback on one thread and must
// not escape it. Write callbacks must not call Database::Write or Read themselves (the SQLite
// writer is a single thread; nesting would deadlock) — use the Session you are given.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace recirc::storage {

enum class Dialect { kSqlite, kPostgres };

struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

// One result row. Accessors convert where it is lossless (an integer column read as text) and
// otherwise return the type's zero; callers read the columns their own SQL selected.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const;
  int64_t Int(size_t i) const;
  double Double(size_t i) const;
  std::string Text(size_t i) const;
  std::optional<std::string> OptText(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const;
  std::string BlobBytes(size_t i) const;
  const Value& at(size_t i) const { return values_.at(i); }

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

class Session {
 public:
  virtual ~Session() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement and returns its rows (empty for statements without results).
  virtual Result<Rows> Query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<int64_t> Execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual Status ExecuteScript(std::string_view sql) = 0;

  // Convenience: the first row, or NotFound with `what` in the message.
  Result<Row> QueryOne(std::string_view sql, const Params& params, std::string_view what);
  Result<std::optional<Row>> QueryOptional(std::string_view sql, const Params& params);

  // Set by JournalRepository::Append. The database reads and clears it around each write
  // transaction and tells its commit listeners only about commits that appended journal rows
  // (so a consumer's own cursor write does not wake it again, and a rolled-back append wakes
  // nobody).
  void NoteJournalAppend() { journal_appended_ = true; }
  bool TakeJournalAppended() { return std::exchange(journal_appended_, false); }

 private:
  bool journal_appended_ = false;
};

using SessionFn = std::function<Status(Session&)>;

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs `fn` on a reader. Blocking; call it off the network threads.
  virtual Status Read(const SessionFn& fn) = 0;
  // Runs `fn` inside a write transaction and returns once it is durable. If `fn` returns an error,
  // everything it wrote is rolled back and that error is returned.
  virtual Status Write(const SessionFn& fn) = 0;
  // Called after each commit that appended journal events (used to wake consumers); never
  // after a commit that only wrote other rows.
  virtual void OnCommit(std::function<void()> listener) = 0;
  // Cheap liveness probe for /readyz.
  virtual Status Ping() = 0;

  // Write transactions committed since the database was opened (one per SQLite group commit,
  // one per PostgreSQL Write), for /metrics and the idle test.
  int64_t committed_writes() const { return committed_writes_.load(std::memory_order_relaxed); }

 protected:
  void CountCommit() { committed_writes_.fetch_add(1, std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> committed_writes_{0};
};

// Opens "sqlite:///absolute/path.db", "sqlite://relative.db" or "postgresql://..." (any libpq
// connection URI). `pool_size` bounds the PostgreSQL pool and the SQLite reader count.
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, int pool_size = 8);

// Typed helpers so callers can return a value from a read or a write.
template <class T, class F>
Result<T> ReadValue(Database& db, F&& fn) {
  std::optional<T> out;
  Status st = db.Read([&](Session& s) -> Status {
    Result<T> r = fn(s);
    if (!r) return r.error();
    out.emplace(std::move(*r));
    return Ok();
  });
  if (!st) return st.error();
  return std::move(*out);
}

template <class T, class F>
Result<T> WriteValue(Database& db, F&& fn) {
  std::optional<T> out;
  Status st = db.Write([&](Session& s) -> Status {
    Result<T> r = fn(s);
    if (!r) return r.error();
    out.emplace(std::move(*r));
    return Ok();
  });
  if (!st) return st.error();
  return std::move(*out);
}

}  // namespace recirc::storage
