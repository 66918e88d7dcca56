// The log side of witnessing, on both databases, with a WitnessService in the same process as
// the witness (its tables are separate) and a FakeClock: checkpoints get cosigned and served; a
// witness that is down is retried with a doubling backoff on the injected clock, not on every
// round; a sender that lost what the witness knows learns it from the 409 and catches up.
#include <gtest/gtest.h>

#include "domain/history/log_service.hpp"
#include "domain/history/sequencer.hpp"
#include "domain/history/witness.hpp"
#include "domain/history/witness_sender.hpp"
#include "domain/registry/events.hpp"
#include "journal/runner.hpp"
#include "storage/journal_repository.hpp"
#include "support/test_database.hpp"
#include "tlog/checkpoint.hpp"

namespace recirc::history {
namespace {

tlog::Signer Key(std::string_view name, uint8_t fill) {
  std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
  seed.fill(fill);
  return *tlog::Signer::FromSeed(name, seed);
}

class WitnessSenderTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (!test_db_) return;
    log_service_.emplace(db(), tlog_repo_, log_key_.VerifierKey(), &witness_repo_);
    witness_service_.emplace(db(), witness_repo_, witness_,
                             std::vector<WitnessedLog>{{"log.test/log", log_key_.ToVerifier()}},
                             clock_);
    ASSERT_TRUE(db().Write([&](storage::Session& s) { return sequencer_.PublishInitial(s); }));
  }
  void AddEventsAndSequence(int n) {
    ASSERT_TRUE(db().Write([&](storage::Session& s) -> Status {
      for (int i = 0; i < n; ++i) {
        RECIRC_CHECK(journal_.Append(s, {registry::events::kItemAcquired,
                                         "ITEM" + std::to_string(next_++), "ORG", "USER", "{}"}));
      }
      return Ok();
    }));
    journal::JournalRunner runner(db(), journal_, {&sequencer_}, /*batch_size=*/7);
    ASSERT_TRUE(runner.RunOnce());
  }
  std::unique_ptr<WitnessSender> NewSender() {
    return std::make_unique<WitnessSender>(
        db(), tlog_repo_, witness_repo_,
        std::vector<LogWitness>{{witness_.ToVerifier(), "http://witness.test/w"}},
        [this](const std::string& url, const std::string& body) -> Result<PostAnswer> {
          ++posts_;
          EXPECT_EQ(url, "http://witness.test/w/add-checkpoint");
          if (down_) return Error::Unavailable("connection refused");
          auto answer = witness_service_->AddCheckpoint(body);
          if (!answer) return PostAnswer{400, "text/plain", answer.error().message};
          if (answer->conflict) {
            ++conflicts_;
            return PostAnswer{409, "text/x.tlog.size", std::to_string(answer->known_size) + "\n"};
          }
          return PostAnswer{200, "text/plain", answer->cosignature};
        },
        clock_, kRetry);
  }
  // The served checkpoint's size if the witness's cosignature on it verifies.
  std::optional<uint64_t> CosignedSize() {
    auto note = log_service_->Checkpoint();
    EXPECT_TRUE(note);
    const auto log_key = log_key_.ToVerifier();
    auto opened = tlog::Open(*note, std::span(&log_key, 1));
    EXPECT_TRUE(opened);
    if (!tlog::CheckCosignature(witness_.ToVerifier(), *opened)) return std::nullopt;
    return tlog::ParseCheckpoint(opened->text)->size;
  }

  static constexpr std::chrono::milliseconds kRetry{1000};
  SeededRandom random_{5};
  storage::JournalRepository journal_{clock_, random_};
  storage::TlogRepository tlog_repo_;
  storage::WitnessRepository witness_repo_;
  tlog::Signer log_key_ = Key("log.test/log", 1);
  tlog::CosignatureSigner witness_{Key("witness.test/w", 2)};
  Sequencer sequencer_{tlog_repo_, log_key_, clock_};
  // Made in SetUp, once the database exists.
  std::optional<LogService> log_service_;
  std::optional<WitnessService> witness_service_;
  int next_ = 0;
  int posts_ = 0;
  int conflicts_ = 0;
  bool down_ = false;
};

TEST_P(WitnessSenderTest, CosignsEachCheckpointAndRetriesOnTheClock) {
  auto sender = NewSender();
  auto round = sender->RunOnce();
  ASSERT_TRUE(round) << round.error().message;
  EXPECT_EQ(round->size, 0u);
  EXPECT_EQ(round->cosigned, 1u);
  EXPECT_EQ(CosignedSize(), 0u) << "the empty tree's checkpoint is cosigned too";

  AddEventsAndSequence(30);
  round = sender->RunOnce();
  ASSERT_TRUE(round);
  EXPECT_TRUE(round->failures.empty()) << round->failures.front();
  EXPECT_EQ(CosignedSize(), 30u);
  const int posts = posts_;
  ASSERT_TRUE(sender->RunOnce());
  EXPECT_EQ(posts_, posts) << "a cosigned checkpoint is not offered again";

  // The witness goes down: one attempt, then nothing until the backoff has passed.
  down_ = true;
  AddEventsAndSequence(10);
  round = sender->RunOnce();
  ASSERT_EQ(round->failures.size(), 1u);
  EXPECT_NE(round->failures[0].find("connection refused"), std::string::npos);
  EXPECT_EQ(posts_, posts + 1);
  (void)sender->RunOnce();
  EXPECT_EQ(posts_, posts + 1) << "waiting to retry";
  clock_.Advance(kRetry);
  (void)sender->RunOnce();
  EXPECT_EQ(posts_, posts + 2) << "retried after one interval";
  clock_.Advance(kRetry);
  (void)sender->RunOnce();
  EXPECT_EQ(posts_, posts + 2) << "the second wait is twice as long";
  clock_.Advance(kRetry);
  down_ = false;
  round = sender->RunOnce();
  EXPECT_EQ(posts_, posts + 3);
  EXPECT_TRUE(round->failures.empty());
  EXPECT_EQ(CosignedSize(), 40u) << "served with the new cosignature";
}

TEST_P(WitnessSenderTest, ASenderThatForgotLearnsTheWitnessSizeFrom409) {
  AddEventsAndSequence(12);
  ASSERT_TRUE(NewSender()->RunOnce());
  EXPECT_EQ(CosignedSize(), 12u);
  AddEventsAndSequence(9);
  auto fresh = NewSender();  // believes the witness has seen nothing
  auto round = fresh->RunOnce();
  ASSERT_TRUE(round);
  EXPECT_TRUE(round->failures.empty()) << round->failures.front();
  EXPECT_EQ(conflicts_, 1) << "told 12, then sent a proof from 12 to 21";
  EXPECT_EQ(CosignedSize(), 21u);
}

RECIRC_BOTH_DATABASES(WitnessSenderTest);

}  // namespace
}  // namespace recirc::history
