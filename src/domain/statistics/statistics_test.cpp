// The authorities' statistics on both databases: the rollups kept by the journal consumer equal a
// brute-force recount from the raw tables after a random run of acquisitions, sales and refunds
// across months; a rebuild from the journal reproduces them; jurisdiction, validation and the
// export's small-cell suppression.
#include <gtest/gtest.h>

#include <random>

#include "documents/statistics_report.hpp"
#include "domain/market/market_fixture.hpp"
#include "domain/statistics/rollups.hpp"
#include "domain/statistics/statistics_service.hpp"
#include "journal/runner.hpp"

namespace recirc::statistics {
namespace {

using identity::Principal;
using market::Imei;
using market::MarketFixture;
using std::chrono::hours;

class StatisticsTest : public MarketFixture {
 protected:
  void SetUp() override {
    MarketFixture::SetUp();
    if (IsSkipped() || HasFailure()) return;
    runner_.emplace(db(), journal_, std::vector<journal::Consumer*>{&rollups_});
    service_.emplace(db(), stats_repo_, clock_, 2);
    commerce_ =
        As(Org("commerce_authority", "北京市商务局", "110000"), identity::Role::kCommerceOfficial,
           identity::OrganisationKind::kCommerceAuthority, "UCOMMERCE");
  }
  StatisticsReport Report(const Principal& who, StatisticsQuery q = {}) {
    EXPECT_TRUE(runner_->RunOnce());
    q.from_month = q.from_month.value_or("2000-01");
    q.to_month = q.to_month.value_or("2099-12");
    auto r = service_->Transactions(who, q);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : StatisticsReport{};
  }
  // The recount: straight from the tables the services write, no journal.
  std::pair<int64_t, int64_t> Recount(const std::string& sql) {
    return *storage::ReadValue<std::pair<int64_t, int64_t>>(
        db(), [&](storage::Session& s) -> Result<std::pair<int64_t, int64_t>> {
          RECIRC_TRY(auto row, s.QueryOne(sql, {}, "recount"));
          return std::pair{row.Int(0), row.Int(1)};
        });
  }
  static std::pair<int64_t, int64_t> Total(const StatisticsReport& r, const std::string& flow) {
    for (const auto& f : r.totals) {
      if (f.key[0] == flow) return {f.count, f.value_fen};
    }
    return {0, 0};
  }

  storage::StatisticsRepository stats_repo_;
  Rollups rollups_{stats_repo_, identity_port_, registry_port_};
  std::optional<journal::JournalRunner> runner_;
  std::optional<StatisticsService> service_;
  Principal commerce_;
};

TEST_P(StatisticsTest, RollupsEqualARecountAfterARandomRunOfAcquisitionsSalesAndRefunds) {
  std::mt19937_64 rng(20261207);
  int next_imei = 0;
  for (int step = 0; step < 16; ++step) {
    const std::string imei14 = "3569380356" + std::to_string(4500 + next_imei++);
    // Each kind at least once, then at random.
    const int what = step < 4 ? step : static_cast<int>(rng() % 4);
    if (what == 0) {
      Register(Imei(imei14), false);  // acquired only
    } else {
      const auto offer = Published(imei14);
      auto order = Order(offer);
      ASSERT_TRUE(order) << order.error().message;
      if (what >= 2) {
        ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
      }
      if (what == 3) {
        ASSERT_TRUE(orders_->Refund(clerk_, Ord(order->id), Money::Fen(350000)));
      }
    }
    clock_.Advance(hours(24 * static_cast<int>(rng() % 40)));  // across months
    if (step % 5 == 4) {
      ASSERT_TRUE(runner_->RunOnce());  // the consumer in several runs
    }
  }
  const auto report = Report(commerce_);
  const auto acquisitions =
      Recount("SELECT COUNT(*), COALESCE(SUM(price_fen), 0) FROM acquisitions");
  const auto sales = Recount(
      "SELECT COUNT(*), COALESCE(SUM(paid_fen), 0) FROM orders WHERE paid_fen > 0 AND state NOT "
      "IN ('refunded', 'cancelled')");
  EXPECT_GT(acquisitions.first, 0);
  EXPECT_GT(sales.first, 0);
  EXPECT_EQ(Total(report, "acquisition"), acquisitions);
  EXPECT_EQ(Total(report, "sale"), sales);
  int64_t months = 0;
  for (const auto& f : report.by_month) months += f.count;
  EXPECT_EQ(months, acquisitions.first + sales.first);
  ASSERT_EQ(report.by_district.size(), 1u);
  EXPECT_EQ(report.by_district[0].key[0], "110105");

  // Rebuilt from the journal: the same figures.
  ASSERT_TRUE(runner_->Rebuild("statistics"));
  const auto rebuilt = Report(commerce_);
  EXPECT_EQ(Total(rebuilt, "acquisition"), acquisitions);
  EXPECT_EQ(Total(rebuilt, "sale"), sales);
  EXPECT_EQ(rebuilt.by_month.size(), report.by_month.size());
}

TEST_P(StatisticsTest, EachFigureStandsBesideTheSameMonthsAYearEarlier) {
  Register(Imei("35693803564601"), false);
  clock_.Advance(hours(24 * 366));
  Register(Imei("35693803564602"), false);
  Register(Imei("35693803564603"), false);
  const std::string month = MonthOf(ToUnixMillis(clock_.Now()));
  const auto r = Report(commerce_, {month, month, std::nullopt, std::nullopt});
  ASSERT_EQ(r.totals.size(), 1u);
  EXPECT_EQ(r.totals[0].count, 2);
  EXPECT_EQ(r.totals[0].last_year_count, 1);
  ASSERT_EQ(r.by_month.size(), 1u);
  EXPECT_EQ(r.by_month[0].key[0], month);
  EXPECT_EQ(r.by_month[0].last_year_count, 1);
  EXPECT_EQ(r.by_category[0].key[0], "phone");
}

TEST_P(StatisticsTest, OfficialsSeeTheirJurisdictionAndBadQueriesNameTheField) {
  Register(Imei("35693803564611"), false);
  EXPECT_EQ(Total(Report(supervisor_), "acquisition").first, 1);      // Beijing: 110105 is inside
  EXPECT_EQ(Total(Report(far_supervisor_), "acquisition").first, 0);  // Shenzhen
  auto outside = service_->Transactions(far_supervisor_, {{}, {}, "110105", {}});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(service_->Transactions(commerce_, {"2026-13", {}, {}, {}}).error().field, "from");
  EXPECT_EQ(service_->Transactions(commerce_, {{}, "26-01", {}, {}}).error().field, "to");
  EXPECT_EQ(service_->Transactions(commerce_, {"2026-05", "2026-04", {}, {}}).error().field,
            "from");
  EXPECT_EQ(service_->Transactions(commerce_, {{}, {}, "11x", {}}).error().field, "region");
  EXPECT_EQ(service_->Transactions(clerk_, {}).error().code, ErrorCode::kPermissionDenied);
}

TEST_P(StatisticsTest, TheExportsSuppressCellsOfFewerThanTheConfiguredTransactions) {
  const StatisticsQuery phones{"2000-01", "2099-12", std::nullopt, "phone", std::nullopt};
  Register(Imei("35693803564621"), false);  // one: below the minimum of 2
  std::string csv = documents::TransactionsCsv(Report(commerce_, phones), service_->min_cell());
  EXPECT_NE(csv.find("acquisition,suppressed,suppressed"), std::string::npos) << csv;
  Register(Imei("35693803564622"), false);
  const auto two = Report(commerce_, phones);
  csv = documents::TransactionsCsv(two, service_->min_cell());
  EXPECT_NE(csv.find("acquisition,2,200000"), std::string::npos) << csv;
  auto xlsx = documents::TransactionsXlsx(two, service_->min_cell());
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  EXPECT_EQ(xlsx->substr(0, 2), "PK");  // a zip: the workbook
}

TEST_P(StatisticsTest, AFlowOrACategoryNarrowsTheFiguresAndUnknownOnesNameTheField) {
  const auto offer = Published("35693803564631");
  auto order = Order(offer);
  ASSERT_TRUE(order);
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  const auto sales = Report(commerce_, {{}, {}, {}, {}, "sale"});
  ASSERT_EQ(sales.totals.size(), 1u);
  EXPECT_EQ(sales.totals[0].key[0], "sale");
  EXPECT_EQ(sales.totals[0].value_fen, 350000);
  EXPECT_EQ(sales.by_method[0].key, (std::vector<std::string>{"sale", "fixed_price", "online"}));
  EXPECT_TRUE(Report(commerce_, {{}, {}, {}, "furniture", {}}).totals.empty());
  EXPECT_EQ(service_->Transactions(commerce_, {{}, {}, {}, "spaceship", {}}).error().field,
            "category");
  EXPECT_EQ(service_->Transactions(commerce_, {{}, {}, {}, {}, "rental"}).error().field, "flow");
}

TEST_P(StatisticsTest, SalesStandBesideTheImportedBaselineOfTheSameMonths) {
  const auto offer = Published("35693803564641");
  auto order = Order(offer);
  ASSERT_TRUE(order);
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  const std::string month = MonthOf(ToUnixMillis(clock_.Now()));
  const std::string base = "2024" + month.substr(4);
  auto imported = service_->ImportBaseline(
      commerce_, "\xEF\xBB\xBFmonth,region_code,category,transactions,value_yuan\r\n" + base +
                     ",110105,phone,4,2800.00\r\n" + base + ",110108,phone,1,100\r\n");
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(*imported, 2);

  const auto r = Report(commerce_, {month, month, std::nullopt, std::nullopt, std::nullopt});
  ASSERT_EQ(r.baseline_year, 2024);
  ASSERT_EQ(r.by_month.size(), 1u);
  EXPECT_EQ(r.by_month[0].key[0], month);
  EXPECT_EQ(r.by_month[0].baseline_count, 5);
  EXPECT_EQ(r.by_month[0].baseline_value_fen, 290000);
  for (const auto& f : r.by_district) {
    EXPECT_EQ(f.baseline_value_fen, f.key[0] == "110105" ? 280000 : 10000) << f.key[0];
  }
  for (const auto& t : r.totals) {
    if (t.key[0] == "sale") {
      EXPECT_EQ(t.value_fen, 350000);
      EXPECT_EQ(t.baseline_value_fen, 290000);
    }
  }
  // A later import replaces its cells; acquisitions alone have no baseline.
  ASSERT_TRUE(service_->ImportBaseline(
      commerce_,
      "month,region_code,category,transactions,value_yuan\n" + base + ",110105,phone,4,3000.5\n"));
  EXPECT_EQ(Report(commerce_, {month, month, {}, {}, {}}).by_month[0].baseline_value_fen, 310050);
  EXPECT_FALSE(Report(commerce_, {month, month, {}, {}, "acquisition"}).baseline_year);
  // A period across two calendar years has none either.
  EXPECT_FALSE(Report(commerce_, {"2025-12", "2026-12", {}, {}, {}}).baseline_year);
}

TEST_P(StatisticsTest, ABadBaselineFileNamesItsLineAndStoresNothing) {
  const std::string header = "month,region_code,category,transactions,value_yuan\n";
  auto error = [&](const std::string& csv) {
    auto r = service_->ImportBaseline(commerce_, csv);
    EXPECT_FALSE(r);
    return r ? std::string() : r.error().field + ": " + r.error().message;
  };
  EXPECT_EQ(error("month,region,category\n2024-01,110105,phone,1,1\n"),
            "body: line 1: header must be " + header.substr(0, header.size() - 1));
  EXPECT_EQ(error(header + "2023-01,110105,phone,1,1\n"),
            "body: line 2: month must be a month of 2024");
  EXPECT_EQ(error(header + "2024-01,440305,phone,1,1\n"),
            "body: line 2: region_code is outside your jurisdiction");
  EXPECT_EQ(error(header + "2024-01,110105,spaceship,1,1\n"),
            "body: line 2: category is not a category of data/categories.json");
  EXPECT_EQ(error(header + "2024-01,110105,phone,-1,1\n"),
            "body: line 2: transactions must be a whole number");
  EXPECT_EQ(error(header + "2024-01,110105,phone,1,1.234\n"),
            "body: line 2: value_yuan must be yuan with at most two decimals");
  EXPECT_EQ(error(header), "body: the file holds no rows");
  // The second row is bad: the first is not stored either.
  EXPECT_NE(error(header + "2024-01,110105,phone,1,1\n2024-13,110105,phone,1,1\n"), "");
  const auto r = Report(commerce_, {"2026-01", "2026-01", {}, {}, {}});
  ASSERT_TRUE(r.baseline_year);
  EXPECT_TRUE(r.by_month.empty());  // no baseline row of 2024-01 was stored
  EXPECT_EQ(service_->ImportBaseline(clerk_, header + "2024-01,110105,phone,1,1\n").error().code,
            ErrorCode::kPermissionDenied);
}

RECIRC_BOTH_DATABASES(StatisticsTest);

}  // namespace
}  // namespace recirc::statistics
