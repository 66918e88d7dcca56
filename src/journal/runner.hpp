#pragma once
// JournalRunner feeds every registered consumer the events after its cursor, in batches, each
// batch and the cursor move in one write transaction. It runs on its own thread, woken after each
// commit that appended journal rows (Database::OnCommit) and at least every poll interval; tests
// call RunOnce() directly. A consumer that has nothing to do costs one read transaction and no
// write, so an idle node commits nothing (docs/security.md, "Idle means idle").

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "journal/consumer.hpp"

namespace recirc::journal {

class JournalRunner {
 public:
  JournalRunner(storage::Database& db, const storage::JournalRepository& journal,
                std::vector<Consumer*> consumers, int batch_size = 500);
  ~JournalRunner();

  // Feeds each consumer until it has caught up. Returns the number of events applied in all.
  // Safe to call while the runner's thread runs: runs do not overlap.
  Result<int64_t> RunOnce();
  // Resets the named consumer and sets its cursor to 0; the next run replays the journal.
  Status Rebuild(std::string_view consumer_name);

  // Runs RunOnce on its own thread when woken and at least every poll interval. With a
  // min_interval, runs are at least that far apart (wakes in between are remembered), so each
  // run takes everything that arrived meanwhile: the transparency log signs one checkpoint per
  // batch and uses this to bound how many it signs.
  void Start(std::chrono::milliseconds poll_interval,
             std::chrono::milliseconds min_interval = std::chrono::milliseconds(0));
  void Stop();
  void Wake();

  // Passes that applied at least one event, per consumer (in registration order): /metrics, and
  // the test that one registration wakes every consumer exactly once.
  std::vector<std::pair<std::string, int64_t>> Passes() const;

 private:
  Result<bool> HasNewEvents(Consumer& consumer);
  Result<int64_t> RunConsumer(Consumer& consumer);
  Result<int64_t> ApplyInWriter(Consumer& consumer);
  Result<int64_t> ApplyOffWriter(Consumer& consumer);
  void CountPass(std::string_view consumer);
  void Loop(std::chrono::milliseconds poll_interval, std::chrono::milliseconds min_interval);

  storage::Database& db_;
  const storage::JournalRepository& journal_;
  std::vector<Consumer*> consumers_;
  int batch_size_;

  std::mutex run_mutex_;  // one RunOnce / Rebuild at a time (the thread and callers such as tests)
  std::mutex mutex_;
  std::condition_variable cv_;
  bool woken_ = false;     // GUARDED_BY(mutex_)
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;

  mutable std::mutex stats_mutex_;
  std::map<std::string, int64_t, std::less<>> passes_;  // GUARDED_BY(stats_mutex_)
};

}  // namespace recirc::journal
