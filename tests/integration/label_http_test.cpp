// Item labels over HTTP (both databases): the PDF of a registered item with its QR code pointing
// to the configured public page, no personal data, the size refused by name, permissions; and
// the `recirc label` command.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "app/demo.hpp"
#include "core/validators.hpp"
#include "storage/journal_repository.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

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

struct PdfReading {
  std::string text;  // pdftotext, white space removed (the label's column wraps anywhere)
  std::string qr;    // zbarimg of the page at 300 dpi
  std::string info;  // pdfinfo
};

PdfReading Read(const std::string& pdf) {
  const auto base =
      std::filesystem::temp_directory_path() / ("recirc-label-http-" + std::to_string(::getpid()));
  std::ofstream(base.string() + ".pdf", std::ios::binary) << pdf;
  PdfReading r;
  r.text = Run("pdftotext -enc UTF-8 " + base.string() + ".pdf -");
  std::erase_if(r.text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  r.info = Run("pdfinfo " + base.string() + ".pdf");
  Run("pdftoppm -r 300 -png -singlefile " + base.string() + ".pdf " + base.string());
  r.qr = Run("zbarimg -q --raw " + base.string() + ".png 2>/dev/null");
  std::filesystem::remove(base.string() + ".pdf");
  std::filesystem::remove(base.string() + ".png");
  return r;
}

class LabelHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void Start(std::string public_base_url) {
    app::Config config;
    config.public_base_url = std::move(public_base_url);
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  Headers LogIn(const std::string& username, std::string* organisation_id = nullptr) {
    return LogInDemo(*server_, username, organisation_id);
  }
  std::string RegisterPhone(const Headers& clerk, const std::string& shop_org) {
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk}).body);
    const std::string outlet(
        outlets.as_object()["items"].as_array()[0].as_object()["id"].as_string());
    const std::string imei =
        "86723405123457" + std::string(1, core::ImeiCheckDigit("86723405123457").value());
    auto r = server_->Call(
        {"POST", "/api/v1/acquisitions",
         R"({"outlet_id":")" + outlet +
             R"(","kind":"purchase","channel":"store","price_fen":150000,"payment_method":"cash",)"
             R"("person_matches_id":true,"origin_statement":"自用一年","seller":{"kind":"individual",)"
             R"("name":"李四","phone":"13912345678","id_type":"resident_id","id_number":"11010519491231002X"},)"
             R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60","identifiers":{"imei":")" +
             imei + R"("},"condition":"九成新"}})",
         clerk});
    EXPECT_EQ(r.status, 201u) << r.body;
    return std::string(json::parse(r.body).as_object()["item_id"].as_string());
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(LabelHttpTest, LabelOfARegisteredItemPointsToItsPublicPage) {
  Start("https://shop.example/");
  if (!server_) return;
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  const std::string item = RegisterPhone(clerk, shop_org);

  auto r = server_->Call({"GET", "/api/v1/items/" + item + "/label.pdf?size=60x40", "", clerk});
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "application/pdf");
  const PdfReading pdf = Read(r.body);
  EXPECT_EQ(pdf.qr, "https://shop.example/items/" + item + "\n");
  for (const std::string& expected :
       {item.substr(18, 4) + "-" + item.substr(22, 4), std::string("手机Mobilephone"),
        std::string("HuaweiMate60"), std::string("recirc.example/log"), item}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << " in " << pdf.text;
  }
  // Nothing about the seller, the price or the identifiers.
  for (const char* personal : {"李四", "1391234", "11010519491231002X", "1500", "86723405"}) {
    EXPECT_EQ(pdf.text.find(personal), std::string::npos) << personal;
  }
  EXPECT_NE(pdf.info.find("170.079 x 113.386 pts"), std::string::npos) << pdf.info;

  // The default size, and an inspector (items.service) may print too.
  auto inspector = LogIn("inspector");
  auto d = server_->Call({"GET", "/api/v1/items/" + item + "/label.pdf", "", inspector});
  ASSERT_EQ(d.status, 200u) << d.body;
  EXPECT_NE(Read(d.body).info.find("141.732 x 85.0394 pts"), std::string::npos) << "50x30 mm";
}

TEST_P(LabelHttpTest, RefusalsNameTheProblem) {
  Start("");
  if (!server_) return;
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  const std::string item = RegisterPhone(clerk, shop_org);
  const std::string path = "/api/v1/items/" + item + "/label.pdf";

  auto bad = server_->Call({"GET", path + "?size=12x7", "", clerk});
  ASSERT_EQ(bad.status, 400u) << bad.body;
  auto error = json::parse(bad.body).as_object()["error"].as_object();
  EXPECT_EQ(error["field"].as_string(), "size");
  EXPECT_NE(std::string(error["message"].as_string()).find("100x70"), std::string::npos);

  EXPECT_EQ(server_->Call({"GET", "/api/v1/items/01M82QGDFSEZ4VR0P0J7CYX2FC/label.pdf", "", clerk})
                .status,
            404u);
  // A malformed id is refused naming the field before anything is looked up.
  auto malformed = server_->Call({"GET", "/api/v1/items/not-an-item/label.pdf", "", clerk});
  ASSERT_EQ(malformed.status, 400u) << malformed.body;
  EXPECT_EQ(json::parse(malformed.body).as_object()["error"].as_object()["field"].as_string(),
            "id");
  EXPECT_EQ(server_->Call({"GET", path}).status, 401u);
  EXPECT_EQ(server_->Call({"GET", path, "", LogIn("police.chaoyang")}).status, 403u);

  // Without a configured public address the QR code uses the listen address, never the
  // request's Host header (which anyone may set).
  Headers evil_host = clerk;
  evil_host.emplace_back("Host", "evil.example");
  auto r = server_->Call({"GET", path + "?size=40x30", "", evil_host});
  ASSERT_EQ(r.status, 200u);
  const std::string qr = Read(r.body).qr;
  EXPECT_TRUE(qr.starts_with("http://127.0.0.1:")) << qr;
  EXPECT_EQ(qr.find("evil"), std::string::npos) << qr;
  EXPECT_TRUE(qr.ends_with("/items/" + item + "\n")) << qr;
}

INSTANTIATE_TEST_SUITE_P(Db, LabelHttpTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

// `recirc label` on a node's own database: seed one synthetic item, then print its label.
TEST(LabelCommandTest, WritesTheLabelOfAnItem) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("recirc_label_cmd_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  app::Config config;
  config.data_dir = dir;
  config.public_base_url = "https://city.example";
  config.password_cost = crypto::PasswordCost::kInteractive;
  std::ostringstream out;
  ASSERT_EQ(app::RunSeed(config, 1, out), 0) << out.str();

  auto db = storage::OpenDatabase(config.DatabaseUrl(), 1);
  ASSERT_TRUE(db);
  SystemClock clock;
  SeededRandom random(1);
  storage::JournalRepository journal(clock, random);
  auto events = storage::ReadValue<std::vector<storage::EventRecord>>(
      **db, [&](storage::Session& s) { return journal.ReadAfter(s, 0, 10'000); });
  ASSERT_TRUE(events);
  std::string item;
  for (const auto& e : *events) {
    if (e.type == "item.acquired") item = e.aggregate_id;
  }
  ASSERT_FALSE(item.empty());
  db->reset();

  const std::string file = (dir / "label.pdf").string();
  std::ostringstream label_out;
  ASSERT_EQ(app::RunLabel(config, item, "100x70", file, label_out), 0) << label_out.str();
  std::ifstream in(file, std::ios::binary);
  const std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const PdfReading reading = Read(pdf);
  EXPECT_EQ(reading.qr, "https://city.example/items/" + item + "\n");
  EXPECT_NE(reading.text.find(item), std::string::npos) << reading.text;

  std::ostringstream bad;
  EXPECT_EQ(app::RunLabel(config, item, "7x7", file, bad), 2);
  EXPECT_NE(bad.str().find("size"), std::string::npos) << bad.str();
  std::ostringstream missing;
  EXPECT_EQ(app::RunLabel(config, "01M82QGDFSEZ4VR0P0J7CYX2FC", "50x30", file, missing), 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace recirc::testing
