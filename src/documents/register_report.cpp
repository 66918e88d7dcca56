#include "documents/register_report.hpp"

#include <array>
#include <cstdio>

#include "core/clock.hpp"
#include "documents/labels.hpp"
#include "documents/spreadsheet_cell.hpp"
#include "documents/xlsx_file.hpp"

namespace recirc::documents {
namespace {

constexpr std::array<const char*, 12> kHeader = {
    "number",   "registered_at", "outlet_id", "kind",    "channel", "price_yuan",
    "category", "brand",         "model",     "item_id", "status",  "acquisition_id"};
// The spreadsheet is read by people: Chinese column names and values, times in China Standard
// Time. The CSV keeps the codes and RFC 3339 times for machines.
constexpr std::array<const char*, 12> kHeaderZh = {"登记号",   "登记时间（北京时间）",
                                                   "门店编号", "收购方式",
                                                   "渠道",     "价格（元）",
                                                   "品类",     "品牌",
                                                   "型号",     "物品编号",
                                                   "登记状态", "登记编号"};

// Every text cell passes through NeutraliseSpreadsheetCell: brand, model and category are typed by
// shop staff and end up in a police officer's spreadsheet program.
std::vector<std::string> Cells(const RegisterLine& l) {
  const auto& a = l.acquisition;
  char price[32];
  std::snprintf(price, sizeof price, "%lld.%02lld", static_cast<long long>(a.price_fen / 100),
                static_cast<long long>(a.price_fen % 100));
  std::vector<std::string> cells = {std::to_string(a.number),
                                    FormatRfc3339(FromUnixMillis(a.created_at)),
                                    a.outlet_id,
                                    a.kind,
                                    a.channel,
                                    price,
                                    l.item.category,
                                    l.item.brand,
                                    l.item.model,
                                    a.item_id,
                                    ToString(a.status),
                                    a.id};
  for (auto& c : cells) c = NeutraliseSpreadsheetCell(c);
  return cells;
}

}  // namespace

boost::json::object RegisterJson(const std::vector<RegisterLine>& lines) {
  boost::json::array items;
  for (const auto& l : lines) {
    const auto& a = l.acquisition;
    items.push_back(
        {{"id", a.id},
         {"organisation_id", a.organisation_id},
         {"outlet_id", a.outlet_id},
         {"number", a.number},
         {"item_id", a.item_id},
         {"item",
          {{"category", l.item.category}, {"brand", l.item.brand}, {"model", l.item.model}}},
         {"seller_id", a.seller_id},
         {"kind", a.kind},
         {"channel", a.channel},
         {"price_fen", a.price_fen},
         {"region_code", a.region_code},
         {"status", ToString(a.status)},
         {"created_at", FormatRfc3339(FromUnixMillis(a.created_at))}});
  }
  return boost::json::object{{"items", std::move(items)}};
}

std::string RegisterCsv(const std::vector<RegisterLine>& lines) {
  std::string out;
  for (size_t i = 0; i < kHeader.size(); ++i) out += (i ? "," : "") + std::string(kHeader[i]);
  out += "\r\n";
  for (const auto& l : lines) {
    const auto cells = Cells(l);
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\r\n";
  }
  return out;
}

Result<std::string> RegisterXlsx(const std::vector<RegisterLine>& lines) {
  return WriteWorkbook("Excel report", [&](lxw_workbook* book) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, "register");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (size_t c = 0; c < kHeaderZh.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), kHeaderZh[c], bold);
    }
    for (size_t r = 0; r < lines.size(); ++r) {
      auto cells = Cells(lines[r]);
      const auto& a = lines[r].acquisition;
      cells[1] = ChinaTime(FromUnixMillis(a.created_at));
      cells[3] = RegisterZh(a.kind);
      cells[4] = RegisterZh(a.channel);
      cells[6] = NeutraliseSpreadsheetCell(CategoryZh(lines[r].item.category));
      cells[10] = RegisterZh(ToString(a.status));
      const auto row = static_cast<lxw_row_t>(r + 1);
      worksheet_write_number(sheet, row, 0, static_cast<double>(lines[r].acquisition.number),
                             nullptr);
      for (size_t c = 1; c < cells.size(); ++c) {
        if (c == 5) {
          worksheet_write_number(
              sheet, row, 5, static_cast<double>(lines[r].acquisition.price_fen) / 100.0, nullptr);
        } else {
          worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
        }
      }
    }
  });
}

}  // namespace recirc::documents
