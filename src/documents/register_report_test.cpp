#include <gtest/gtest.h>

#include "documents/register_report.hpp"

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
  l.acquisition.status = "held";
  l.acquisition.id = "A1";
  l.item = {"I1", "phone", "Apple", "iPhone 13, \"Pro\"", "held", 0};
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

}  // namespace
}  // namespace recirc::documents
