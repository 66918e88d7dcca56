// Configuration: defaults, the TOML file, refusal of unknown settings, environment overrides.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "app/config.hpp"

namespace recirc::app {
namespace {

std::filesystem::path WriteToml(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(ConfigTest, DefaultsServeWithNoFile) {
  ::unsetenv("RECIRC_DATABASE_URL");
  ::unsetenv("RECIRC_LISTEN");
  auto c = LoadConfig(std::nullopt);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_EQ(c->server.host, "127.0.0.1");
  EXPECT_TRUE(c->DatabaseUrl().starts_with("sqlite:///"));
  EXPECT_TRUE(c->DatabaseUrl().ends_with("var/recirc.db"));
}

TEST(ConfigTest, FileSettingsApplyAndUnknownOnesAreRefused) {
  auto path = WriteToml("recirc_cfg_ok.toml",
                        "[database]\nurl = \"postgresql://x@127.0.0.1/db\"\n"
                        "[server]\nlisten = \"0.0.0.0:9000\"\nworker_threads = 3\n"
                        "[security]\nsession_lifetime_minutes = 30\n");
  auto c = LoadConfig(path);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->DatabaseUrl(), "postgresql://x@127.0.0.1/db");
  EXPECT_EQ(c->server.port, 9000);
  EXPECT_EQ(c->server.worker_threads, 3);
  EXPECT_EQ(c->session_lifetime.count(), 30);

  auto typo = LoadConfig(WriteToml("recirc_cfg_typo.toml", "[server]\nlisen = \"x\"\n"));
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().field, "server.lisen");
  auto range = LoadConfig(WriteToml("recirc_cfg_range.toml", "[server]\nworker_threads = 0\n"));
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().field, "server.worker_threads");
  auto broken = LoadConfig(WriteToml("recirc_cfg_broken.toml", "[server\n"));
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("line 1"), std::string::npos) << broken.error().message;
}

TEST(ConfigTest, SimulatedPaymentsAreOffUnlessTheFileOrTheDemoTurnsThemOn) {
  auto none = LoadConfig(WriteToml("recirc_cfg_market_none.toml", ""));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(none->market.simulated_payments);
  EXPECT_TRUE(ForDemo(*none).market.simulated_payments);
  auto on =
      LoadConfig(WriteToml("recirc_cfg_market_on.toml", "[market]\nsimulated_payments = true\n"));
  ASSERT_TRUE(on) << on.error().message;
  EXPECT_TRUE(on->market.simulated_payments);
  auto typo =
      LoadConfig(WriteToml("recirc_cfg_market_typo.toml", "[market]\nsimulated_payment = true\n"));
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().field, "market.simulated_payment");
  auto type = LoadConfig(
      WriteToml("recirc_cfg_market_type.toml", "[market]\nsimulated_payments = \"yes\"\n"));
  ASSERT_FALSE(type);
  EXPECT_EQ(type.error().field, "market.simulated_payments");
}

TEST(ConfigTest, HoldPeriodsPerCategoryAndRegion) {
  auto c =
      LoadConfig(WriteToml("recirc_cfg_hold.toml",
                           "[registry]\nhold_days = 10\n"
                           "[[registry.hold]]\ncategory = \"phone\"\nregion_prefix = \"4403\"\n"
                           "days = 15\n"
                           "[[registry.hold]]\nregion_prefix = \"11\"\ndays = 0\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->hold_policy.DaysFor("phone", "440305"), 15);
  EXPECT_EQ(c->hold_policy.DaysFor("phone", "110105"), 0);
  EXPECT_EQ(c->hold_policy.DaysFor("book", "440305"), 10);
  EXPECT_EQ(LoadConfig(std::nullopt)->hold_policy.default_days, 7);

  auto unknown = LoadConfig(WriteToml("recirc_cfg_hold_typo.toml",
                                      "[[registry.hold]]\ncategroy = \"phone\"\ndays = 3\n"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "registry.hold[0].categroy");
  auto range = LoadConfig(WriteToml("recirc_cfg_hold_range.toml", "[registry]\nhold_days = 400\n"));
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().field, "registry.hold_days");
  auto missing =
      LoadConfig(WriteToml("recirc_cfg_hold_days.toml", "[[registry.hold]]\ncategory = \"car\"\n"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "registry.hold[0].days");
}

TEST(ConfigTest, RetentionIsAtLeastTwoYears) {
  EXPECT_EQ(LoadConfig(std::nullopt)->retention_years, 2);
  auto five = LoadConfig(WriteToml("recirc_cfg_ret.toml", "[registry]\nretention_years = 5\n"));
  ASSERT_TRUE(five) << five.error().message;
  EXPECT_EQ(five->retention_years, 5);
  auto one = LoadConfig(WriteToml("recirc_cfg_ret1.toml", "[registry]\nretention_years = 1\n"));
  ASSERT_FALSE(one);
  EXPECT_EQ(one.error().field, "registry.retention_years");
}

TEST(ConfigTest, ReportDirectoryForTheDailyDelivery) {
  EXPECT_FALSE(LoadConfig(std::nullopt)->report_dir) << "no delivery unless configured";
  auto c = LoadConfig(
      WriteToml("recirc_cfg_reports.toml", "[registry]\nreport_dir = \"/srv/reports\"\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->report_dir->string(), "/srv/reports");
  auto empty =
      LoadConfig(WriteToml("recirc_cfg_reports_empty.toml", "[registry]\nreport_dir = \"\"\n"));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "registry.report_dir");
  auto wrong =
      LoadConfig(WriteToml("recirc_cfg_reports_wrong.toml", "[registry]\nreport_dir = 5\n"));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "registry.report_dir");
}

TEST(ConfigTest, TransparencyLogSettings) {
  auto c = LoadConfig(
      WriteToml("recirc_cfg_tlog.toml", "[tlog]\nbatch_size = 50\ncheckpoint_interval_ms = 0\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->tlog.batch_size, 50);
  EXPECT_EQ(c->tlog.checkpoint_interval.count(), 0);
  auto bad = LoadConfig(WriteToml("recirc_cfg_tlog_bad.toml", "[tlog]\nbatch_size = 0\n"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "tlog.batch_size");
  auto unknown = LoadConfig(WriteToml("recirc_cfg_tlog_unknown.toml", "[tlog]\norigin = \"x\"\n"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "tlog.origin");
}

TEST(ConfigTest, SeizureDelayAndPublicBaseUrl) {
  app::Config defaults;
  EXPECT_EQ(defaults.tlog.seizure_delay.count(), 7 * 24) << "seven days unless configured";
  defaults.server.host = "0.0.0.0";
  defaults.server.port = 8080;
  EXPECT_EQ(defaults.PublicBaseUrl(), "http://localhost:8080");
  defaults.public_base_url = "https://city.example";
  EXPECT_EQ(defaults.PublicBaseUrl(), "https://city.example");
  auto c = LoadConfig(WriteToml("recirc_cfg_seized.toml", "[tlog]\nseizure_delay_days = 30\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->tlog.seizure_delay.count(), 30 * 24);
  auto bad =
      LoadConfig(WriteToml("recirc_cfg_seized_bad.toml", "[tlog]\nseizure_delay_days = -1\n"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "tlog.seizure_delay_days");
}

TEST(ConfigTest, WitnessesAndWitnessedLogs) {
  auto c = LoadConfig(WriteToml("recirc_cfg_witness.toml",
                                "[log]\nwitness_retry_ms = 250\n"
                                "[[log.witness]]\nname = \"w.example/1\"\nkey = \"K1\"\n"
                                "url = \"http://w.example:8080/witness/\"\n"
                                "[[witness.log]]\norigin = \"a.example/log\"\nkey = \"K2\"\n"
                                "[[witness.log]]\norigin = \"b.example/log\"\nkey = \"K3\"\n"));
  ASSERT_TRUE(c) << c.error().message;
  ASSERT_EQ(c->log_witnesses.size(), 1u);
  EXPECT_EQ(c->log_witnesses[0].name, "w.example/1");
  EXPECT_EQ(c->log_witnesses[0].url, "http://w.example:8080/witness") << "trailing / dropped";
  EXPECT_EQ(c->witness_retry.count(), 250);
  ASSERT_EQ(c->witness_logs.size(), 2u);
  EXPECT_EQ(c->witness_logs[1].origin, "b.example/log");
  EXPECT_EQ(c->witness_logs[1].key, "K3");

  auto missing = LoadConfig(
      WriteToml("recirc_cfg_witness_missing.toml", "[[log.witness]]\nname = \"w\"\nkey = \"K\"\n"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "log.witness[0].url");
  auto typo = LoadConfig(WriteToml("recirc_cfg_witness_typo.toml",
                                   "[[witness.log]]\norigin = \"a\"\nkey = \"K\"\nurl = \"x\"\n"));
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().field, "witness.log[0].url");
}

TEST(ConfigTest, FederationWithACityAndShops) {
  auto c = LoadConfig(WriteToml("recirc_cfg_federation.toml",
                                "[federation]\ncity_url = \"http://city.example:8080/\"\n"
                                "city_key = \"C1\"\nretry_ms = 50\nretry_max_ms = 4000\n"
                                "pull_interval_ms = 500\nmax_in_flight = 2\n"
                                "[[federation.shop]]\nkey = \"S1\"\nregion = \"110105\"\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->federation.city_url, "http://city.example:8080") << "trailing / dropped";
  EXPECT_EQ(c->federation.city_key, "C1");
  EXPECT_EQ(c->federation.retry.count(), 50);
  EXPECT_EQ(c->federation.retry_max.count(), 4000);
  EXPECT_EQ(c->federation.pull_interval.count(), 500);
  EXPECT_EQ(c->federation.max_in_flight, 2);
  ASSERT_EQ(c->federation.shops.size(), 1u);
  EXPECT_EQ(c->federation.shops[0].region, "110105");

  auto alone = LoadConfig(
      WriteToml("recirc_cfg_federation_alone.toml", "[federation]\ncity_url = \"http://c\"\n"));
  ASSERT_FALSE(alone);
  EXPECT_EQ(alone.error().field, "federation.city_key");
  auto no_region = LoadConfig(
      WriteToml("recirc_cfg_federation_region.toml", "[[federation.shop]]\nkey = \"S\"\n"));
  ASSERT_FALSE(no_region);
  EXPECT_EQ(no_region.error().field, "federation.shop[0].region");
  auto typo = LoadConfig(
      WriteToml("recirc_cfg_federation_typo.toml", "[federation]\ncity = \"http://c\"\n"));
  ASSERT_FALSE(typo);
  EXPECT_EQ(typo.error().field, "federation.city");
}

TEST(ConfigTest, PublicBaseUrlForLabels) {
  ::unsetenv("RECIRC_PUBLIC_BASE_URL");
  auto c =
      LoadConfig(WriteToml("recirc_cfg_url.toml", "public_base_url = \"https://shop.example/\"\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->public_base_url, "https://shop.example");
  for (const char* bad : {"shop.example", "ftp://shop.example", "https://shop.example/?a=1",
                          "https://shop example"}) {
    auto refused = LoadConfig(
        WriteToml("recirc_cfg_url_bad.toml", "public_base_url = \"" + std::string(bad) + "\"\n"));
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "public_base_url") << bad;
  }
  ::setenv("RECIRC_PUBLIC_BASE_URL", "http://10.0.0.5:8080", 1);
  auto env = LoadConfig(std::nullopt);
  ::unsetenv("RECIRC_PUBLIC_BASE_URL");
  ASSERT_TRUE(env);
  EXPECT_EQ(env->public_base_url, "http://10.0.0.5:8080");
}

TEST(ConfigTest, HashingPoolAndTrustedProxies) {
  auto c = LoadConfig(WriteToml("recirc_cfg_proxy.toml",
                                "[server]\nhashing_threads = 3\nhashing_queue = 0\n"
                                "trusted_proxies = [\"127.0.0.1\", \"::1\"]\n"));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->server.hashing_threads, 3);
  EXPECT_EQ(c->server.hashing_queue, 0);
  EXPECT_EQ(c->server.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  for (const char* bad : {"trusted_proxies = [\"proxy.internal\"]",
                          "trusted_proxies = \"127.0.0.1\"", "hashing_threads = 0"}) {
    auto refused =
        LoadConfig(WriteToml("recirc_cfg_proxy_bad.toml", "[server]\n" + std::string(bad) + "\n"));
    ASSERT_FALSE(refused) << bad;
    EXPECT_TRUE(refused.error().field.starts_with("server.")) << bad;
  }
}

TEST(ConfigTest, EnvironmentOverridesTheFile) {
  auto path = WriteToml("recirc_cfg_env.toml", "[server]\nlisten = \"127.0.0.1:9000\"\n");
  ::setenv("RECIRC_LISTEN", "127.0.0.1:9100", 1);
  auto c = LoadConfig(path);
  ::unsetenv("RECIRC_LISTEN");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->server.port, 9100);
  ::setenv("RECIRC_LISTEN", "nonsense", 1);
  auto bad = LoadConfig(std::nullopt);
  ::unsetenv("RECIRC_LISTEN");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "listen");
}

}  // namespace
}  // namespace recirc::app
