#include <gtest/gtest.h>

#include <set>

#include "domain/history/leaf.hpp"
#include "domain/history/log_service.hpp"
#include "domain/history/sequencer.hpp"
#include "domain/inspection/events.hpp"
#include "domain/registry/events.hpp"
#include "journal/runner.hpp"
#include "support/fake_ids.hpp"
#include "support/test_database.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/merkle.hpp"

namespace recirc::history {
namespace {

tlog::Signer TestSigner() {
  std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
  seed.fill(7);
  return *tlog::Signer::FromSeed("test.example/log", seed);
}

class SequencerTest : public testing::BothDatabases {
 protected:
  // Item n's id: well-formed (the log service takes ItemIds) and readable in a failure.
  static ItemId Item(int n) { return ItemId::Stored(testing::FakeItemId(n)); }
  // `n` item events spread over `items` items, plus one non-item event every 5th.
  Status AppendItemEvents(int n, int items) {
    return db().Write([&](storage::Session& s) -> Status {
      for (int i = 0; i < n; ++i) {
        const std::string item = testing::FakeItemId((next_ + i) % items);
        RECIRC_TRY(int64_t seq,
                   journal_.Append(s, {i % 3 ? inspection::events::kItemInspected
                                             : registry::events::kItemAcquired,
                                       item, "ORG", "USER",
                                       R"({"grade":"A","n":)" + std::to_string(next_ + i) + "}"}));
        if (i % 5 == 0) {
          RECIRC_TRY(seq, journal_.Append(s, {registry::events::kAlertRaised, "A", {}, {}, "{}"}));
        }
        (void)seq;
      }
      next_ += n;
      return Ok();
    });
  }
  std::vector<storage::TlogEntryRecord> AllEntries() {
    return *storage::ReadValue<std::vector<storage::TlogEntryRecord>>(
        db(), [&](storage::Session& s) { return repo_.Entries(s, 0, INT64_MAX); });
  }
  std::vector<storage::TlogCheckpointRecord> AllCheckpoints() {
    return *storage::ReadValue<std::vector<storage::TlogCheckpointRecord>>(
        db(), [&](storage::Session& s) { return repo_.Checkpoints(s); });
  }
  // Checks what every test wants: contiguous leaves, one per item event in journal order, a
  // prev chain per item, each checkpoint signed, with the in-memory root of its prefix, and
  // consistent with the next.
  void CheckLog(int expected_leaves) {
    const auto entries = AllEntries();
    ASSERT_EQ(entries.size(), static_cast<size_t>(expected_leaves));
    std::vector<tlog::Hash> leaf_hashes;
    std::map<std::string, int64_t> last;
    int64_t prev_seq = 0;
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& e = entries[i];
      ASSERT_EQ(e.index, static_cast<int64_t>(i)) << "no gap";
      ASSERT_GT(e.journal_seq, prev_seq) << "journal order, no duplicate";
      prev_seq = e.journal_seq;
      const auto it = last.find(e.item_id);
      const std::string want_prev =
          it == last.end() ? R"("prev":null)" : R"("prev":)" + std::to_string(it->second);
      ASSERT_NE(e.data.find(want_prev), std::string::npos) << e.data;
      last[e.item_id] = e.index;
      leaf_hashes.push_back(sha_.LeafHash(tlog::AsBytes(e.data)));
    }
    const auto verifier = signer_.ToVerifier();
    const auto checkpoints = AllCheckpoints();
    ASSERT_FALSE(checkpoints.empty());
    EXPECT_EQ(checkpoints.back().size, expected_leaves);
    for (size_t i = 0; i < checkpoints.size(); ++i) {
      const auto& c = checkpoints[i];
      auto opened = tlog::OpenCheckpoint(c.note, verifier);
      ASSERT_TRUE(opened) << opened.error().message;
      ASSERT_EQ(opened->size, static_cast<uint64_t>(c.size));
      const auto root =
          tlog::RootFromLeafHashes(sha_, std::span(leaf_hashes).first(static_cast<size_t>(c.size)));
      ASSERT_EQ(opened->root, root) << "checkpoint " << c.size;
      if (i + 1 < checkpoints.size() && c.size > 0) {
        const auto& next = checkpoints[i + 1];
        auto next_open = tlog::OpenCheckpoint(next.note, verifier);
        ASSERT_TRUE(next_open);
        auto subtree = [&](const tlog::SubtreeId& id) -> Result<tlog::Hash> {
          return tlog::RootFromLeafHashes(
              sha_, std::span(leaf_hashes).subspan(id.Start(), id.End() - id.Start()));
        };
        auto proof =
            tlog::ConsistencyProof(sha_, static_cast<uint64_t>(c.size), next_open->size, subtree);
        ASSERT_TRUE(proof);
        EXPECT_TRUE(tlog::VerifyConsistency(sha_, opened->size, next_open->size, *proof,
                                            opened->root, next_open->root))
            << c.size << " -> " << next.size;
      }
    }
  }

  SeededRandom random_{42};
  storage::JournalRepository journal_{clock_, random_};
  storage::TlogRepository repo_;
  tlog::Signer signer_ = TestSigner();
  Sequencer sequencer_{repo_, signer_, clock_};
  tlog::Sha256 sha_;
  int next_ = 0;
};

TEST_P(SequencerTest, TreeEqualsTheInMemoryTreeAcrossBatchesAndTileBoundaries) {
  ASSERT_TRUE(db().Write([&](storage::Session& s) { return sequencer_.PublishInitial(s); }));
  // Batches of odd sizes so tiles are cut at every kind of boundary.
  journal::JournalRunner runner(db(), journal_, {&sequencer_}, /*batch_size=*/97);
  int total = 0;
  for (int n : {1, 2, 253, 1, 300, 700}) {
    ASSERT_TRUE(AppendItemEvents(n, 40));
    total += n;
    auto applied = runner.RunOnce();
    ASSERT_TRUE(applied) << applied.error().message;
  }
  CheckLog(total);
  EXPECT_EQ(AllCheckpoints().front().size, 0) << "the empty tree is published first";
}

TEST_P(SequencerTest, HigherLevelTilesAndProofsFromStorage) {
  // A level-2 tile needs 65,536 leaves. Filling the journal with them takes minutes on
  // PostgreSQL (an advisory lock per append), so there the tree stops at full level-1 tiles;
  // the tile logic above the database is the same.
  const bool level2 = GetParam() == testing::Backend::kSqlite;
  const int kLeaves = level2 ? 65'536 + 300 : 256 * 20 + 7;
  ASSERT_TRUE(AppendItemEvents(kLeaves, 1000));
  journal::JournalRunner runner(db(), journal_, {&sequencer_}, /*batch_size=*/20'000);
  ASSERT_TRUE(runner.RunOnce());
  CheckLog(kLeaves);
  // Proofs served from the stored tiles verify against the checkpoint.
  LogService service(db(), repo_, signer_.VerifierKey());
  auto passport = service.ItemPassport(Item(999));
  ASSERT_TRUE(passport) << passport.error().message;
  auto cp = tlog::OpenCheckpoint(passport->checkpoint, signer_.ToVerifier());
  ASSERT_TRUE(cp);
  EXPECT_GE(passport->events.size(), level2 ? 65u : 5u);
  for (const auto& e : passport->events) {
    EXPECT_TRUE(tlog::VerifyInclusion(sha_, e.index, cp->size, sha_.LeafHash(tlog::AsBytes(e.leaf)),
                                      e.proof, cp->root));
  }
  if (level2) {
    auto top = service.Tile("tile/2/000.p/1");
    ASSERT_TRUE(top) << top.error().message;
    EXPECT_EQ(top->data.size(), 32u);
    EXPECT_FALSE(service.Tile("tile/2/000.p/2")) << "beyond the tree";
    auto full = service.Tile("tile/1/000");
    ASSERT_TRUE(full);
    EXPECT_TRUE(full->full);
  } else {
    auto level1 = service.Tile("tile/1/000.p/20");
    ASSERT_TRUE(level1) << level1.error().message;
    EXPECT_FALSE(level1->full);
    EXPECT_FALSE(service.Tile("tile/1/000.p/21")) << "beyond the tree";
    EXPECT_FALSE(service.Tile("tile/2/000.p/1")) << "no level 2 yet";
  }
  auto narrow = service.Tile("tile/0/000.p/3");
  ASSERT_TRUE(narrow);
  EXPECT_EQ(narrow->data.size(), 96u) << "a partial request of a full tile is its first hashes";
}

TEST_P(SequencerTest, RolledBackBatchLeavesNoGapOrDuplicate) {
  journal::JournalRunner runner(db(), journal_, {&sequencer_}, /*batch_size=*/50);
  ASSERT_TRUE(AppendItemEvents(120, 7));
  ASSERT_TRUE(runner.RunOnce());
  ASSERT_TRUE(AppendItemEvents(80, 7));
  // A crash mid-batch: the sequencer did all its work, then the transaction did not commit.
  auto events = storage::ReadValue<std::vector<storage::EventRecord>>(
      db(), [&](storage::Session& s) { return journal_.ReadAfter(s, 0, 100'000); });
  ASSERT_TRUE(events);
  Status crashed = db().Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t cursor, journal_.CursorOf(s, "tlog"));
    std::vector<storage::EventRecord> pending;
    for (const auto& e : *events)
      if (e.seq > cursor) pending.push_back(e);
    RECIRC_CHECK(sequencer_.Apply(s, pending));
    return Error::Unavailable("simulated crash before commit");
  });
  ASSERT_FALSE(crashed);
  ASSERT_TRUE(runner.RunOnce());
  CheckLog(200);
}

TEST_P(SequencerTest, ASecondSequencerCannotForkTheLog) {
  ASSERT_TRUE(AppendItemEvents(10, 3));
  // Another node's sequencer applies the same events with a stale cursor: it must fail.
  auto events = *storage::ReadValue<std::vector<storage::EventRecord>>(
      db(), [&](storage::Session& s) { return journal_.ReadAfter(s, 0, 100); });
  ASSERT_TRUE(db().Write([&](storage::Session& s) { return sequencer_.Apply(s, events); }));
  Sequencer other(repo_, signer_, clock_);
  EXPECT_FALSE(db().Write([&](storage::Session& s) { return other.Apply(s, events); }));
  CheckLog(10);
}

TEST_P(SequencerTest, ResetIsRefusedOnceACheckpointIsPublished) {
  journal::JournalRunner runner(db(), journal_, {&sequencer_});
  ASSERT_TRUE(db().Write([&](storage::Session& s) { return sequencer_.PublishInitial(s); }));
  EXPECT_TRUE(runner.Rebuild("tlog")) << "an empty log may be rebuilt";
  ASSERT_TRUE(AppendItemEvents(3, 2));
  ASSERT_TRUE(runner.RunOnce());
  Status st = runner.Rebuild("tlog");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kFailedPrecondition);
  CheckLog(3);
}

TEST_P(SequencerTest, ProofFileRoundTrips) {
  ASSERT_TRUE(AppendItemEvents(9, 2));
  journal::JournalRunner runner(db(), journal_, {&sequencer_});
  ASSERT_TRUE(runner.RunOnce());
  LogService service(db(), repo_, signer_.VerifierKey());
  auto file = service.ProofFile(Item(1), 3);
  ASSERT_TRUE(file) << file.error().message;
  auto parsed = ParseProofFile(*file);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->index, 3u);
  EXPECT_EQ(parsed->proof.size(), 4u);
  EXPECT_TRUE(tlog::OpenCheckpoint(parsed->checkpoint, signer_.ToVerifier()));
  EXPECT_FALSE(service.ProofFile(Item(0), 3)) << "leaf 3 belongs to item 1";
  EXPECT_FALSE(service.ProofFile(Item(1), 9)) << "beyond the tree";
}

RECIRC_BOTH_DATABASES(SequencerTest);

}  // namespace
}  // namespace recirc::history
