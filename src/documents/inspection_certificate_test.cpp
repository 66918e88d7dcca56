#include "documents/inspection_certificate.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace recirc::documents {
namespace {

namespace json = boost::json;

json::object PhoneReport() {
  return json::parse(R"({
    "type": "recirc.inspection_report.v1", "id": "01RPT0000000000000000000AB",
    "item": {"id": "01ITEM00000000000000000000", "category": "phone", "brand": "Apple",
             "model": "iPhone 13"},
    "inspection_body": {"organisation_id": "01ORG", "name": "北京质检中心", "key": "k"},
    "inspector_id": "01USER", "checklist": {"category": "phone", "version": 1},
    "results": {"powers_on": "pass", "display": "fail", "battery_health": 76,
                "screen_glass": "cracked"},
    "grade": {"functional": {"value": "2", "name": {"zh": "两项功能有问题或电池衰减",
                                                   "en": "Two functions impaired, or a worn battery"},
                             "because": [{"zh": "电池健康度低于 80%", "en": "Battery below 80%"}]},
              "cosmetic": {"value": "D", "name": {"zh": "严重损伤", "en": "Heavy damage"},
                           "because": []}},
    "defects": ["左上角划痕 scratch top left"], "inspected_at": "2026-12-01T10:00:00.000Z",
    "authenticity": null})")
      .as_object();
}

// The text pdftotext (poppler-utils) extracts from the PDF: what a reader or a search finds.
std::string PdfText(const std::string& pdf) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / ("recirc-cert-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  FILE* p = ::popen(("pdftotext -enc UTF-8 -layout " + path.string() + " -").c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  ::pclose(p);
  std::filesystem::remove(path);
  return out;
}

// Runs a shell command and returns what it printed on standard output.
std::string RunCommand(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  ::pclose(p);
  return out;
}

TEST(InspectionCertificateTest, QrCodeReadsAsTheVerificationUrl) {
  const json::object report = PhoneReport();
  const std::string url = "http://127.0.0.1:8080/verify/report/01RPT0000000000000000000AB";
  auto pdf = InspectionCertificatePdf({report, "sig", "key", url, nullptr});
  ASSERT_TRUE(pdf);
  const auto base =
      std::filesystem::temp_directory_path() / ("recirc-qr-" + std::to_string(::getpid()));
  std::ofstream(base.string() + ".pdf", std::ios::binary) << *pdf;
  // The page as a picture (poppler-utils), then the QR code read back (zbar-tools).
  RunCommand("pdftoppm -r 150 -png -f 1 -l 1 -singlefile " + base.string() + ".pdf " +
             base.string());
  const std::string read = RunCommand("zbarimg -q --raw " + base.string() + ".png 2>/dev/null");
  std::filesystem::remove(base.string() + ".pdf");
  std::filesystem::remove(base.string() + ".png");
  EXPECT_EQ(read, url + "\n");
}

TEST(InspectionCertificateTest, PdfHasTheFieldNamesAndValuesInChineseAndEnglish) {
  auto catalogue = inspection::Catalogue::Embedded();
  ASSERT_TRUE(catalogue) << catalogue.error().message;
  const json::object report = PhoneReport();
  auto pdf = InspectionCertificatePdf({report, "c2lnbmF0dXJl", "recirc-inspection/01ORG+abcd+KEY",
                                       "http://127.0.0.1:8080/verify/report/01RPT",
                                       catalogue->Find("phone", 1)});
  ASSERT_TRUE(pdf) << pdf.error().message;
  ASSERT_TRUE(pdf->starts_with("%PDF-"));
  const std::string text = PdfText(*pdf);
  for (const char* expected : {"检测报告",
                               "Inspection Report Certificate",
                               "报告编号",
                               "Report ID",
                               "01RPT0000000000000000000AB",
                               "检测机构",
                               "Inspection body",
                               "北京质检中心",
                               "品牌",
                               "Brand",
                               "Apple",
                               "iPhone 13",
                               "手机",
                               "功能等级",
                               "Functional grade",
                               "外观等级",
                               "Cosmetic grade",
                               "两项功能有问题或电池衰减",
                               "电池健康度",
                               "Battery health",
                               "76 %",
                               "不合格 / Fail",
                               "合格 / Pass",
                               "碎裂 / Cracked",
                               "2026-12-01 18:00 (UTC+8)",
                               "电池健康度低于 80%",
                               "左上角划痕",
                               "Known defects",
                               "c2lnbmF0dXJl",
                               "recirc-inspection/01ORG+abcd+KEY",
                               "http://127.0.0.1:8080/verify/report/01RPT"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  // The checks in the checklist's order, not the report's alphabetical one.
  EXPECT_LT(text.find("Powers on"), text.find("Display")) << text;
  EXPECT_LT(text.find("Display"), text.find("Battery health")) << text;
}

TEST(InspectionCertificateTest, WithoutTheChecklistTheCheckIdsAreShown) {
  const json::object report = PhoneReport();
  auto pdf = InspectionCertificatePdf({report, "sig", "key", "http://x/verify/report/1", nullptr});
  ASSERT_TRUE(pdf);
  const std::string text = PdfText(*pdf);
  EXPECT_NE(text.find("battery_health"), std::string::npos) << text;
  EXPECT_EQ(text.find("Battery health"), std::string::npos) << text;
}

}  // namespace
}  // namespace recirc::documents
