#include "documents/item_label.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

namespace recirc::documents {
namespace {

std::string Run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  ::pclose(p);
  return out;
}

// The PDF written to a temporary file, removed with its derived files at the end.
class PdfFile {
 public:
  explicit PdfFile(const std::string& pdf, const std::string& tag)
      : base_(std::filesystem::temp_directory_path() /
              ("recirc-label-" + tag + "-" + std::to_string(::getpid()))) {
    std::ofstream(pdf_path(), std::ios::binary) << pdf;
  }
  ~PdfFile() {
    std::filesystem::remove(pdf_path());
    std::filesystem::remove(base_.string() + ".png");
  }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;
  std::string pdf_path() const { return base_.string() + ".pdf"; }
  std::string Text() const { return Run("pdftotext -enc UTF-8 " + pdf_path() + " -"); }
  std::string Info() const { return Run("pdfinfo " + pdf_path()); }
  // The page as a picture (poppler-utils), read by zbarimg (zbar-tools).
  std::string Qr() const {
    Run("pdftoppm -r 300 -png -singlefile " + pdf_path() + " " + base_.string());
    return Run("zbarimg -q --raw " + base_.string() + ".png 2>/dev/null");
  }

 private:
  std::filesystem::path base_;
};

LabelInput Phone() {
  return {"01KBXG7R2M5D9QH4VJ7QK3M9PZ", "https://shop.example/items/01KBXG7R2M5D9QH4VJ7QK3M9PZ",
          "手机 Phone", "Apple iPhone 13", "recirc.example/log"};
}

TEST(ItemLabelTest, ShortIdIsTheLastEightCharactersInTwoGroups) {
  EXPECT_EQ(ShortItemId("01KBXG7R2M5D9QH4VJ7QK3M9PZ"), "7QK3-M9PZ");
  EXPECT_EQ(ShortItemId("ABC"), "ABC");
}

TEST(ItemLabelTest, UnknownSizeNamesTheField) {
  auto size = FindLabelSize("12x7");
  ASSERT_FALSE(size);
  EXPECT_EQ(size.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(size.error().field, "size");
  EXPECT_NE(size.error().message.find("50x30"), std::string::npos) << size.error().message;
  EXPECT_FALSE(FindLabelSize(""));
  EXPECT_FALSE(FindLabelSize("50X30"));
}

class ItemLabelSizeTest : public testing::TestWithParam<std::string_view> {};

TEST_P(ItemLabelSizeTest, PageSizeTextsAndQrCode) {
  auto size = FindLabelSize(GetParam());
  ASSERT_TRUE(size) << size.error().message;
  const LabelInput in = Phone();
  auto pdf = ItemLabelPdf(in, *size);
  ASSERT_TRUE(pdf) << pdf.error().message;
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  PdfFile file(*pdf, std::string(size->name));

  // One page of exactly the label's size (pdfinfo prints points).
  const std::string info = file.Info();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)")))
      << info;
  EXPECT_NEAR(std::stod(m[1].str()) * 25.4 / 72, size->width_mm, 0.05) << info;
  EXPECT_NEAR(std::stod(m[2].str()) * 25.4 / 72, size->height_mm, 0.05) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+1\n)"))) << info;

  // pdftotext may break a line anywhere in the narrow column: compare without white space.
  std::string text = file.Text();
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  for (const char* expected :
       {"7QK3-M9PZ", "手机Phone", "AppleiPhone13", "recirc.example/log", "扫码验证"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " in\n" << text;
  }
  if (size->width_mm >= 60) {
    EXPECT_NE(text.find(in.item_id), std::string::npos) << text;
  }

  EXPECT_EQ(file.Qr(), in.url + "\n");
}

INSTANTIATE_TEST_SUITE_P(EverySize, ItemLabelSizeTest,
                         testing::Values("40x30", "50x30", "60x40", "100x50", "100x70"),
                         [](const auto& info) { return "mm" + std::string(info.param); });

TEST(ItemLabelTest, EverySizeIsTested) { EXPECT_EQ(LabelSizes().size(), 5U); }

TEST(ItemLabelTest, LongModelStillFitsAndTheQrCodeReads) {
  LabelInput in = Phone();
  in.model = "Samsung Galaxy Z Fold6 Ultra Limited Edition 1TB 三星折叠屏特别版";
  auto pdf = ItemLabelPdf(in, *FindLabelSize("40x30"));
  ASSERT_TRUE(pdf);
  PdfFile file(*pdf, "long");
  std::string text = file.Text();
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  EXPECT_NE(text.find("recirc.example/log"), std::string::npos) << text;
  EXPECT_EQ(file.Qr(), in.url + "\n");
}

}  // namespace
}  // namespace recirc::documents
