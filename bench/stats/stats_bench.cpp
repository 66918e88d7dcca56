// bench/stats: the city dashboard served from the rollups (StatisticsService::Transactions: four
// breakdowns, each beside the same months a year earlier) next to the naive GROUP BY over the raw
// transactions in the same run, on TRANSACTIONS generated transactions.
//   recirc_stats_bench --database URL [--transactions N] [--runs R]
// The raw table is flat (month, district, category, flow, format, channel, value): the most
// favourable shape for the naive query, which on the real tables would also join acquisitions,
// orders, offers and outlets. The rollups are filled from it by one INSERT ... SELECT ... GROUP BY
// (the same cells the journal consumer keeps; the consumer's own cost is per event and is not
// what this bench measures).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/identity/principal.hpp"
#include "domain/statistics/statistics_service.hpp"
#include "storage/migrations.hpp"
#include "storage/statistics/statistics_repository.hpp"

namespace {

using Steady = std::chrono::steady_clock;
double Millis(Steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

[[noreturn]] void Die(const std::string& what, const recirc::Error& e) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), e.message.c_str());
  std::exit(1);
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

// N rows of generated transactions: 24 months (2025-01 .. 2026-12), 16 districts of Beijing,
// 16 categories, acquisitions (5 kinds x 3 channels) and sales (2 modes x 3 channels).
std::string Generate(bool postgres, int64_t n) {
  const std::string rows =
      postgres ? "SELECT CAST(g AS BIGINT) AS n FROM generate_series(0, " + std::to_string(n - 1) +
                     ") AS g"
               : "WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM r WHERE n < " +
                     std::to_string(n - 1) + ") SELECT n FROM r";
  const std::string pad = postgres ? "lpad(CAST(%s AS TEXT), 2, '0')" : "printf('%%02d', %s)";
  auto two = [&](const std::string& expr) {
    char buf[128];
    std::snprintf(buf, sizeof buf, pad.c_str(), expr.c_str());
    return std::string(buf);
  };
  const std::string month_index = "((n * 7) % 24)";
  return "INSERT INTO bench_tx (month, region_code, category, flow, format, channel, value_fen) "
         "SELECT CAST(2025 + " +
         month_index + " / 12 AS TEXT) || '-' || " + two("(" + month_index + " % 12) + 1") +
         ", '1101' || " + two("(n * 13) % 16 + 1") + ", 'c' || " + two("(n * 31) % 16") +
         ", CASE WHEN n % 3 = 0 THEN 'acquisition' ELSE 'sale' END"
         ", CASE WHEN n % 3 = 0 THEN 'k' || CAST((n / 3) % 5 AS TEXT) ELSE 'm' || CAST(n % 2 AS "
         "TEXT) END"
         ", 'ch' || CAST((n / 7) % 3 AS TEXT)"
         ", 1000 + (n * 7919) % 500000 FROM (" +
         rows + ") AS src";
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::string url;
  int64_t transactions = 10'000'000;
  int runs = 50;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--database") url = argv[i + 1];
    if (flag == "--transactions") transactions = std::atoll(argv[i + 1]);
    if (flag == "--runs") runs = std::atoi(argv[i + 1]);
  }
  if (url.empty() || transactions < 1 || runs < 1) {
    std::fprintf(stderr,
                 "usage: recirc_stats_bench --database URL [--transactions N] [--runs R]\n");
    return 2;
  }
  using namespace recirc;
  const bool postgres = url.starts_with("postgres");
  FakeClock clock(TimePoint(std::chrono::milliseconds(1'796'000'000'000)));  // 2026-11
  auto db = storage::OpenDatabase(url, 4);
  if (!db) Die("open", db.error());
  if (auto m = storage::Migrate(**db, clock); !m) Die("migrate", m.error());
  std::printf("load average: %s\n", LoadAverage().c_str());

  const auto load_start = Steady::now();
  auto st = (*db)->Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t a, s.Execute("DROP TABLE IF EXISTS bench_tx"));
    RECIRC_TRY(int64_t b,
               s.Execute("CREATE TABLE bench_tx (month TEXT NOT NULL, region_code TEXT NOT "
                         "NULL, category TEXT NOT NULL, flow TEXT NOT NULL, format TEXT NOT "
                         "NULL, channel TEXT NOT NULL, value_fen BIGINT NOT NULL)"));
    RECIRC_TRY(int64_t c, s.Execute(Generate(postgres, transactions)));
    RECIRC_TRY(int64_t d, s.Execute("DELETE FROM stat_rollups"));
    RECIRC_TRY(int64_t e,
               s.Execute("INSERT INTO stat_rollups (month, region_code, category, flow, format, "
                         "channel, count, value_fen) SELECT month, region_code, category, flow, "
                         "format, channel, COUNT(*), SUM(value_fen) FROM bench_tx GROUP BY "
                         "month, region_code, category, flow, format, channel"));
    (void)a, (void)b, (void)c, (void)d, (void)e;
    return Ok();
  });
  if (!st) Die("load", st.error());
  if (postgres) {
    auto analysed = (*db)->Write([](storage::Session& s) -> Status {
      RECIRC_TRY(int64_t n, s.Execute("ANALYZE"));
      (void)n;
      return Ok();
    });
    if (!analysed) Die("analyze", analysed.error());
  }
  std::printf("loaded %lld transactions and their rollups in %.1f s\n",
              static_cast<long long>(transactions), Millis(Steady::now() - load_start) / 1000);

  storage::StatisticsRepository repo;
  statistics::StatisticsService service(**db, repo, clock);
  identity::Principal city;
  city.role = identity::Role::kCommerceOfficial;
  city.kind = identity::OrganisationKind::kCommerceAuthority;
  city.organisation.region_code = "110000";
  const statistics::StatisticsQuery year{"2026-01", "2026-12", std::nullopt, std::nullopt,
                                         std::nullopt};
  std::vector<double> dashboard;
  int64_t cells = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Steady::now();
    auto r = service.Transactions(city, year);
    if (!r) Die("dashboard", r.error());
    dashboard.push_back(Millis(Steady::now() - t0));
    cells = static_cast<int64_t>(r->by_month.size() + r->by_district.size() +
                                 r->by_category.size() + r->by_method.size());
  }

  // The naive way: the same four breakdowns and the year before, grouped over the raw rows.
  const int naive_runs = std::max(1, std::min(runs, 3));
  std::vector<double> naive;
  for (int i = 0; i < naive_runs; ++i) {
    const auto t0 = Steady::now();
    auto nst = (*db)->Read([&](storage::Session& s) -> Status {
      for (const char* period : {"month >= '2026-01' AND month <= '2026-12'",
                                 "month >= '2025-01' AND month <= '2025-12'"}) {
        for (const char* by : {"month", "region_code", "category", "flow, format, channel"}) {
          RECIRC_TRY(auto rows, s.Query(std::string("SELECT ") + by +
                                        ", COUNT(*), SUM(value_fen) FROM bench_tx WHERE " + period +
                                        " AND region_code LIKE '11%' GROUP BY " + by));
          (void)rows;
        }
      }
      return Ok();
    });
    if (!nst) Die("naive", nst.error());
    naive.push_back(Millis(Steady::now() - t0));
  }
  const double p50 = Percentile(dashboard, 0.5);
  const double p99 = Percentile(dashboard, 0.99);
  const double naive_p50 = Percentile(naive, 0.5);
  std::printf("| path | figure | limit (same run) | ratio | target | met |\n");
  std::printf("|---|---|---|---|---|---|\n");
  std::printf(
      "| city dashboard from rollups, %s, %lld transactions, %lld figures | p50 %.1f ms, "
      "p99 %.1f ms | naive GROUP BY over the raw rows p50 %.1f ms | %.0fx faster | < 50 "
      "ms | %s |\n",
      postgres ? "PostgreSQL" : "SQLite", static_cast<long long>(transactions),
      static_cast<long long>(cells), p50, p99, naive_p50, naive_p50 / p50, p99 < 50 ? "yes" : "no");
  std::printf("load average after: %s\n", LoadAverage().c_str());
  return 0;
}
