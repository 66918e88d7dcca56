// The Idempotency-Key cache keeps no secrets (docs/security.md, "Idempotency cache and register
// search by ID number"): the review's probes replayed through a whole server, then the table read
// directly; a reveal's retry is refused rather than replayed past the access audit; and the
// register search by ID number is an audited POST, with no ID number in any URL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "crypto/token.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

constexpr const char* kIdNumber = "11010519491231002X";
constexpr const char* kReason = "案件 2026-301 核查";

class IdempotencySecretsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    std::string shop_org;
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org);
    police_ = LogInDemo(*server_, "police.chaoyang");
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk_}).body);
    for (const auto& o : outlets.as_object()["items"].as_array()) {
      if (o.as_object().at("region_code") == "110105")
        outlet_id_ = std::string(o.as_object().at("id").as_string());
    }
    ASSERT_FALSE(outlet_id_.empty());
  }

  // shop.clerk registers a phone sold by 李四 at the Chaoyang outlet; returns its id.
  std::string Register(const std::string& imei_stem) {
    const std::string imei = imei_stem + std::string(1, core::ImeiCheckDigit(imei_stem).value());
    const std::string body =
        R"({"outlet_id":")" + outlet_id_ +
        R"(","kind":"purchase","channel":"store","price_fen":150000,"payment_method":"cash",)"
        R"("person_matches_id":true,"origin_statement":"自用一年","seller":{"kind":"individual",)"
        R"("name":"李四","id_type":"resident_id","id_number":")" +
        std::string(kIdNumber) +
        R"(","phone":"13912345678"},"item":{"category":"phone","brand":"Huawei",)"
        R"("model":"Mate 60","identifiers":{"imei":")" +
        imei + R"("},"condition":"九成新"}})";
    Headers h = clerk_;
    h.emplace_back("Idempotency-Key", "intake-" + imei_stem);
    auto r = server_->Call({"POST", "/api/v1/acquisitions", body, h});
    EXPECT_EQ(r.status, 201u) << r.body;
    bodies_.push_back(body);
    return r.status == 201 ? std::string(json::parse(r.body).at("id").as_string()) : "";
  }

  // Sends `body` with an Idempotency-Key and remembers the body (its plain hash must not be kept).
  HttpResult Keyed(const std::string& method, const std::string& target, const std::string& body,
                   Headers headers, const std::string& key) {
    headers.emplace_back("Idempotency-Key", key);
    bodies_.push_back(body);
    return server_->Call({method, target, body, headers});
  }

  // Every column of every row of the idempotency table, as one text.
  std::string IdempotencyTable() {
    auto text = storage::ReadValue<std::string>(
        server_->db(), [](storage::Session& s) -> Result<std::string> {
          RECIRC_TRY(auto rows, s.Query("SELECT principal, key, method, path, body_hash, state, "
                                        "COALESCE(content_type, ''), COALESCE(response, '') "
                                        "FROM idempotency_keys"));
          std::string all;
          for (const auto& r : rows) {
            for (size_t i = 0; i < r.size(); ++i) all += r.Text(i) + "\n";
          }
          return all;
        });
    EXPECT_TRUE(text) << text.error().message;
    return text ? *text : "";
  }

  int64_t AuditRows(const std::string& acquisition_id) {
    auto n =
        storage::ReadValue<int64_t>(server_->db(), [&](storage::Session& s) -> Result<int64_t> {
          RECIRC_TRY(auto r,
                     s.QueryOne("SELECT COUNT(*) FROM access_audit WHERE acquisition_id = $1",
                                {acquisition_id}, "count"));
          return r.Int(0);
        });
    EXPECT_TRUE(n) << n.error().message;
    return n ? *n : -1;
  }

  std::unique_ptr<TestServer> server_;
  Headers clerk_;
  Headers police_;
  std::string outlet_id_;
  std::vector<std::string> bodies_;
};

TEST_P(IdempotencySecretsTest, TheTableHoldsNoSecretNoPersonalDatumAndNoPlainBodyHash) {
  const std::string id = Register("86723405123456");
  ASSERT_FALSE(id.empty());
  auto reveal = Keyed("POST", "/api/v1/police/acquisitions/" + id + "/seller",
                      R"({"reason":")" + std::string(kReason) + R"("})", police_, "reveal-1");
  ASSERT_EQ(reveal.status, 200u) << reveal.body;
  ASSERT_EQ(json::parse(reveal.body).at("name"), "李四");

  auto key = Keyed("POST", "/api/v1/api-keys", R"({"name":"收银台"})", clerk_, "key-1");
  ASSERT_EQ(key.status, 201u) << key.body;
  const std::string secret(json::parse(key.body).at("secret").as_string());

  auto login = Keyed("POST", "/api/v1/session",
                     R"({"username":"shop.clerk","password":"recirc-demo"})", {}, "login-1");
  ASSERT_EQ(login.status, 200u) << login.body;
  const std::string csrf(json::parse(login.body).at("csrf_token").as_string());

  auto signup = Keyed("POST", "/api/v1/buyers",
                      R"({"username":"buyer.wang","password":"wang-secret-2026",)"
                      R"("display_name":"王五"})",
                      {}, "signup-1");
  ASSERT_EQ(signup.status, 201u) << signup.body;

  const std::string table = IdempotencyTable();
  ASSERT_NE(table.find("reveal-1"), std::string::npos) << "the probes went through the cache";
  EXPECT_EQ(table.find(secret), std::string::npos) << "an API key secret";
  EXPECT_EQ(table.find(csrf), std::string::npos) << "a session's CSRF token";
  for (const char* personal : {"李四", kIdNumber, "110105194912310", "13912345678", "自用一年",
                               "王五", "wang-secret-2026", "recirc-demo"}) {
    EXPECT_EQ(table.find(personal), std::string::npos) << personal;
  }
  for (const auto& body : bodies_) {
    EXPECT_EQ(table.find(crypto::Sha256Hex(body)), std::string::npos)
        << "the plain SHA-256 of " << body;
  }
}

TEST_P(IdempotencySecretsTest, ARevealIsNeverReplayedPastTheAccessAudit) {
  const std::string id = Register("86723405123457");
  ASSERT_FALSE(id.empty());
  const std::string target = "/api/v1/police/acquisitions/" + id + "/seller";
  const std::string body = R"({"reason":")" + std::string(kReason) + R"("})";
  auto first = Keyed("POST", target, body, police_, "reveal-2");
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(AuditRows(id), 1);
  auto retry = Keyed("POST", target, body, police_, "reveal-2");
  if (retry.status == 200u) {
    EXPECT_EQ(AuditRows(id), 2) << "a replayed reveal without its audit record";
  } else {
    EXPECT_EQ(retry.status, 409u) << retry.body;
    EXPECT_EQ(json::parse(retry.body).at("error").at("field"), "Idempotency-Key");
    EXPECT_EQ(retry.body.find("李四"), std::string::npos);
    EXPECT_EQ(AuditRows(id), 1);
  }

  // Replayable answers still replay, from their sealed copy.
  auto again =
      Keyed("POST", "/api/v1/acquisitions", bodies_.front(), clerk_, "intake-86723405123457");
  EXPECT_EQ(again.status, 201u) << again.body;
  EXPECT_EQ(again.Header("Idempotent-Replayed"), "true");
  EXPECT_EQ(std::string(json::parse(again.body).at("id").as_string()), id);
}

TEST_P(IdempotencySecretsTest, TheSearchByIdNumberIsAnAuditedPostWithAReason) {
  const std::string id = Register("86723405123458");
  ASSERT_FALSE(id.empty());
  const std::string target = "/api/v1/police/register/by-id-number";
  auto no_reason = server_->Call(
      {"POST", target, R"({"id_type":"resident_id","id_number":")" + std::string(kIdNumber) + "\"}",
       police_});
  EXPECT_EQ(no_reason.status, 400u) << no_reason.body;
  EXPECT_EQ(json::parse(no_reason.body).at("error").at("field"), "reason") << no_reason.body;
  EXPECT_EQ(AuditRows(id), 0);

  auto found = server_->Call({"POST", target,
                              R"({"id_type":"resident_id","id_number":")" + std::string(kIdNumber) +
                                  R"(","reason":")" + kReason + "\"}",
                              police_});
  ASSERT_EQ(found.status, 200u) << found.body;
  const json::value parsed = json::parse(found.body);
  const auto& items = parsed.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id").as_string(), id);
  EXPECT_EQ(AuditRows(id), 1) << "the search is audited like a reveal";
  EXPECT_EQ(server_
                ->Call({"POST", target,
                        R"({"id_type":"resident_id","id_number":")" + std::string(kIdNumber) +
                            R"(","reason":")" + kReason + "\"}",
                        clerk_})
                .status,
            403u);

  // No ID number in a URL: the old GET form is refused and finds nothing, the new path is POST.
  auto in_url = server_->Call(
      {"GET", "/api/v1/police/register?id_type=resident_id&id_number=" + std::string(kIdNumber), "",
       police_});
  EXPECT_NE(in_url.status, 200u) << in_url.body;
  EXPECT_EQ(in_url.body.find(id), std::string::npos);
  EXPECT_EQ(
      server_->Call({"GET", target + "?id_type=resident_id&id_number=" + kIdNumber, "", police_})
          .status,
      405u);
  EXPECT_EQ(AuditRows(id), 1);
}

INSTANTIATE_TEST_SUITE_P(Db, IdempotencySecretsTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
