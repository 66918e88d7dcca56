#include "storage/sqlite/sqlite_database.hpp"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/sqlite/sqlite_connection.hpp"

namespace recirc::storage {
namespace {

constexpr size_t kMaxGroup = 512;
// SQLite's own automatic checkpoint threshold, in log frames (pages).
constexpr int kCheckpointFrames = 1000;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::unique_ptr<SqliteConnection> writer,
                 std::unique_ptr<SqliteConnection> checkpointer,
                 std::vector<std::unique_ptr<SqliteConnection>> readers)
      : writer_conn_(std::move(writer)),
        checkpointer_conn_(std::move(checkpointer)),
        readers_(std::move(readers)) {
    // Checkpoints (copying the log into the database file, with an fsync) run on a thread of
    // their own, so the writer goes on committing meanwhile (docs/performance.md).
    writer_conn_->HandOffCheckpoints([this](int frames) {
      if (frames < kCheckpointFrames) return;
      {
        std::lock_guard lock(checkpoint_mutex_);
        checkpoint_wanted_ = true;
      }
      checkpoint_cv_.notify_one();
    });
    writer_thread_ = std::thread([this] { WriterLoop(); });
    checkpoint_thread_ = std::thread([this] { CheckpointLoop(); });
  }

  ~SqliteDatabase() override {
    {
      std::lock_guard lock(queue_mutex_);
      stopping_ = true;
    }
    queue_cv_.notify_all();
    writer_thread_.join();
    {
      std::lock_guard lock(checkpoint_mutex_);
      checkpoint_stopping_ = true;
    }
    checkpoint_cv_.notify_all();
    checkpoint_thread_.join();
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Read(const SessionFn& fn) override {
    std::unique_ptr<SqliteConnection> conn;
    {
      std::unique_lock lock(readers_mutex_);
      readers_cv_.wait(lock, [&] { return !readers_.empty(); });
      conn = std::move(readers_.back());
      readers_.pop_back();
    }
    // One read transaction gives the callback a consistent snapshot across its statements.
    Status st = conn->Run("BEGIN");
    if (st) {
      st = fn(*conn);
      Status end = conn->Run(st ? "COMMIT" : "ROLLBACK");
      if (st && !end) st = end;
    }
    {
      std::lock_guard lock(readers_mutex_);
      readers_.push_back(std::move(conn));
    }
    readers_cv_.notify_one();
    return st;
  }

  Status Write(const SessionFn& fn) override {
    Job job{&fn, {}};
    std::future<Status> done = job.promise.get_future();
    {
      std::lock_guard lock(queue_mutex_);
      queue_.push_back(&job);
    }
    queue_cv_.notify_one();
    return done.get();
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
  struct Job {
    const SessionFn* fn;
    std::promise<Status> promise;
  };

  void WriterLoop() {
    std::vector<Job*> group;
    for (;;) {
      {
        std::unique_lock lock(queue_mutex_);
        queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) return;
        while (!queue_.empty() && group.size() < kMaxGroup) {
          group.push_back(queue_.front());
          queue_.pop_front();
        }
      }
      RunGroup(group);
      group.clear();
    }
  }

  void RunGroup(const std::vector<Job*>& group) {
    SqliteConnection& conn = *writer_conn_;
    std::vector<Status> results(group.size());
    Status begin = conn.Run("BEGIN IMMEDIATE");
    if (!begin) {
      for (Job* job : group) job->promise.set_value(begin.error());
      return;
    }
    bool appended = false;  // by a job that kept its writes
    // Each job in a savepoint of its own, so one job's failure undoes only its writes. Run (not
    // ExecuteScript) keeps the statements prepared instead of parsing them per job.
    for (size_t i = 0; i < group.size(); ++i) {
      RECIRC_IGNORE(conn.Run("SAVEPOINT job"));
      results[i] = (*group[i]->fn)(conn);
      const bool job_appended = conn.TakeJournalAppended();
      if (!results[i]) {
        RECIRC_IGNORE(conn.Run("ROLLBACK TO job"));
      } else {
        appended = appended || job_appended;
      }
      RECIRC_IGNORE(conn.Run("RELEASE job"));
    }
    Status commit = conn.Run("COMMIT");
    if (!commit) {
      RECIRC_IGNORE(conn.Run("ROLLBACK"));
      for (Job* job : group) job->promise.set_value(commit.error());
      return;
    }
    CountCommit();
    if (appended) NotifyListeners();
    for (size_t i = 0; i < group.size(); ++i) group[i]->promise.set_value(std::move(results[i]));
  }

  void CheckpointLoop() {
    for (;;) {
      {
        std::unique_lock lock(checkpoint_mutex_);
        checkpoint_cv_.wait(lock, [&] { return checkpoint_stopping_ || checkpoint_wanted_; });
        if (checkpoint_stopping_) return;
        checkpoint_wanted_ = false;
      }
      // A failed checkpoint loses nothing (the log keeps every frame); the next one retries.
      RECIRC_IGNORE(checkpointer_conn_->CheckpointPassive());
    }
  }

  void NotifyListeners() {
    std::lock_guard lock(listeners_mutex_);
    for (auto& l : listeners_) l();
  }

  std::unique_ptr<SqliteConnection> writer_conn_;        // used only by writer_thread_
  std::unique_ptr<SqliteConnection> checkpointer_conn_;  // used only by checkpoint_thread_

  std::mutex readers_mutex_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;  // GUARDED_BY(readers_mutex_)

  std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::deque<Job*> queue_;  // GUARDED_BY(queue_mutex_)
  bool stopping_ = false;   // GUARDED_BY(queue_mutex_)

  std::mutex listeners_mutex_;
  std::vector<std::function<void()>> listeners_;

  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false;    // GUARDED_BY(checkpoint_mutex_)
  bool checkpoint_stopping_ = false;  // GUARDED_BY(checkpoint_mutex_)

  std::thread writer_thread_;
  std::thread checkpoint_thread_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& location, int readers) {
  std::string path = location;
  bool synchronous_full = false;
  if (auto q = path.find('?'); q != std::string::npos) {
    const std::string options = path.substr(q + 1);
    path.resize(q);
    if (options == "synchronous=full") {
      synchronous_full = true;
    } else if (options != "synchronous=normal") {
      return Error::InvalidArgument("database", "unknown SQLite option: " + options);
    }
  }
  RECIRC_TRY(auto writer, SqliteConnection::Open(path, SqliteMode::kReadWrite, synchronous_full));
  RECIRC_TRY(auto checkpointer,
             SqliteConnection::Open(path, SqliteMode::kReadWrite, synchronous_full));
  std::vector<std::unique_ptr<SqliteConnection>> pool;
  for (int i = 0; i < std::max(1, readers); ++i) {
    RECIRC_TRY(auto reader, SqliteConnection::Open(path, SqliteMode::kReadOnly, synchronous_full));
    pool.push_back(std::move(reader));
  }
  return std::unique_ptr<Database>(
      new SqliteDatabase(std::move(writer), std::move(checkpointer), std::move(pool)));
}

}  // namespace recirc::storage
