#include "storage/postgres/postgres_database.hpp"

#include <condition_variable>
#include <mutex>
#include <vector>

#include "storage/postgres/postgres_connection.hpp"

namespace recirc::storage {
namespace {

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::vector<std::unique_ptr<PostgresConnection>> pool)
      : pool_(std::move(pool)) {}

  Dialect dialect() const override { return Dialect::kPostgres; }

  Status Read(const SessionFn& fn) override {
    return WithConnection([&](PostgresConnection& conn) { return fn(conn); });
  }

  Status Write(const SessionFn& fn) override {
    bool appended = false;
    Status st = WithConnection([&](PostgresConnection& conn) -> Status {
      (void)conn.TakeJournalAppended();
      RECIRC_CHECK(conn.ExecuteScript("BEGIN"));
      Status result = fn(conn);
      if (!result) {
        RECIRC_IGNORE(conn.ExecuteScript("ROLLBACK"));
        return result;
      }
      RECIRC_CHECK(conn.ExecuteScript("COMMIT"));
      appended = conn.TakeJournalAppended();
      return Ok();
    });
    if (!st) return st;
    CountCommit();
    if (appended) NotifyListeners();
    return st;
  }

  void OnCommit(std::function<void()> listener) override {
    std::lock_guard lock(listeners_mutex_);
    listeners_.push_back(std::move(listener));
  }

  Status Ping() override {
    return Read([](Session& s) -> Status {
      RECIRC_TRY(Rows rows, s.Query("SELECT 1"));
      (void)rows;
      return Ok();
    });
  }

 private:
  template <class F>
  Status WithConnection(F&& fn) {
    std::unique_ptr<PostgresConnection> conn;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return !pool_.empty(); });
      conn = std::move(pool_.back());
      pool_.pop_back();
    }
    Status st = Ok();
    if (conn->IsBroken()) st = conn->Reset();
    if (st) st = fn(*conn);
    {
      std::lock_guard lock(mutex_);
      pool_.push_back(std::move(conn));
    }
    cv_.notify_one();
    return st;
  }

  void NotifyListeners() {
    std::lock_guard lock(listeners_mutex_);
    for (auto& l : listeners_) l();
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PostgresConnection>> pool_;  // GUARDED_BY(mutex_)

  std::mutex listeners_mutex_;
  std::vector<std::function<void()>> listeners_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& conninfo, int pool_size) {
  std::vector<std::unique_ptr<PostgresConnection>> pool;
  for (int i = 0; i < std::max(1, pool_size); ++i) {
    RECIRC_TRY(auto conn, PostgresConnection::Open(conninfo));
    pool.push_back(std::move(conn));
  }
  return std::unique_ptr<Database>(new PostgresDatabase(std::move(pool)));
}

}  // namespace recirc::storage
