#include "journal/runner.hpp"

#include <spdlog/spdlog.h>

namespace recirc::journal {

JournalRunner::JournalRunner(storage::Database& db, const storage::JournalRepository& journal,
                             std::vector<Consumer*> consumers, int batch_size)
    : db_(db), journal_(journal), consumers_(std::move(consumers)), batch_size_(batch_size) {}

JournalRunner::~JournalRunner() { Stop(); }

Result<bool> JournalRunner::HasNewEvents(Consumer& consumer) {
  return storage::ReadValue<bool>(db_, [&](storage::Session& s) -> Result<bool> {
    RECIRC_TRY(int64_t cursor, journal_.CursorOf(s, consumer.name()));
    RECIRC_TRY(int64_t head, journal_.Head(s));
    return head > cursor;
  });
}

Result<int64_t> JournalRunner::RunConsumer(Consumer& consumer) {
  // An empty pass reads and writes nothing: the cursor is compared with the head in a read
  // transaction, and only a consumer with events to apply opens a write transaction.
  RECIRC_TRY(bool behind, HasNewEvents(consumer));
  if (!behind) return int64_t{0};
  return consumer.KeepsOwnProgress() ? ApplyOffWriter(consumer) : ApplyInWriter(consumer);
}

// Each batch and the cursor move in one write transaction.
Result<int64_t> JournalRunner::ApplyInWriter(Consumer& consumer) {
  int64_t total = 0;
  for (;;) {
    int64_t applied = 0;
    Status st = db_.Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t cursor, journal_.CursorOf(s, consumer.name()));
      RECIRC_TRY(auto events, journal_.ReadAfter(s, cursor, batch_size_));
      if (events.empty()) return Ok();
      RECIRC_CHECK(consumer.Apply(s, events));
      applied = static_cast<int64_t>(events.size());
      return journal_.SaveCursor(s, consumer.name(), events.back().seq);
    });
    if (!st) return st.error();
    if (applied > 0) {
      consumer.Committed();
      CountPass(consumer.name());
    }
    total += applied;
    if (applied < batch_size_) return total;
  }
}

// The batch is applied in a read transaction (the consumer commits its own store, which can take
// an fsync: it must not hold the single writer meanwhile), then the cursor moves in a short write.
// Only this runner moves this consumer's cursor (run_mutex_), so nothing moves it in between.
Result<int64_t> JournalRunner::ApplyOffWriter(Consumer& consumer) {
  int64_t total = 0;
  for (;;) {
    int64_t applied = 0;
    int64_t last = 0;
    Status st = db_.Read([&](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t cursor, journal_.CursorOf(s, consumer.name()));
      RECIRC_TRY(auto events, journal_.ReadAfter(s, cursor, batch_size_));
      if (events.empty()) return Ok();
      RECIRC_CHECK(consumer.Apply(s, events));
      applied = static_cast<int64_t>(events.size());
      last = events.back().seq;
      return Ok();
    });
    if (!st) return st.error();
    if (applied == 0) return total;
    RECIRC_CHECK(db_.Write(
        [&](storage::Session& s) { return journal_.SaveCursor(s, consumer.name(), last); }));
    CountPass(consumer.name());
    total += applied;
    if (applied < batch_size_) return total;
  }
}

void JournalRunner::CountPass(std::string_view consumer) {
  std::lock_guard lock(stats_mutex_);
  ++passes_[std::string(consumer)];
}

std::vector<std::pair<std::string, int64_t>> JournalRunner::Passes() const {
  std::lock_guard lock(stats_mutex_);
  std::vector<std::pair<std::string, int64_t>> out;
  for (const Consumer* c : consumers_) {
    auto it = passes_.find(std::string(c->name()));
    out.emplace_back(std::string(c->name()), it == passes_.end() ? 0 : it->second);
  }
  return out;
}

Result<int64_t> JournalRunner::RunOnce() {
  std::lock_guard run(run_mutex_);
  int64_t total = 0;
  for (Consumer* consumer : consumers_) {
    RECIRC_TRY(int64_t n, RunConsumer(*consumer));
    total += n;
  }
  return total;
}

Status JournalRunner::Rebuild(std::string_view consumer_name) {
  std::lock_guard run(run_mutex_);
  for (Consumer* consumer : consumers_) {
    if (consumer->name() != consumer_name) continue;
    return db_.Write([&](storage::Session& s) -> Status {
      RECIRC_CHECK(consumer->Reset(s));
      return journal_.SaveCursor(s, consumer->name(), 0);
    });
  }
  return Error::NotFound("no journal consumer named " + std::string(consumer_name));
}

void JournalRunner::Start(std::chrono::milliseconds poll_interval,
                          std::chrono::milliseconds min_interval) {
  thread_ = std::thread([this, poll_interval, min_interval] { Loop(poll_interval, min_interval); });
}

void JournalRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JournalRunner::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

void JournalRunner::Loop(std::chrono::milliseconds poll_interval,
                         std::chrono::milliseconds min_interval) {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, poll_interval, [&] { return woken_ || stopping_; });
      if (stopping_) return;
      woken_ = false;
    }
    auto result = RunOnce();
    if (!result) spdlog::warn("journal consumers: {}", result.error().message);
    if (min_interval.count() > 0) {
      std::unique_lock lock(mutex_);
      if (cv_.wait_for(lock, min_interval, [&] { return stopping_; })) return;
    }
  }
}

}  // namespace recirc::journal
