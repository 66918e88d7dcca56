#include "domain/statistics/statistics_service.hpp"

#include <map>

#include "core/category.hpp"
#include "domain/registry/police.hpp"
#include "domain/statistics/baseline_csv.hpp"
#include "domain/statistics/rollups.hpp"

namespace recirc::statistics {
namespace {

bool IsMonth(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (m[i] < '0' || m[i] > '9') return false;
  }
  const int month = std::stoi(m.substr(5));
  return month >= 1 && month <= 12;
}

bool IsRegion(const std::string& r) {
  if (r.size() != 2 && r.size() != 4 && r.size() != 6) return false;
  for (char c : r) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The region prefix the actor may read: everything for platform administrators, their
// organisation's jurisdiction for the authorities.
Result<std::string> JurisdictionOf(const identity::Principal& actor) {
  if (actor.SeesAllOrganisations()) return std::string();
  if (actor.kind != identity::OrganisationKind::kCommerceAuthority &&
      actor.kind != identity::OrganisationKind::kMarketSupervision) {
    return Error::PermissionDenied("only the authorities see the statistics")
        .Id("statistics.authorities_only");
  }
  return registry::JurisdictionPrefix(actor.organisation.region_code);
}

// The figures of a breakdown: this period's rows, last year's and the baseline's. A month key of
// an earlier year is moved to the period's year (`year`), so each month stands beside its own.
std::vector<Figure> Merge(const std::vector<storage::RollupRow>& now,
                          const std::vector<storage::RollupRow>& before,
                          const std::vector<storage::RollupRow>& baseline,
                          const std::optional<std::string>& year) {
  std::map<std::vector<std::string>, Figure> out;
  auto at = [&](std::vector<std::string> key) -> Figure& {
    if (year) key[0] = *year + key[0].substr(4);
    auto& f = out[key];
    f.key = std::move(key);
    return f;
  };
  for (const auto& r : now) {
    auto& f = out[r.key];
    f.key = r.key;
    f.count += r.count;
    f.value_fen += r.value_fen;
  }
  for (const auto& r : before) {
    auto& f = at(r.key);
    f.last_year_count += r.count;
    f.last_year_value_fen += r.value_fen;
  }
  for (const auto& r : baseline) {
    auto& f = at(r.key);
    f.baseline_count += r.count;
    f.baseline_value_fen += r.value_fen;
  }
  std::vector<Figure> figures;
  figures.reserve(out.size());
  for (auto& [key, f] : out) figures.push_back(std::move(f));
  return figures;
}

}  // namespace

std::string YearEarlier(const std::string& month) {
  return std::to_string(std::stoi(month.substr(0, 4)) - 1) + month.substr(4);
}

Result<StatisticsReport> StatisticsService::Transactions(const identity::Principal& actor,
                                                         const StatisticsQuery& q) const {
  RECIRC_TRY(std::string jurisdiction, JurisdictionOf(actor));
  const std::string this_month = MonthOf(ToUnixMillis(clock_.Now()));
  StatisticsReport r;
  r.to_month = q.to_month.value_or(this_month);
  r.from_month = q.from_month.value_or(this_month.substr(0, 4) + "-01");
  if (!IsMonth(r.from_month))
    return Error::InvalidArgument("from", "a month as YYYY-MM").Id("statistics.month");
  if (!IsMonth(r.to_month))
    return Error::InvalidArgument("to", "a month as YYYY-MM").Id("statistics.month");
  if (r.from_month > r.to_month)
    return Error::InvalidArgument("from", "after to").Id("statistics.from_after_to");
  r.region_prefix = registry::JurisdictionPrefix(q.region.value_or(""));
  if (q.region && !IsRegion(*q.region)) {
    return Error::InvalidArgument("region", "a GB/T 2260 region code (2, 4 or 6 digits)")
        .Id("statistics.region");
  }
  if (!q.region) r.region_prefix = jurisdiction;
  if (!r.region_prefix.starts_with(jurisdiction)) {
    return Error::PermissionDenied("region " + *q.region + " is outside your jurisdiction")
        .Id("statistics.outside_jurisdiction")
        .Param("region", *q.region);
  }
  if (q.category && core::CategoryVocabulary::Embedded().Find(*q.category) == nullptr) {
    return Error::InvalidArgument("category", "not a category of data/categories.json")
        .Id("statistics.category");
  }
  if (q.flow && *q.flow != "acquisition" && *q.flow != "sale") {
    return Error::InvalidArgument("flow", "acquisition or sale").Id("statistics.flow");
  }
  r.category = q.category;
  r.flow = q.flow;
  const storage::RollupFilter now{r.from_month, r.to_month, r.region_prefix, r.category, r.flow};
  const storage::RollupFilter before{YearEarlier(r.from_month), YearEarlier(r.to_month),
                                     r.region_prefix, r.category, r.flow};
  // The baseline is of sales, month by month: beside a period within one calendar year.
  const std::string year = r.from_month.substr(0, 4);
  if (r.to_month.substr(0, 4) == year && r.flow != "acquisition") r.baseline_year = baseline_year_;
  const std::string base = std::to_string(baseline_year_);
  const storage::RollupFilter baseline{base + r.from_month.substr(4), base + r.to_month.substr(4),
                                       r.region_prefix, r.category, std::nullopt};
  using D = storage::RollupDimension;
  RECIRC_CHECK(db_.Read([&](storage::Session& s) -> Status {
    auto breakdown = [&](D by, std::vector<Figure>& into) -> Status {
      RECIRC_TRY(auto a, repo_.Grouped(s, now, by));
      RECIRC_TRY(auto b, repo_.Grouped(s, before, by));
      std::vector<storage::RollupRow> c;
      if (r.baseline_year) {
        RECIRC_TRY(c, repo_.BaselineGrouped(s, baseline, by));
      }
      into = Merge(a, b, c, by == D::kMonth ? std::optional<std::string>(year) : std::nullopt);
      return Ok();
    };
    RECIRC_CHECK(breakdown(D::kMonth, r.by_month));
    RECIRC_CHECK(breakdown(D::kRegion, r.by_district));
    RECIRC_CHECK(breakdown(D::kCategory, r.by_category));
    return breakdown(D::kFlowFormatChannel, r.by_method);
  }));
  std::map<std::string, Figure> totals;
  for (const auto& f : r.by_method) {
    auto& t = totals[f.key[0]];
    t.key = {f.key[0]};
    t.count += f.count;
    t.value_fen += f.value_fen;
    t.last_year_count += f.last_year_count;
    t.last_year_value_fen += f.last_year_value_fen;
  }
  // The baseline by month carries the whole baseline of the period: the sales' total.
  if (r.baseline_year && totals.contains("sale")) {
    for (const auto& f : r.by_month) {
      totals["sale"].baseline_count += f.baseline_count;
      totals["sale"].baseline_value_fen += f.baseline_value_fen;
    }
  }
  for (auto& [flow, t] : totals) r.totals.push_back(std::move(t));
  return r;
}

Result<int64_t> StatisticsService::ImportBaseline(const identity::Principal& actor,
                                                  std::string_view csv) const {
  RECIRC_TRY(std::string jurisdiction, JurisdictionOf(actor));
  RECIRC_TRY(auto rows, ParseBaselineCsv(csv, baseline_year_, jurisdiction));
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    for (const auto& row : rows) RECIRC_CHECK(repo_.SaveBaseline(s, row));
    return Ok();
  }));
  return static_cast<int64_t>(rows.size());
}

}  // namespace recirc::statistics
