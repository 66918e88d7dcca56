// Seizures reach the item-history log only after the delay and without the police organisation,
// as a later event; leaves behind a seizure are not held back (both databases).
#include <gtest/gtest.h>

#include "domain/history/leaf.hpp"
#include "domain/history/seizure_publisher.hpp"
#include "domain/history/sequencer.hpp"
#include "domain/registry/events.hpp"
#include "journal/runner.hpp"
#include "support/test_database.hpp"

namespace recirc::history {
namespace {

tlog::Signer TestSigner() {
  std::array<uint8_t, tlog::kEd25519SeedSize> seed{};
  seed.fill(9);
  return *tlog::Signer::FromSeed("test.example/log", seed);
}

class SeizurePublisherTest : public testing::BothDatabases {
 protected:
  Status Append(const EventType& type, const std::string& item, const std::string& org) {
    return db().Write([&](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t seq, journal_.Append(s, {type, item, org, "USER", "{}"}));
      static_cast<void>(seq);
      return Ok();
    });
  }
  std::vector<storage::TlogEntryRecord> Leaves() {
    journal::JournalRunner runner(db(), journal_, {&sequencer_});
    EXPECT_TRUE(runner.RunOnce());
    return *storage::ReadValue<std::vector<storage::TlogEntryRecord>>(
        db(), [&](storage::Session& s) { return repo_.Entries(s, 0, INT64_MAX); });
  }

  SeededRandom random_{42};
  storage::JournalRepository journal_{clock_, random_};
  storage::TlogRepository repo_;
  tlog::Signer signer_ = TestSigner();
  Sequencer sequencer_{repo_, signer_, clock_};
  int64_t PublishDue() {
    SeizurePublisher publisher(db(), journal_, clock_, kDefaultSeizurePublicationDelay);
    auto n = publisher.PublishDue();
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  }
};

TEST_P(SeizurePublisherTest, ASeizureIsPublishedAfterTheDelayWithoutThePolice) {
  ASSERT_TRUE(Append(registry::events::kItemAcquired, "I1", "SHOP"));
  ASSERT_TRUE(Append(registry::events::kItemSeized, "I1", "POLICE-ORG"));
  clock_.Advance(std::chrono::hours(1));
  ASSERT_TRUE(Append(registry::events::kItemAcquired, "I2", "SHOP"));

  // At once: the seizure has no leaf, and the event after it is not held back.
  auto leaves = Leaves();
  ASSERT_EQ(leaves.size(), 2u);
  EXPECT_EQ(leaves[1].item_id, "I2");
  for (const auto& l : leaves) EXPECT_EQ(l.data.find("POLICE-ORG"), std::string::npos) << l.data;

  // Inside the delay nothing is published, however often the job runs.
  clock_.Advance(std::chrono::hours(7 * 24 - 2));
  ASSERT_EQ(PublishDue(), 0);
  const int64_t writes = db().committed_writes();
  ASSERT_EQ(PublishDue(), 0);
  EXPECT_EQ(db().committed_writes(), writes) << "a run with only a waiting seizure writes nothing";
  EXPECT_EQ(Leaves().size(), 2u);

  // After it: one later leaf, no organisation; and only once.
  clock_.Advance(std::chrono::hours(2));
  ASSERT_EQ(PublishDue(), 1);
  ASSERT_EQ(PublishDue(), 0);
  leaves = Leaves();
  ASSERT_EQ(leaves.size(), 3u);
  EXPECT_EQ(leaves[2].item_id, "I1");
  EXPECT_NE(leaves[2].data.find(R"("type":"item.seizure_published")"), std::string::npos)
      << leaves[2].data;
  EXPECT_NE(leaves[2].data.find(R"("organisation_id":null)"), std::string::npos) << leaves[2].data;
  EXPECT_NE(leaves[2].data.find(R"("prev":0)"), std::string::npos) << "chained to I1's leaf";
  EXPECT_EQ(leaves[2].data.find("POLICE-ORG"), std::string::npos);
  EXPECT_EQ(leaves[2].data.find("USER"), std::string::npos);
}

TEST_P(SeizurePublisherTest, ALaterSeizureWaitsForItsOwnDelay) {
  ASSERT_TRUE(Append(registry::events::kItemSeized, "I1", "POLICE-ORG"));
  clock_.Advance(std::chrono::hours(3 * 24));
  ASSERT_TRUE(Append(registry::events::kItemSeized, "I2", "POLICE-ORG"));
  clock_.Advance(std::chrono::hours(4 * 24));
  EXPECT_EQ(PublishDue(), 1) << "I1 only";
  clock_.Advance(std::chrono::hours(3 * 24));
  EXPECT_EQ(PublishDue(), 1) << "now I2";
  auto leaves = Leaves();
  ASSERT_EQ(leaves.size(), 2u);
  EXPECT_EQ(leaves[0].item_id, "I1");
  EXPECT_EQ(leaves[1].item_id, "I2");
}

RECIRC_BOTH_DATABASES(SeizurePublisherTest);

}  // namespace
}  // namespace recirc::history
