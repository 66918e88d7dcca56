// `recirc seed`: synthetic registrations go through the real registration path.
#include <gtest/gtest.h>

#include "app/seed.hpp"
#include "domain/registry/police.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

TEST(SeedTest, RegistersSyntheticItemsAndTheirAlerts) {
  auto server = TestServer::Start(Backend::kSqlite);
  ASSERT_TRUE(server);
  SeededRandom random(5);
  auto report = app::SeedRegistrations(server->app().directory(), server->app().registration(),
                                       server->app().police(), server->db(), 200, random);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->registered, 200);
  EXPECT_GE(report->held, report->watchlisted) << "every stolen item is held";
  EXPECT_GT(report->watchlisted, 0) << "the seed includes stolen items";
  auto count =
      storage::ReadValue<int64_t>(server->db(), [](storage::Session& s) -> Result<int64_t> {
        RECIRC_TRY(auto r, s.QueryOne("SELECT COUNT(*) FROM acquisitions", {}, "count"));
        return r.Int(0);
      });
  EXPECT_EQ(*count, 200);
  auto alerts = server->app().police().ListAlerts(identity::Principal::System(), std::nullopt);
  ASSERT_TRUE(alerts);
  EXPECT_EQ(static_cast<int64_t>(alerts->size()), report->held);
}

}  // namespace
}  // namespace recirc::testing
