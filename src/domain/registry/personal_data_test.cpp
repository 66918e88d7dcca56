// Key rotation with re-encryption and the retention job, on both databases.
#include <gtest/gtest.h>

#include "domain/registry/personal_data.hpp"
#include "domain/registry/registry_fixture.hpp"
#include "domain/registry/seller_view.hpp"

namespace recirc::registry {
namespace {

std::vector<std::string> Column(storage::Database& db, const std::string& sql) {
  auto rows =
      storage::ReadValue<storage::Rows>(db, [&](storage::Session& s) { return s.Query(sql); });
  std::vector<std::string> out;
  for (const auto& r : *rows) out.push_back(r.Text(0));
  return out;
}

TEST(RetentionTest, YearsBeforeIsCalendarAware) {
  // 2028-02-29T12:00:00Z minus 2 years is 2026-02-28T12:00:00Z.
  EXPECT_EQ(YearsBefore(1835438400000, 2), 1772280000000);
  // 2026-11-20T00:00:00Z minus 2 years is 2024-11-20T00:00:00Z.
  EXPECT_EQ(YearsBefore(1795132800000, 2), 1732060800000);
}

TEST_P(RegistryTest, RotationReencryptsEveryFieldAndValuesStayReadable) {
  auto in = Phone(Imei("49015420323751"));
  in.seller.agent = AgentInput{"李代理",     "resident_id", "11010519491231002X",
                               std::nullopt, std::nullopt,  "委托书 2026-0012"};
  auto first = registration_->Register(clerk_, in);
  auto second = registration_->Register(clerk_, Phone(Imei("35209900176148")));
  ASSERT_TRUE(first && second);

  auto rotated = crypto::FieldCipher::Create(
                     {{"k1", std::string(32, 'k')}, {"k2", std::string(32, 'n')}}, "k2")
                     .value();
  PersonalDataService upkeep(db(), rotated, clock_, random_);
  EXPECT_GT(*upkeep.Remaining(), 0);
  auto report = upkeep.Reencrypt(1);  // batches of one: the cursor moves on
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->parties, 3) << "two sellers and an agent";
  EXPECT_EQ(report->acquisitions, 2);
  EXPECT_EQ(*upkeep.Remaining(), 0);
  EXPECT_EQ(upkeep.Reencrypt()->parties, 0) << "a second run has nothing left";
  for (const auto& v : Column(db(), "SELECT name_enc FROM parties")) {
    EXPECT_EQ(crypto::FieldCipher::KeyIdOf(v), "k2");
  }
  for (const auto& v : Column(db(), "SELECT origin_statement_enc FROM acquisitions")) {
    EXPECT_EQ(crypto::FieldCipher::KeyIdOf(v), "k2");
  }

  // Readable with the new key alone: the old one is no longer needed.
  auto only_new = crypto::FieldCipher::Create({{"k2", std::string(32, 'n')}}, "k2").value();
  SellerViewService views(db(), repo_, only_new, clock_, random_);
  auto full = views.Full(chaoyang_, *AcquisitionId::Parse(first->id, "id"), "案件 2026-118 核查");
  ASSERT_TRUE(full) << full.error().message;
  EXPECT_EQ(full->name, "张三丰");
  EXPECT_EQ(full->id_number, "11010519491231002X");
  EXPECT_EQ(full->origin_statement, "自用两年，换新机");
  EXPECT_EQ(*full->agent_authority, "委托书 2026-0012");
}

TEST_P(RegistryTest, AConcurrentChangeIsNeverOverwrittenByReencryption) {
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("49015420323751"))));
  storage::PersonalDataRepository repo;
  auto rows = storage::ReadValue<std::vector<storage::PartyRecord>>(
      db(), [&](storage::Session& s) { return repo.PartiesNotUnder(s, "v1:k2:", "", 10); });
  ASSERT_EQ(rows->size(), 1u);
  storage::PartyRecord stale = (*rows)[0];
  stale.name_enc = "v1:k1:something-else";
  storage::PartyRecord fresh = (*rows)[0];
  fresh.name_enc = "v1:k2:new";
  auto swapped = storage::WriteValue<bool>(
      db(), [&](storage::Session& s) { return repo.SwapPartyCiphertexts(s, stale, fresh); });
  ASSERT_TRUE(swapped);
  EXPECT_FALSE(*swapped) << "the row is not what was read: left alone";
  EXPECT_EQ(Column(db(), "SELECT name_enc FROM parties")[0], (*rows)[0].name_enc);
}

TEST_P(RegistryTest, RetentionErasesPersonalDataAndKeepsTheStatistics) {
  auto old_one = registration_->Register(clerk_, Phone(Imei("49015420323751")));
  auto in = Phone(Imei("35209900176148"));
  in.seller.agent = AgentInput{"李代理",     "resident_id", "11010519491231002X",
                               std::nullopt, std::nullopt,  "委托书"};
  auto old_two = registration_->Register(clerk_, in);
  clock_.Advance(std::chrono::days(400));
  auto recent = registration_->Register(clerk_, Phone(Imei("35693803564380")));
  ASSERT_TRUE(old_one && old_two && recent);
  const std::string stats =
      "SELECT a.region_code || '/' || i.category || '/' || CAST(a.created_at / 2592000000 AS "
      "TEXT) || '=' || CAST(COUNT(*) AS TEXT) FROM acquisitions a JOIN items i ON i.id = "
      "a.item_id GROUP BY a.region_code, i.category, a.created_at / 2592000000 ORDER BY 1";
  const auto before = Column(db(), stats);

  PersonalDataService upkeep(db(), cipher_, clock_, random_);
  EXPECT_EQ(upkeep.EraseExpired(1).error().field, "retention_years") << "less than 2 years";
  EXPECT_EQ(*upkeep.EraseExpired(2), 0) << "nothing is 2 years old yet";
  clock_.Advance(std::chrono::days(2 * 365 - 400 + 2));
  auto erased = upkeep.EraseExpired(2, 1);
  ASSERT_TRUE(erased) << erased.error().message;
  EXPECT_EQ(*erased, 2);
  EXPECT_EQ(*upkeep.EraseExpired(2), 0) << "erased once";
  EXPECT_EQ(Column(db(), stats), before) << "counts by region, category and month unchanged";

  SellerViewService views(db(), repo_, cipher_, clock_, random_);
  auto gone = views.Full(chaoyang_, *AcquisitionId::Parse(old_two->id, "id"), "案件 2026-118 核查");
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(views.Full(chaoyang_, *AcquisitionId::Parse(recent->id, "id"), "案件 2026-118 核查"))
      << "still in its period";
  EXPECT_EQ(Column(db(), "SELECT CAST(COUNT(*) AS TEXT) FROM parties WHERE name_enc = ''")[0], "3")
      << "two sellers and the agent";
  SellerSearch by_person{"resident_id", "11010519491231002X", "案件 2026-118 核查"};
  EXPECT_EQ(police_->SearchBySeller(beijing_, by_person)->size(), 1u) << "only the recent one";
}

}  // namespace
}  // namespace recirc::registry
