// An idle node rests: with no traffic it commits nothing, and one registration wakes each journal
// consumer for exactly one pass (docs/security.md, "Idle means idle"). Behaviour, not timing:
// the figures are counters from /metrics, read before and after.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <map>
#include <sstream>
#include <thread>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

struct Counters {
  int64_t writes = -1;
  int64_t head = -1;
  std::map<std::string, int64_t> positions;  // per consumer
  std::map<std::string, int64_t> passes;     // per consumer
};

// The value inside {consumer="..."} of a metrics line, or "".
std::string ConsumerLabel(const std::string& line) {
  const auto open = line.find("{consumer=\"");
  if (open == std::string::npos) return "";
  const auto start = open + 11;
  return line.substr(start, line.find('"', start) - start);
}

Counters ReadCounters(const TestServer& server) {
  Counters c;
  std::istringstream in(server.Call({"GET", "/metrics"}).body);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const int64_t value = std::stoll(line.substr(line.rfind(' ') + 1));
    if (line.starts_with("recirc_db_write_transactions_total ")) c.writes = value;
    if (line.starts_with("recirc_journal_head ")) c.head = value;
    if (line.starts_with("recirc_journal_consumer_position{"))
      c.positions[ConsumerLabel(line)] = value;
    if (line.starts_with("recirc_journal_consumer_passes_total{"))
      c.passes[ConsumerLabel(line)] = value;
  }
  return c;
}

// Every journal consumer (those with a pass count; other cursors, such as the seizure
// publisher's, move on their own schedule) has applied the whole journal.
bool CaughtUp(const Counters& c) {
  if (c.passes.empty()) return false;
  for (const auto& [name, passes] : c.passes) {
    auto position = c.positions.find(name);
    if (position == c.positions.end() || position->second != c.head) return false;
  }
  return true;
}

// Polls /metrics until every consumer has applied the whole journal and its pass count has
// stood still for 300 ms (at most 60 s). A runner moves its cursor in the pass's transaction and
// counts the pass just after the commit, so a reading taken between the two shows the journal
// caught up with the pass not yet counted; waiting for the counts to stand still closes that gap
// on a loaded machine.
Counters WaitUntilCaughtUp(const TestServer& server) {
  Counters c = ReadCounters(server);
  for (int i = 0; i < 600; ++i) {
    if (CaughtUp(c)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      Counters again = ReadCounters(server);
      if (CaughtUp(again) && again.passes == c.passes && again.head == c.head) return again;
      c = std::move(again);
      continue;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    c = ReadCounters(server);
  }
  return c;
}

class IdleTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(IdleTest, AnIdleServerCommitsNothingAndOneRegistrationWakesEachConsumerOnce) {
  std::string shop_org;
  const Headers clerk = LogInDemo(*server_, "shop.clerk", &shop_org);
  const auto outlets =
      server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk});
  const auto items = boost::json::parse(outlets.body).at("items").as_array();
  ASSERT_FALSE(items.empty()) << outlets.body;
  const std::string outlet_id(items.front().at("id").as_string());

  const Counters settled = WaitUntilCaughtUp(*server_);
  ASSERT_TRUE(CaughtUp(settled)) << "the consumers never caught up with the seeded journal";
  ASSERT_GE(settled.passes.size(), 3u) << "every consumer is reported";
  // A few seconds with no traffic: no write transaction at all. Before the fix each consumer
  // committed an empty pass after every commit, its own included, so this never stood still.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  const Counters idle = ReadCounters(*server_);
  EXPECT_EQ(idle.writes, settled.writes) << "an idle server committed write transactions";
  EXPECT_EQ(idle.passes, settled.passes);

  const std::string body = "86723405987654";
  const std::string imei = body + std::string(1, core::ImeiCheckDigit(body).value());
  const auto reg = server_->Call(
      {"POST", "/api/v1/acquisitions",
       R"({"outlet_id":")" + outlet_id +
           R"(","kind":"purchase","channel":"store","price_fen":150000,)"
           R"("payment_method":"cash","person_matches_id":true,"origin_statement":"自用一年",)"
           R"("seller":{"kind":"individual","name":"李四","id_type":"resident_id",)"
           R"("id_number":"11010519491231002X","phone":"13912345678"},)"
           R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
           R"("identifiers":{"imei":")" +
           imei + R"("},"condition":"九成新"}})",
       clerk});
  ASSERT_EQ(reg.status, 201u) << reg.body;

  const Counters after = WaitUntilCaughtUp(*server_);
  ASSERT_TRUE(CaughtUp(after));
  ASSERT_GT(after.head, settled.head);
  for (const auto& [name, passes] : settled.passes) {
    EXPECT_EQ(after.passes.at(name), passes + 1) << name << " ran other than once";
  }
  // And it comes to rest again.
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const Counters rested = ReadCounters(*server_);
  EXPECT_EQ(rested.writes, after.writes) << "the registration's wake did not die down";
}

INSTANTIATE_TEST_SUITE_P(Db, IdleTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace recirc::testing
