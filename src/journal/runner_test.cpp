#include <gtest/gtest.h>

#include <atomic>

#include "journal/event_counts.hpp"
#include "journal/runner.hpp"
#include "support/test_database.hpp"

namespace recirc::journal {
namespace {

// The runner is indifferent to the catalogue: these test-only types are never public.
constexpr EventType kACreated{"a.created", "thing", Visibility::kInternal, {}};
constexpr EventType kBCreated{"b.created", "thing", Visibility::kInternal, {}};
constexpr EventType kCCreated{"c.created", "thing", Visibility::kInternal, {}};
constexpr EventType kOk{"ok", "thing", Visibility::kInternal, {}};
constexpr EventType kPoison{"poison", "thing", Visibility::kInternal, {}};

class RunnerTest : public testing::BothDatabases {
 protected:
  Status AppendEvents(int n, const EventType& type) {
    return db().Write([&](storage::Session& s) -> Status {
      for (int i = 0; i < n; ++i) {
        RECIRC_TRY(int64_t seq, journal_.Append(s, {type, std::to_string(i), {}, {}, "{}"}));
        (void)seq;
      }
      return Ok();
    });
  }
  Result<std::vector<storage::EventCount>> Counts() {
    return storage::ReadValue<std::vector<storage::EventCount>>(
        db(), [&](storage::Session& s) { return counts_repo_.All(s); });
  }
  SeededRandom random_{42};
  storage::JournalRepository journal_{clock_, random_};
  storage::EventCountsRepository counts_repo_;
};

// A consumer that fails on a chosen event, to show the cursor does not move past a failure.
class FailingConsumer final : public Consumer {
 public:
  std::string_view name() const override { return "failing"; }
  Status Apply(storage::Session&, std::span<const storage::EventRecord> events) override {
    for (const auto& e : events) {
      if (e.type == "poison") return Error::Internal("cannot digest poison");
      seen.push_back(e.seq);
    }
    return Ok();
  }
  Status Reset(storage::Session&) override {
    seen.clear();
    return Ok();
  }
  std::vector<int64_t> seen;
};

TEST_P(RunnerTest, FeedsEveryEventOnceInOrderAcrossBatches) {
  ASSERT_TRUE(AppendEvents(7, kACreated));
  EventCounts counts(counts_repo_);
  JournalRunner runner(db(), journal_, {&counts}, /*batch_size=*/3);
  auto applied = runner.RunOnce();
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(*applied, 7);
  EXPECT_EQ(*runner.RunOnce(), 0) << "nothing new: nothing applied again";
  ASSERT_TRUE(AppendEvents(2, kBCreated));
  EXPECT_EQ(*runner.RunOnce(), 2);
  auto all = Counts();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].type, "a.created");
  EXPECT_EQ((*all)[0].count, 7);
  EXPECT_EQ((*all)[1].count, 2);
}

TEST_P(RunnerTest, RebuildReplaysFromTheStart) {
  ASSERT_TRUE(AppendEvents(5, kACreated));
  EventCounts counts(counts_repo_);
  JournalRunner runner(db(), journal_, {&counts});
  ASSERT_TRUE(runner.RunOnce());
  ASSERT_TRUE(runner.Rebuild("event_counts"));
  EXPECT_TRUE(Counts()->empty());
  EXPECT_EQ(*runner.RunOnce(), 5);
  EXPECT_EQ(Counts()->at(0).count, 5) << "rebuilt, not double counted";
  EXPECT_FALSE(runner.Rebuild("no_such_consumer"));
}

TEST_P(RunnerTest, FailureKeepsTheCursorBeforeTheFailedBatch) {
  ASSERT_TRUE(AppendEvents(2, kOk));
  ASSERT_TRUE(AppendEvents(1, kPoison));
  FailingConsumer failing;
  JournalRunner runner(db(), journal_, {&failing}, /*batch_size=*/2);
  auto result = runner.RunOnce();
  EXPECT_FALSE(result);
  auto cursor = storage::ReadValue<int64_t>(
      db(), [&](storage::Session& s) { return journal_.CursorOf(s, "failing"); });
  EXPECT_EQ(*cursor, 2) << "the first batch committed, the poisoned one did not";
}

TEST_P(RunnerTest, BackgroundThreadCatchesUpAfterWake) {
  EventCounts counts(counts_repo_);
  JournalRunner runner(db(), journal_, {&counts});
  runner.Start(std::chrono::milliseconds(20));
  ASSERT_TRUE(AppendEvents(3, kACreated));
  runner.Wake();
  std::vector<storage::EventCount> all;
  for (int i = 0; i < 500 && all.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    all = *Counts();
  }
  runner.Stop();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].count, 3);
}

TEST_P(RunnerTest, APassWithNothingToDoCommitsNothing) {
  ASSERT_TRUE(AppendEvents(3, kACreated));
  EventCounts counts(counts_repo_);
  JournalRunner runner(db(), journal_, {&counts});
  ASSERT_EQ(*runner.RunOnce(), 3);
  const int64_t before = db().committed_writes();
  for (int i = 0; i < 5; ++i) ASSERT_EQ(*runner.RunOnce(), 0);
  EXPECT_EQ(db().committed_writes(), before) << "caught-up consumers only read";
  ASSERT_TRUE(AppendEvents(1, kBCreated));
  ASSERT_EQ(*runner.RunOnce(), 1);
  EXPECT_EQ(db().committed_writes(), before + 2) << "the append, then one batch";
  EXPECT_EQ(runner.Passes(), (std::vector<std::pair<std::string, int64_t>>{{"event_counts", 2}}));
}

TEST_P(RunnerTest, OnlyCommitsThatAppendToTheJournalWakeListeners) {
  std::atomic<int> wakes{0};
  db().OnCommit([&wakes] { ++wakes; });
  ASSERT_TRUE(db().Write([](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t changed,
               s.Execute("UPDATE consumer_cursors SET position = position WHERE name = 'none'"));
    (void)changed;
    return Ok();
  }));
  EXPECT_EQ(wakes.load(), 0) << "a commit without journal rows wakes nobody";
  ASSERT_TRUE(AppendEvents(2, kACreated));
  EXPECT_EQ(wakes.load(), 1) << "one commit that appended: one wake";
  EventCounts counts(counts_repo_);
  JournalRunner runner(db(), journal_, {&counts});
  ASSERT_EQ(*runner.RunOnce(), 2);
  EXPECT_EQ(wakes.load(), 1) << "the consumer's own cursor write does not wake it again";
  ASSERT_FALSE(db().Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t seq, journal_.Append(s, {kCCreated, "x", {}, {}, "{}"}));
    (void)seq;
    return Error::Conflict("rolled back");
  }));
  EXPECT_EQ(wakes.load(), 1) << "a rolled-back append wakes nobody";
}

// A consumer whose results live outside the database (like the search index): it keeps its own
// progress, and while it applies a batch, other requests can still write.
class OwnProgressConsumer final : public Consumer {
 public:
  explicit OwnProgressConsumer(storage::Database& db) : db_(db) {}
  std::string_view name() const override { return "own_progress"; }
  bool KeepsOwnProgress() const override { return true; }
  Status Apply(storage::Session&, std::span<const storage::EventRecord> events) override {
    // Applied on the single SQLite writer, this write would wait for itself for ever.
    RECIRC_CHECK(db_.Write([](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t changed,
                 s.Execute("UPDATE consumer_cursors SET position = position WHERE name = 'x'"));
      (void)changed;
      return Ok();
    }));
    for (const auto& e : events) {
      if (e.seq <= last_) continue;
      if (e.type == "poison") return Error::Internal("cannot digest poison");
      seen.push_back(e.seq);
      last_ = e.seq;
    }
    return Ok();
  }
  Status Reset(storage::Session&) override {
    seen.clear();
    last_ = 0;
    return Ok();
  }
  std::vector<int64_t> seen;

 private:
  storage::Database& db_;
  int64_t last_ = 0;
};

TEST_P(RunnerTest, ConsumerWithItsOwnProgressAppliesOffTheWriterOnceEach) {
  ASSERT_TRUE(AppendEvents(5, kOk));
  OwnProgressConsumer own(db());
  JournalRunner runner(db(), journal_, {&own}, /*batch_size=*/2);
  auto applied = runner.RunOnce();
  ASSERT_TRUE(applied) << applied.error().message;
  EXPECT_EQ(*applied, 5);
  EXPECT_EQ(own.seen, (std::vector<int64_t>{1, 2, 3, 4, 5}));
  auto cursor = storage::ReadValue<int64_t>(
      db(), [&](storage::Session& s) { return journal_.CursorOf(s, "own_progress"); });
  EXPECT_EQ(*cursor, 5);
  EXPECT_EQ(*runner.RunOnce(), 0) << "caught up";
  EXPECT_EQ(runner.Passes(), (std::vector<std::pair<std::string, int64_t>>{{"own_progress", 3}}));
}

TEST_P(RunnerTest, ConsumerWithItsOwnProgressKeepsTheCursorBeforeAFailure) {
  ASSERT_TRUE(AppendEvents(2, kOk));
  ASSERT_TRUE(AppendEvents(1, kPoison));
  OwnProgressConsumer own(db());
  JournalRunner runner(db(), journal_, {&own}, /*batch_size=*/2);
  EXPECT_FALSE(runner.RunOnce());
  auto cursor = storage::ReadValue<int64_t>(
      db(), [&](storage::Session& s) { return journal_.CursorOf(s, "own_progress"); });
  EXPECT_EQ(*cursor, 2) << "the first batch moved the cursor, the poisoned one did not";
  EXPECT_EQ(own.seen, (std::vector<int64_t>{1, 2}));
}

RECIRC_BOTH_DATABASES(RunnerTest);

}  // namespace
}  // namespace recirc::journal
