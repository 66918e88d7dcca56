#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "documents/register_report.hpp"
#include "documents/spreadsheet_cell.hpp"

namespace recirc::documents {
namespace {

std::vector<RegisterLine> Lines() {
  RegisterLine l;
  l.acquisition.number = 7;
  l.acquisition.created_at = 1'795'000'000'000;
  l.acquisition.outlet_id = "O1";
  l.acquisition.kind = "purchase";
  l.acquisition.channel = "store";
  l.acquisition.price_fen = 123456;
  l.acquisition.item_id = "I1";
  l.acquisition.status = registry::AcquisitionStatus::kHeld;
  l.acquisition.id = "A1";
  l.item = {"I1", "phone", "Apple", "iPhone 13, \"Pro\"", registry::ItemStatus::kHeld, 0};
  return {l};
}

TEST(RegisterReportTest, CsvQuotesWhatNeedsIt) {
  const std::string csv = RegisterCsv(Lines());
  EXPECT_TRUE(csv.starts_with("number,registered_at,outlet_id,"));
  EXPECT_NE(csv.find("7,2026-11-18T11:06:40.000Z,O1,purchase,store,1234.56,phone,Apple,"
                     "\"iPhone 13, \"\"Pro\"\"\",I1,held,A1\r\n"),
            std::string::npos)
      << csv;
}

TEST(RegisterReportTest, XlsxIsAZipWorkbook) {
  auto xlsx = RegisterXlsx(Lines());
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  ASSERT_GT(xlsx->size(), 1000u);
  EXPECT_EQ(xlsx->substr(0, 2), "PK") << "an Office Open XML file is a zip archive";
  EXPECT_NE(xlsx->find("xl/worksheets/sheet1.xml"), std::string::npos);
}

// The spreadsheet is for people: Chinese column names and values, the time in Beijing time.
TEST(RegisterReportTest, XlsxSpeaksChinese) {
  auto xlsx = RegisterXlsx(Lines());
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  const auto path = std::filesystem::temp_directory_path() /
                    ("recirc-register-zh-" + std::to_string(::getpid()) + ".xlsx");
  std::ofstream(path, std::ios::binary) << *xlsx;
  std::string strings;
  FILE* p = ::popen(("unzip -p " + path.string() + " xl/sharedStrings.xml").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::array<char, 4096> buf{};
  for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;) strings.append(buf.data(), n);
  ::pclose(p);
  std::filesystem::remove(path);
  for (const char* expected :
       {"登记号", "收购方式", "收购", "到店", "手机", "扣留", "2026-11-18 19:06"}) {
    EXPECT_NE(strings.find(expected), std::string::npos) << expected << "\n" << strings;
  }
  for (const char* code : {">purchase<", ">store<", ">held<", ">phone<", ">registered_at<"}) {
    EXPECT_EQ(strings.find(code), std::string::npos) << code << "\n" << strings;
  }
}

TEST(SpreadsheetCellTest, FormulaStartsGetAQuote) {
  for (const std::string start : {"=", "+", "-", "@", "\t", "\r"}) {
    EXPECT_EQ(NeutraliseSpreadsheetCell(start + "HYPERLINK(\"x\")"),
              "'" + start + "HYPERLINK(\"x\")");
  }
  EXPECT_EQ(NeutraliseSpreadsheetCell("iPhone 13"), "iPhone 13");
  EXPECT_EQ(NeutraliseSpreadsheetCell("a=b"), "a=b");
  EXPECT_EQ(NeutraliseSpreadsheetCell(""), "");
}

std::vector<RegisterLine> FormulaLines() {
  auto lines = Lines();
  lines[0].item.brand = "=HYPERLINK(\"http://evil.example\",\"Apple\")";
  lines[0].item.model = "@SUM(1+1)";
  lines[0].item.category = "-2+3";
  return lines;
}

TEST(RegisterReportTest, CsvNeutralisesFormulas) {
  const std::string csv = RegisterCsv(FormulaLines());
  EXPECT_NE(
      csv.find(",'-2+3,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Apple\"\")\",'@SUM(1+1),"),
      std::string::npos)
      << csv;
}

TEST(RegisterReportTest, XlsxNeutralisesFormulas) {
  auto xlsx = RegisterXlsx(FormulaLines());
  ASSERT_TRUE(xlsx) << xlsx.error().message;
  const auto path = std::filesystem::temp_directory_path() /
                    ("recirc-register-test-" + std::to_string(::getpid()) + ".xlsx");
  std::ofstream(path, std::ios::binary) << *xlsx;
  std::string strings;
  FILE* p = ::popen(("unzip -p " + path.string() + " xl/sharedStrings.xml").c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) strings.append(buf.data(), n);
  ::pclose(p);
  std::filesystem::remove(path);
  EXPECT_NE(strings.find(R"(<t>'=HYPERLINK("http://evil.example","Apple")</t>)"), std::string::npos)
      << strings;
  EXPECT_NE(strings.find("<t>'@SUM(1+1)</t>"), std::string::npos) << strings;
  EXPECT_NE(strings.find("<t>'-2+3</t>"), std::string::npos) << strings;
}

}  // namespace
}  // namespace recirc::documents
