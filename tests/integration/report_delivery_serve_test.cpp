// The daily report delivery as `serve` wires it: with [registry] report_dir, one upkeep pass
// (what serve runs at start and hourly) writes yesterday's reports of every outlet, once.
#include <gtest/gtest.h>
#include <unistd.h>

#include "app/demo.hpp"
#include "documents/report_delivery.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

class ReportDeliveryServeTest : public ::testing::TestWithParam<Backend> {};

TEST_P(ReportDeliveryServeTest, TheUpkeepPassDeliversYesterdaysReports) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("recirc_serve_reports_" + std::to_string(::getpid()) + "_" +
                    std::to_string(GetParam() == Backend::kSqlite ? 0 : 1));
  std::filesystem::remove_all(dir);
  app::Config config;
  config.report_dir = dir;
  auto server = TestServer::Start(GetParam(), config);
  if (!server) GTEST_SKIP() << "database unavailable";
  ASSERT_TRUE(app::SeedDemo(server->app().directory(), server->db()));
  ASSERT_TRUE(server->app().RunMaintenance());
  const SystemClock clock;
  const std::string yesterday = documents::ChinaDay(ToUnixMillis(clock.Now()) - 86'400'000);
  // The demo operator's outlets in 朝阳 (110105) and 海淀 (110108).
  int files = 0;
  for (const char* region : {"110105", "110108"}) {
    const auto day = dir / region / yesterday;
    ASSERT_TRUE(std::filesystem::is_directory(day)) << day;
    for (const auto& e : std::filesystem::directory_iterator(day)) {
      const auto ext = e.path().extension().string();
      EXPECT_TRUE(ext == ".json" || ext == ".csv" || ext == ".xlsx") << e.path();
      ++files;
    }
  }
  EXPECT_GE(files, 6);
  auto rows = storage::ReadValue<int64_t>(server->db(), [](storage::Session& s) -> Result<int64_t> {
    RECIRC_TRY(auto r, s.QueryOne("SELECT COUNT(*) FROM report_deliveries", {}, "count"));
    return r.Int(0);
  });
  ASSERT_TRUE(rows);
  EXPECT_EQ(*rows, 1);
  ASSERT_TRUE(server->app().RunMaintenance()) << "a second pass the same day";
  EXPECT_EQ(*storage::ReadValue<int64_t>(server->db(),
                                         [](storage::Session& s) -> Result<int64_t> {
                                           RECIRC_TRY(auto r, s.QueryOne("SELECT COUNT(*) FROM "
                                                                         "report_deliveries",
                                                                         {}, "count"));
                                           return r.Int(0);
                                         }),
            1);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

INSTANTIATE_TEST_SUITE_P(Db, ReportDeliveryServeTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
