#include "documents/statistics_report.hpp"

#include <array>
#include <utility>

#include "documents/labels.hpp"
#include "documents/spreadsheet_cell.hpp"
#include "documents/xlsx_file.hpp"

namespace recirc::documents {
namespace {

using statistics::Figure;

// Chinese labels of the flows, formats and channels (the web app's statistics.zh-CN.js).
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kZh = {{
    {"acquisition", "收购"},
    {"sale", "销售"},
    {"purchase", "收购"},
    {"trade_in", "以旧换新"},
    {"buy_back", "回购"},
    {"consignment_intake", "寄卖"},
    {"donation", "捐赠"},
    {"fixed_price", "一口价"},
    {"english_auction", "竞价"},
    {"store", "门店"},
    {"outlet", "门店"},
    {"online", "线上平台"},
    {"door_to_door", "上门回收"},
    {"flea_market", "跳蚤市场"},
    {"unknown", "未知"},
}};

std::string Zh(std::string_view code) {
  for (const auto& [c, label] : kZh) {
    if (c == code) return std::string(label);
  }
  return std::string(code);
}

}  // namespace

std::string TransactionsCsv(const statistics::StatisticsReport& r, int64_t min_cell) {
  std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheets read the Chinese right
  out += "period," + CsvField(r.from_month + " to " + r.to_month) + "\nregion," +
         CsvField(r.region_prefix.empty() ? "all" : r.region_prefix) + "\ncategory," +
         CsvField(r.category.value_or("all")) + "\nsuppressed below," + std::to_string(min_cell) +
         " transactions\nbaseline year," +
         (r.baseline_year ? std::to_string(*r.baseline_year) : std::string("none")) + "\n";
  auto cell = [&](int64_t count, int64_t value) {
    if (count < min_cell) return std::string("suppressed,suppressed");
    return std::to_string(count) + "," + std::to_string(value);
  };
  auto section = [&](std::string_view title, std::string_view columns,
                     const std::vector<Figure>& figures) {
    out += "\n" + std::string(title) + "\n" + std::string(columns) +
           ",count,value_fen,last_year_count,last_year_value_fen";
    if (r.baseline_year) out += ",baseline_count,baseline_value_fen";
    out += "\n";
    for (const auto& f : figures) {
      for (const auto& k : f.key) out += CsvField(k) + ",";
      out += cell(f.count, f.value_fen) + "," + cell(f.last_year_count, f.last_year_value_fen);
      if (r.baseline_year) out += "," + cell(f.baseline_count, f.baseline_value_fen);
      out += "\n";
    }
  };
  section("totals", "flow", r.totals);
  section("by month", "month", r.by_month);
  section("by district", "region_code", r.by_district);
  section("by category", "category", r.by_category);
  section("by method", "flow,format,channel", r.by_method);
  return out;
}

Result<std::string> TransactionsXlsx(const statistics::StatisticsReport& r, int64_t min_cell) {
  return WriteWorkbook("statistics workbook", [&](lxw_workbook* book) {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "0.00");
    lxw_format* percent = workbook_add_format(book);
    format_set_num_format(percent, "0.0%");
    const std::string small = "不足 " + std::to_string(min_cell) + " 笔";

    // One sheet a breakdown: its label columns, then 笔数, 金额（万元）, 占比, 上年同期, 同比.
    auto sheet = [&](const char* name, std::vector<std::string> headers,
                     const std::vector<Figure>& figures,
                     const std::function<std::vector<std::string>(const Figure&)>& labels) {
      lxw_worksheet* ws = workbook_add_worksheet(book, name);
      worksheet_write_string(ws, 0, 0,
                             ("统计期间 " + r.from_month + " 至 " + r.to_month + "；地区 " +
                              (r.region_prefix.empty() ? "全部" : r.region_prefix) + "；品类 " +
                              (r.category ? CategoryZh(*r.category) : "全部"))
                                 .c_str(),
                             bold);
      for (const char* h : {"笔数", "金额（万元）", "金额占比", "上年同期笔数",
                            "上年同期金额（万元）", "金额同比"}) {
        headers.emplace_back(h);
      }
      const std::string base = r.baseline_year ? std::to_string(*r.baseline_year) : "";
      if (r.baseline_year) {
        headers.push_back(base + " 年同期金额（万元）");
        headers.push_back("较 " + base + " 年增长");
      }
      for (size_t c = 0; c < headers.size(); ++c) {
        worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), headers[c].c_str(), bold);
      }
      int64_t total = 0;
      for (const auto& f : figures) total += f.value_fen;
      lxw_row_t row = 3;
      for (const auto& f : figures) {
        const auto cells = labels(f);
        auto col = static_cast<lxw_col_t>(cells.size());
        for (size_t c = 0; c < cells.size(); ++c) {
          worksheet_write_string(ws, row, static_cast<lxw_col_t>(c),
                                 NeutraliseSpreadsheetCell(cells[c]).c_str(), nullptr);
        }
        if (f.count < min_cell) {
          worksheet_write_string(ws, row, col, small.c_str(), nullptr);
        } else {
          worksheet_write_number(ws, row, col, static_cast<double>(f.count), nullptr);
          worksheet_write_number(ws, row, col + 1, static_cast<double>(f.value_fen) / 1e6, money);
          if (total != 0) {
            worksheet_write_number(ws, row, col + 2,
                                   static_cast<double>(f.value_fen) / static_cast<double>(total),
                                   percent);
          }
        }
        if (f.last_year_count < min_cell) {
          worksheet_write_string(ws, row, col + 3, small.c_str(), nullptr);
        } else {
          worksheet_write_number(ws, row, col + 3, static_cast<double>(f.last_year_count), nullptr);
          worksheet_write_number(ws, row, col + 4, static_cast<double>(f.last_year_value_fen) / 1e6,
                                 money);
          if (f.count >= min_cell && f.last_year_value_fen != 0) {
            worksheet_write_number(ws, row, col + 5,
                                   static_cast<double>(f.value_fen - f.last_year_value_fen) /
                                       static_cast<double>(f.last_year_value_fen),
                                   percent);
          }
        }
        if (r.baseline_year) {
          if (f.baseline_count < min_cell) {
            worksheet_write_string(ws, row, col + 6, small.c_str(), nullptr);
          } else {
            worksheet_write_number(ws, row, col + 6,
                                   static_cast<double>(f.baseline_value_fen) / 1e6, money);
            if (f.count >= min_cell && f.baseline_value_fen != 0) {
              worksheet_write_number(ws, row, col + 7,
                                     static_cast<double>(f.value_fen - f.baseline_value_fen) /
                                         static_cast<double>(f.baseline_value_fen),
                                     percent);
            }
          }
        }
        ++row;
      }
      worksheet_set_column(ws, 0, 0, 18, nullptr);
      worksheet_set_column(ws, 1, static_cast<lxw_col_t>(headers.size()), 14, nullptr);
    };
    sheet("一、品类", {"品类"}, r.by_category,
          [](const Figure& f) { return std::vector<std::string>{CategoryZh(f.key[0])}; });
    sheet("二、交易方式", {"类别", "方式", "渠道"}, r.by_method, [](const Figure& f) {
      return std::vector<std::string>{Zh(f.key[0]), Zh(f.key[1]), Zh(f.key[2])};
    });
    sheet("三、月度", {"月份"}, r.by_month,
          [](const Figure& f) { return std::vector<std::string>{f.key[0]}; });
    sheet("四、地区", {"地区代码"}, r.by_district,
          [](const Figure& f) { return std::vector<std::string>{f.key[0]}; });
  });
}

}  // namespace recirc::documents
