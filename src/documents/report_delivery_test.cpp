// The daily report delivery on both databases: yesterday's register of every outlet as JSON, CSV
// and XLSX in the jurisdiction's directory, once, with missed days caught up.
#include "documents/report_delivery.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "domain/registry/registry_fixture.hpp"
#include "domain/registry/registry_port_impl.hpp"

namespace recirc::registry {
namespace {

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int Lines(const std::string& csv) {
  int n = 0;
  for (char c : csv) n += c == '\n';
  return n;
}

class ReportDeliveryTest : public RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    if (IsSkipped() || HasFailure()) return;
    root_ = std::filesystem::temp_directory_path() /
            ("recirc_reports_" + std::to_string(::getpid()) + "_" +
             std::to_string(GetParam() == testing::Backend::kSqlite ? 0 : 1));
    std::filesystem::remove_all(root_);
    // 2026-12-01 10:00 in China (02:00 UTC).
    clock_.Set(FromUnixMillis(1'796'090'400'000));
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
    RegistryTest::TearDown();
  }
  std::filesystem::path Day(const std::string& day) { return root_ / "110105" / day; }
  std::filesystem::path root_;
};

TEST_P(ReportDeliveryTest, YesterdaysRegisterOnceAndMissedDaysCaughtUp) {
  ASSERT_EQ(documents::ChinaDay(ToUnixMillis(clock_.Now())), "2026-12-01");
  EXPECT_EQ(documents::ChinaDay(1'796'054'400'000), "2026-12-01") << "00:00 in China";
  EXPECT_EQ(documents::ChinaDay(1'796'054'399'999), "2026-11-30");
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("49015420323751"))));
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("35209900176148"))));
  const RegistryPortImpl port(repo_, journal_, clock_, random_);
  documents::ReportDelivery delivery(db(), port, root_, clock_);

  auto first = delivery.DeliverDue();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->days, std::vector<std::string>{"2026-11-30"}) << "the first run: yesterday";
  EXPECT_EQ(Lines(Slurp(Day("2026-11-30") / (outlet_.id + ".csv"))), 1) << "header only";

  // The next morning: 2026-12-01 with both registrations.
  clock_.Advance(std::chrono::hours(24));
  auto second = delivery.DeliverDue();
  ASSERT_TRUE(second) << second.error().message;
  ASSERT_EQ(second->days, std::vector<std::string>{"2026-12-01"});
  EXPECT_EQ(second->files, 3);
  const auto dir = Day("2026-12-01");
  const std::string csv = Slurp(dir / (outlet_.id + ".csv"));
  EXPECT_EQ(Lines(csv), 3) << csv;
  EXPECT_EQ(csv.find("张三丰"), std::string::npos) << "no seller data in a report";
  EXPECT_NE(Slurp(dir / (outlet_.id + ".json")).find("\"number\":2"), std::string::npos);
  EXPECT_EQ(Slurp(dir / (outlet_.id + ".xlsx")).substr(0, 2), "PK");
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }

  // A restart the same day delivers nothing again.
  auto again = delivery.DeliverDue();
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->days.empty());
  documents::ReportDelivery restarted(db(), port, root_, clock_);
  EXPECT_TRUE(restarted.DeliverDue()->days.empty());

  // Down for three days: every missed day is delivered, in order.
  clock_.Advance(std::chrono::hours(24));
  ASSERT_TRUE(registration_->Register(clerk_, Phone(Imei("35693803564380"))));
  clock_.Advance(std::chrono::hours(48));
  auto caught_up = restarted.DeliverDue();
  ASSERT_TRUE(caught_up) << caught_up.error().message;
  EXPECT_EQ(caught_up->days, (std::vector<std::string>{"2026-12-02", "2026-12-03", "2026-12-04"}));
  EXPECT_EQ(Lines(Slurp(Day("2026-12-02") / (outlet_.id + ".csv"))), 1);
  EXPECT_EQ(Lines(Slurp(Day("2026-12-03") / (outlet_.id + ".csv"))), 2);
  EXPECT_EQ(Count("report_deliveries"), 5);
}

RECIRC_BOTH_DATABASES(ReportDeliveryTest);

}  // namespace
}  // namespace recirc::registry
