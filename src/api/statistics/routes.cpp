// GET /api/v1/statistics/transactions: the figures of a period (from, to: YYYY-MM), a region
// (region: 2, 4 or 6 digits), a category and a flow, as JSON or (format=csv, xlsx) the exports
// with small cells suppressed.
#include "api/statistics/routes.hpp"

#include "api/statistics/dto.hpp"
#include "documents/statistics_report.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

std::vector<dto::StatFigure> Figures(const std::vector<statistics::Figure>& in) {
  std::vector<dto::StatFigure> out;
  out.reserve(in.size());
  for (const auto& f : in) {
    out.push_back({f.key, f.count, f.value_fen, f.last_year_count, f.last_year_value_fen,
                   f.baseline_count, f.baseline_value_fen});
  }
  return out;
}

Result<http::Response> Transactions(const StatisticsApi& d, http::RequestContext& ctx) {
  const statistics::StatisticsQuery q{ctx.Query("from"), ctx.Query("to"), ctx.Query("region"),
                                      ctx.Query("category"), ctx.Query("flow")};
  const std::string format = ctx.Query("format").value_or("json");
  if (format != "json" && format != "csv" && format != "xlsx") {
    return Error::InvalidArgument("format", "the format is json, csv or xlsx")
        .Id("statistics.format");
  }
  RECIRC_TRY(auto r, d.statistics.Transactions(ctx.Actor(), q));
  if (format == "json") {
    return http::Json(
        200, boost::json::value_from(dto::TransactionStatistics{
                 r.from_month, r.to_month, r.region_prefix, r.category, r.flow, r.baseline_year,
                 Figures(r.totals), Figures(r.by_month), Figures(r.by_district),
                 Figures(r.by_category), Figures(r.by_method)}));
  }
  http::Response out;
  if (format == "csv") {
    out = http::Text(200, "text/csv; charset=utf-8",
                     documents::TransactionsCsv(r, d.statistics.min_cell()));
  } else {
    RECIRC_TRY(std::string xlsx, documents::TransactionsXlsx(r, d.statistics.min_cell()));
    out = http::Text(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     std::move(xlsx));
  }
  out.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"recirc-transactions." + format + "\"");
  return out;
}

Result<http::Response> ImportBaseline(const StatisticsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(int64_t n, d.statistics.ImportBaseline(ctx.Actor(), ctx.request.body()));
  return http::Json(
      201, boost::json::value_from(dto::BaselineImported{n, d.statistics.baseline_year()}));
}

}  // namespace

void AddStatisticsRoutes(std::vector<http::Route>& routes, const StatisticsApi& d) {
  routes.push_back({http::Verb::get, "/api/v1/statistics/transactions",
                    identity::Permission::kStatisticsRead,
                    [&d](http::RequestContext& c) { return Transactions(d, c); }, 0});
  routes.push_back(
      {http::Verb::post, "/api/v1/statistics/baseline", identity::Permission::kStatisticsManage,
       [&d](http::RequestContext& c) { return ImportBaseline(d, c); }, size_t{8} * 1024 * 1024});
  http::Describe(routes, http::Verb::post, "/api/v1/statistics/baseline",
                 http::Document<void, dto::BaselineImported>(
                     "Import the city's baseline (text/csv: month,region_code,category,"
                     "transactions,value_yuan; months of the baseline year, districts of your "
                     "jurisdiction); all rows or none, a row replaces its cell",
                     "statistics", 201)
                     .Body("text/csv", R"js({"type": "string"})js",
                           "month,region_code,category,transactions,value_yuan\n2024-01,110105,"
                           "phone,1200,3456789.50\n"));
  http::Describe(
      routes, http::Verb::get, "/api/v1/statistics/transactions",
      http::Document<void, dto::TransactionStatistics>(
          "Transactions (acquisitions and sales) counted and valued for a period, "
          "region and category, by month, district, category and method, each beside "
          "the same months a year earlier; the authorities see their jurisdiction. "
          "format=csv or xlsx: the exports, cells under the node's minimum suppressed.",
          "statistics")
          .Query("from", R"js({"type": "string"})js",
                 "first month, YYYY-MM (default: January of this year)")
          .Query("to", R"js({"type": "string"})js", "last month, YYYY-MM (default: this month)")
          .Query("region", R"js({"type": "string"})js",
                 "GB/T 2260 code of a province (2 digits), city (4) or district (6); default: your "
                 "jurisdiction")
          .Query("category", R"js({"type": "string"})js",
                 "one category code (data/categories.json); default: all")
          .Query("flow", R"js({"type": "string"})js", "acquisition or sale; default: both")
          .Query("format", R"js({"type": "string"})js",
                 "json (default), csv or xlsx (the exports; cells under [statistics] min_cell "
                 "suppressed)"));
}

}  // namespace recirc::api
