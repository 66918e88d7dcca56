// The CSV import parsers on their own (the services that store the lines are tested in
// registry_test.cpp and signals_test.cpp); fuzz/csv_import_fuzz.cpp runs them on random bytes.
#include "domain/registry/import_csv.hpp"

#include <gtest/gtest.h>

namespace recirc::registry {
namespace {

TEST(ImportCsvTest, WatchlistLinesAreNormalisedAndNotesKeepCommas) {
  auto lines = ParseWatchlistCsv(
      "identifier_kind,identifier_value,status,note\r\n"
      "imei,49-0154 2032 37518,black,stolen, reported 2026\r\n"
      "\n"
      "serial,ab12,white,\n");
  ASSERT_TRUE(lines) << lines.error().message;
  ASSERT_EQ(lines->size(), 2U);
  EXPECT_EQ((*lines)[0].identifier_value, "490154203237518");
  EXPECT_EQ((*lines)[0].note, "stolen, reported 2026");
  EXPECT_EQ((*lines)[1].identifier_value, "AB12");
  EXPECT_EQ((*lines)[1].note, "");
}

TEST(ImportCsvTest, WatchlistErrorsNameTheLine) {
  auto bad = ParseWatchlistCsv("identifier_kind,identifier_value,status,note\nimei,1,black,x\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "body");
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(ParseWatchlistCsv("kind,value\n"));
  EXPECT_FALSE(ParseWatchlistCsv("identifier_kind,identifier_value,status,note\n"));
  EXPECT_FALSE(
      ParseWatchlistCsv("identifier_kind,identifier_value,status,note\nimei,490154203237518\n"));
}

TEST(ImportCsvTest, ReferenceModelsAreKeyedAndBounded) {
  auto lines = ParseReferenceModelsCsv(
      "category,brand,model,reference_price_fen,release_year\n"
      "phone,Apple,iPhone 15,599900,2023\n"
      "laptop,Lenovo,X1,,\n");
  ASSERT_TRUE(lines) << lines.error().message;
  ASSERT_EQ(lines->size(), 2U);
  EXPECT_EQ((*lines)[0].brand, "apple");
  EXPECT_EQ((*lines)[0].model, "iphone 15");
  EXPECT_EQ((*lines)[0].reference_price_fen, 599900);
  EXPECT_FALSE((*lines)[1].release_year);
  const std::string header = "category,brand,model,reference_price_fen,release_year\n";
  EXPECT_FALSE(ParseReferenceModelsCsv(header + "phone,Apple,X,0,2023\n"));
  EXPECT_FALSE(ParseReferenceModelsCsv(header + "phone,Apple,X,1,1899\n"));
  EXPECT_FALSE(ParseReferenceModelsCsv(header + "phone,Apple,X,1,2023,extra\n"));
  EXPECT_FALSE(ParseReferenceModelsCsv(header + "weapon,A,B,1,2000\n"));
}

}  // namespace
}  // namespace recirc::registry
