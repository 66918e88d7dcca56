// Inspection over HTTP: an inspector signs a report, anyone verifies it without an account, a
// shop records sanitization and repairs, and the public disclosure follows the events.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/demo.hpp"
#include "app/log_commands.hpp"
#include "core/validators.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class InspectionHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  Headers LogIn(const std::string& username, std::string* organisation_id = nullptr) {
    return LogInDemo(*server_, username, organisation_id);
  }
  // Registers a phone at the shop's first outlet and returns its item id.
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
             R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X"},)"
             R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60","identifiers":{"imei":")" +
             imei + R"("},"condition":"九成新"}})",
         clerk});
    EXPECT_EQ(r.status, 201u) << r.body;
    return std::string(json::parse(r.body).as_object()["item_id"].as_string());
  }
  std::unique_ptr<TestServer> server_;
};

const char* kResults =
    R"({"results":{"powers_on":"pass","display":"pass","touch":"pass","cameras":"pass",)"
    R"("audio":"pass","buttons":"pass","charging":"pass","connectivity":"pass",)"
    R"("battery_health":77,"liquid_indicator":"not_triggered","activation_lock":"off",)"
    R"("screen_glass":"flawless","housing":"light_wear",)"
    R"("photo_front":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",)"
    R"("photo_back":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}})";

TEST_P(InspectionHttpTest, SignedReportVerifiesPubliclyAndTheDisclosureFollows) {
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  const std::string item = RegisterPhone(clerk, shop_org);
  auto inspector = LogIn("inspector");

  // A grade typed by hand is refused; the results are checked by name.
  auto typed = server_->Call({"POST", "/api/v1/items/" + item + "/inspections",
                              R"({"results":{},"grade":"A"})", inspector});
  EXPECT_EQ(typed.status, 400u);
  EXPECT_EQ(json::parse(typed.body).at("error").at("field"), "grade");
  auto shop_tries =
      server_->Call({"POST", "/api/v1/items/" + item + "/inspections", kResults, clerk});
  // A phone needs a third-party body: the shop's own report is refused naming the category.
  EXPECT_EQ(shop_tries.status, 400u) << shop_tries.body;
  EXPECT_EQ(json::parse(shop_tries.body).at("error").at("field"), "item.category");

  auto submitted =
      server_->Call({"POST", "/api/v1/items/" + item + "/inspections", kResults, inspector});
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  auto signed_report = json::parse(submitted.body).as_object();
  const auto& report = signed_report.at("report").as_object();
  EXPECT_EQ(report.at("grade").at("functional").at("value"), "2");  // battery below 80%
  EXPECT_EQ(report.at("grade").at("cosmetic").at("value"), "B");
  const std::string id(report.at("id").as_string());

  // Anyone, without an account.
  auto fetched = server_->Call({"GET", "/api/v1/reports/" + id});
  ASSERT_EQ(fetched.status, 200u);
  auto verify = server_->Call({"POST", "/api/v1/reports/verify", fetched.body});
  ASSERT_EQ(verify.status, 200u) << verify.body;
  EXPECT_EQ(json::parse(verify.body).at("valid"), true);
  auto tampered = json::parse(fetched.body).as_object();
  tampered["report"].as_object()["grade"].as_object()["functional"].as_object()["value"] = "0";
  auto refused = server_->Call({"POST", "/api/v1/reports/verify", json::serialize(tampered)});
  ASSERT_EQ(refused.status, 200u);
  EXPECT_EQ(json::parse(refused.body).at("valid"), false);
  EXPECT_EQ(json::parse(refused.body).at("reason"), "signature_mismatch");

  // Offline, with nothing but the inspection body's key: `recirc verify FILE --key KEY`.
  const std::string key(json::parse(fetched.body).at("verifier_key").as_string());
  const auto file = std::filesystem::temp_directory_path() /
                    ("recirc_report_" + std::to_string(::getpid()) + "_" + id + ".json");
  std::ofstream(file) << fetched.body;
  std::ostringstream offline;
  EXPECT_EQ(app::RunVerify({file.string(), key, {}, std::nullopt}, offline), 0) << offline.str();
  EXPECT_NE(offline.str().find("verified: inspection report " + id), std::string::npos);
  std::ofstream(file) << json::serialize(tampered);
  std::ostringstream altered;
  EXPECT_EQ(app::RunVerify({file.string(), key, {}, std::nullopt}, altered), 1);
  EXPECT_NE(altered.str().find("NOT VERIFIED: inspection report " + id + ": signature_mismatch"),
            std::string::npos)
      << altered.str();
  std::filesystem::remove(file);

  // The shop cannot offer the phone before a passing sanitization; the disclosure says so.
  auto disclosure = server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"});
  ASSERT_EQ(disclosure.status, 200u);
  auto d1 = json::parse(disclosure.body).as_object();
  EXPECT_EQ(d1.at("version"), 1);
  EXPECT_NE(d1.at("text").at("en").as_string().find("77%"), json::string::npos);

  auto wipe = server_->Call(
      {"POST", "/api/v1/items/" + item + "/sanitizations",
       R"({"manufacturer":"Huawei","model":"Mate 60","serial":"SN123","media_type":"flash",)"
       R"("media_source":"internal storage","level":"purge","method":"block_erase",)"
       R"("tool":"wipe","tool_version":"1.0","verification_method":"read-back",)"
       R"("verification_result":"passed",)"
       R"("sanitizer":{"name":"A","title":"tech","date":"2026-12-01","place":"Beijing"},)"
       R"("verifier":{"name":"B","title":"lead","date":"2026-12-01","place":"Beijing"},)"
       R"("consent":{"given":true,"scope":"all user data","method_explained":true,"date":"2026-12-01"},)"
       R"("destination":"resale"})",
       clerk});
  ASSERT_EQ(wipe.status, 201u) << wipe.body;
  const std::string cert(json::parse(wipe.body).at("id").as_string());
  EXPECT_EQ(server_->Call({"GET", "/api/v1/sanitizations/" + cert, "", clerk}).status, 200u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/sanitizations/" + cert, "", LogIn("shop.admin")}).status,
            200u);

  auto repair = server_->Call({"POST", "/api/v1/items/" + item + "/repairs",
                               R"({"repaired_at":"2026-12-01","repairer_name":"Zhou",)"
                               R"("description":"battery replaced","parts":[{"part":"battery",)"
                               R"("origin":"third_party","brand":"Desay","maker":"Desay"}]})",
                               clerk});
  ASSERT_EQ(repair.status, 201u) << repair.body;
  auto bad_part = server_->Call({"POST", "/api/v1/items/" + item + "/repairs",
                                 R"({"repaired_at":"2026-12-01","repairer_name":"Zhou",)"
                                 R"("description":"x","parts":[{"part":"battery"}]})",
                                 clerk});
  EXPECT_EQ(bad_part.status, 400u);
  EXPECT_EQ(json::parse(bad_part.body).at("error").at("field"), "parts[0].origin");

  auto d3 = json::parse(server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"}).body);
  EXPECT_EQ(d3.at("version"), 3);
  const std::string en(d3.at("text").at("en").as_string());
  EXPECT_NE(en.find("third-party"), std::string::npos) << en;
  EXPECT_NE(en.find("verified"), std::string::npos) << en;
  EXPECT_EQ(en.find("Zhou"), std::string::npos);
  auto old =
      json::parse(server_->Call({"GET", "/api/v1/items/" + item + "/disclosure?version=1"}).body);
  EXPECT_EQ(old.at("text"), d1.at("text"));

  // Re-inspection, compared with the first.
  std::string second_results = kResults;
  second_results.replace(second_results.find("77"), 2, "95");
  auto again =
      server_->Call({"POST", "/api/v1/items/" + item + "/inspections", second_results, inspector});
  ASSERT_EQ(again.status, 201u);
  const std::string id2(json::parse(again.body).at("report").at("id").as_string());
  auto compare = server_->Call({"GET", "/api/v1/reports/" + id2 + "/compare?with=" + id});
  ASSERT_EQ(compare.status, 200u) << compare.body;
  const auto diffs = json::parse(compare.body).at("differences").as_array();
  ASSERT_EQ(diffs.size(), 2u) << compare.body;
  EXPECT_EQ(diffs[0].at("id"), "battery_health");
  EXPECT_EQ(diffs[1].at("id"), "functional");
  EXPECT_EQ(server_->Call({"GET", "/api/v1/items/" + item + "/reports"}).status, 200u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/checklists/phone"}).status, 200u);
}

TEST_P(InspectionHttpTest, GradePreviewFollowsTheResultsAndStoresNothing) {
  // Partial results: the grade so far and the required checks still missing.
  auto partial = server_->Call(
      {"POST", "/api/v1/checklists/phone/grade", R"({"results":{"battery_health":91}})"});
  ASSERT_EQ(partial.status, 200u) << partial.body;
  auto p = json::parse(partial.body).as_object();
  EXPECT_EQ(p.at("complete"), false);
  EXPECT_EQ(p.at("grade").at("functional").at("value"), "0");
  bool powers_on_missing = false;
  for (const auto& m : p.at("missing").as_array()) powers_on_missing |= m == "powers_on";
  EXPECT_TRUE(powers_on_missing);
  EXPECT_FALSE(p.at("missing").as_array().empty());

  // One changed result: battery health below 80% caps the functional grade at 2.
  auto worn = server_->Call({"POST", "/api/v1/checklists/phone/grade", kResults});
  ASSERT_EQ(worn.status, 200u) << worn.body;
  auto w = json::parse(worn.body).as_object();
  EXPECT_EQ(w.at("complete"), true);
  EXPECT_EQ(w.at("grade").at("functional").at("value"), "2");
  EXPECT_FALSE(w.at("grade").at("functional").at("because").as_array().empty());

  // Wrong values are named as for a submission; unknown categories are 404.
  auto bad = server_->Call(
      {"POST", "/api/v1/checklists/phone/grade", R"({"results":{"battery_health":101}})"});
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(json::parse(bad.body).at("error").at("field"), "results.battery_health");
  auto grade =
      server_->Call({"POST", "/api/v1/checklists/phone/grade", R"({"results":{},"grade":"A"})"});
  EXPECT_EQ(grade.status, 400u);
  EXPECT_EQ(json::parse(grade.body).at("error").at("field"), "grade");
  EXPECT_EQ(server_->Call({"POST", "/api/v1/checklists/rocket/grade", R"({"results":{}})"}).status,
            404u);
}

TEST_P(InspectionHttpTest, CertificatePdfIsPublicAndPointsToTheVerificationPage) {
  std::string shop_org;
  auto clerk = LogIn("shop.clerk", &shop_org);
  const std::string item = RegisterPhone(clerk, shop_org);
  auto inspector = LogIn("inspector");
  auto submitted =
      server_->Call({"POST", "/api/v1/items/" + item + "/inspections", kResults, inspector});
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  const std::string id(json::parse(submitted.body).at("report").at("id").as_string());
  // Host header set by the caller: the printed address must not follow it.
  auto pdf = server_->Call(
      {"GET", "/api/v1/reports/" + id + "/certificate.pdf", "", {{"Host", "evil.example"}}});
  ASSERT_EQ(pdf.status, 200u) << pdf.body;
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  const auto file = std::filesystem::temp_directory_path() /
                    ("recirc-certificate-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf.body;
  std::string text;
  if (FILE* p = ::popen(("pdftotext -enc UTF-8 " + file.string() + " -").c_str(), "r")) {
    char buf[4096];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    ::pclose(p);
  }
  std::filesystem::remove(file);
  std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
  EXPECT_NE(text.find("http://127.0.0.1:"), std::string::npos) << text;
  EXPECT_NE(text.find("/verify/report/" + id), std::string::npos) << text;
  EXPECT_EQ(text.find("evil"), std::string::npos) << text;
  EXPECT_EQ(
      server_->Call({"GET", "/api/v1/reports/01M82QGDFSEZ4VR0P0J7CYX2FC/certificate.pdf"}).status,
      404u);
}

// A malformed id in the path (or in ?with=) is 400 naming the field; a well-formed unknown one
// stays 404.
TEST_P(InspectionHttpTest, MalformedIdsAreBadRequestsNamingTheField) {
  auto inspector = LogIn("inspector");
  auto clerk = LogIn("shop.clerk");
  const std::string unknown = "01M82QGDFSEZ4VR0P0J7CYX2FC";
  const auto expect_400 = [&](const HttpCall& r, const char* field) {
    auto answer = server_->Call(r);
    EXPECT_EQ(answer.status, 400u) << r.target << " " << answer.body;
    EXPECT_EQ(json::parse(answer.body).at("error").at("field"), field) << r.target;
  };
  expect_400({"GET", "/api/v1/reports/not-an-id"}, "id");
  expect_400({"GET", "/api/v1/reports/not-an-id/certificate.pdf"}, "id");
  expect_400({"GET", "/api/v1/reports/not-an-id/compare?with=" + unknown}, "id");
  expect_400({"GET", "/api/v1/reports/" + unknown + "/compare?with=not-an-id"}, "with");
  expect_400({"GET", "/api/v1/items/not-an-id/reports"}, "id");
  expect_400({"GET", "/api/v1/items/not-an-id/disclosure"}, "id");
  expect_400({"POST", "/api/v1/items/not-an-id/inspections", kResults, inspector}, "id");
  expect_400({"GET", "/api/v1/sanitizations/not-an-id", "", clerk}, "id");
  expect_400(
      {"POST", "/api/v1/items/not-an-id/repairs",
       R"({"repaired_at":"2026-01-02","repairer_name":"王五","description":"换电池"})", clerk},
      "id");
  EXPECT_EQ(server_->Call({"GET", "/api/v1/reports/" + unknown}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/items/" + unknown + "/disclosure"}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/sanitizations/" + unknown, "", clerk}).status, 404u);
}

INSTANTIATE_TEST_SUITE_P(Db, InspectionHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
