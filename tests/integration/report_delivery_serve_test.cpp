// The daily report delivery as `serve` wires it: with [registry] report_dir, the upkeep pass
// (what serve runs at start and hourly) delivers yesterday (China time) once; a second pass the
// same day adds nothing. What the files hold is tested with a fake clock in
// src/documents/report_delivery_test.cpp; here the server's own start pass may run before or
// after the demo outlets exist, so only the delivery record is checked.
#include <gtest/gtest.h>
#include <unistd.h>

#include "app/demo.hpp"
#include "documents/report_delivery.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

class ReportDeliveryServeTest : public ::testing::TestWithParam<Backend> {};

Result<std::vector<std::string>> DeliveredDays(storage::Database& db) {
  return storage::ReadValue<std::vector<std::string>>(
      db, [](storage::Session& s) -> Result<std::vector<std::string>> {
        RECIRC_TRY(auto rows, s.Query("SELECT day FROM report_deliveries ORDER BY day"));
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r.Text(0));
        return out;
      });
}

TEST_P(ReportDeliveryServeTest, TheUpkeepPassDeliversYesterdayOnce) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("recirc_serve_reports_" + std::to_string(::getpid()) + "_" +
                    std::to_string(GetParam() == Backend::kSqlite ? 0 : 1));
  std::filesystem::remove_all(dir);
  app::Config config;
  config.report_dir = dir;
  auto server = TestServer::Start(GetParam(), config);
  if (!server) GTEST_SKIP() << "database unavailable";
  ASSERT_TRUE(app::SeedDemo(server->app().directory(), server->db()));
  const SystemClock clock;
  const int64_t before = ToUnixMillis(clock.Now());
  ASSERT_TRUE(server->app().RunMaintenance());
  const int64_t after = ToUnixMillis(clock.Now());
  auto days = DeliveredDays(server->db());
  ASSERT_TRUE(days) << days.error().message;
  ASSERT_EQ(days->size(), 1u);
  // Yesterday in China, whichever side of midnight the pass ran.
  EXPECT_TRUE(days->front() == documents::ChinaDay(before - 86'400'000) ||
              days->front() == documents::ChinaDay(after - 86'400'000))
      << days->front();
  ASSERT_TRUE(server->app().RunMaintenance()) << "a second pass the same day";
  EXPECT_EQ(DeliveredDays(server->db())->size(), 1u);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

INSTANTIATE_TEST_SUITE_P(Db, ReportDeliveryServeTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
