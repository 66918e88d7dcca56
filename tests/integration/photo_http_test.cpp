// Photos of a registration over HTTP: type sniffing, limits, content addressing, encryption of
// ID document images and who may see them.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "crypto/token.hpp"
#include "storage/registry/registry_repository.hpp"
#include "support/test_images.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

// The smallest PNG header plus a marker that must never appear on disk for ID documents.
std::string Png(const std::string& marker) {
  return std::string("\x89PNG\r\n\x1A\n", 8) + "IHDR-test-" + marker;
}

std::string ReadAllFiles(const std::filesystem::path& dir) {
  std::string all;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    all += s.str();
  }
  return all;
}

class PhotoHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    server_ = TestServer::Start(GetParam());
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    std::string shop_org;
    clerk_ = LogIn("shop.clerk", &shop_org);
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org + "/outlets", "", clerk_}).body);
    std::string outlet_id;
    for (const auto& o : outlets.as_object()["items"].as_array()) {
      if (o.as_object().at("region_code") == "110105")
        outlet_id = std::string(o.as_object().at("id").as_string());
    }
    ASSERT_FALSE(outlet_id.empty());
    const std::string imei =
        "35320911123456" + std::string(1, core::ImeiCheckDigit("35320911123456").value());
    auto r = server_->Call(
        {"POST", "/api/v1/acquisitions",
         R"({"outlet_id":")" + outlet_id +
             R"(","kind":"purchase","channel":"store","price_fen":90000,)"
             R"("payment_method":"cash","person_matches_id":true,"origin_statement":"自用",)"
             R"("seller":{"kind":"individual","name":"王五","id_type":"resident_id",)"
             R"("id_number":"11010519491231002X"},"item":{"category":"phone","brand":"Xiaomi",)"
             R"("model":"14","identifiers":{"imei":")" +
             imei + R"("},"condition":"good"}})",
         clerk_});
    ASSERT_EQ(r.status, 201u) << r.body;
    acquisition_id_ = std::string(json::parse(r.body).as_object()["id"].as_string());
    base_ = "/api/v1/acquisitions/" + acquisition_id_ + "/photos";
  }
  Headers LogIn(const std::string& username, std::string* organisation_id = nullptr) {
    return LogInDemo(*server_, username, organisation_id);
  }
  HttpResult Upload(const std::string& kind, const std::string& type, const std::string& bytes,
                    Headers who) {
    who.emplace_back("Content-Type", type);
    return server_->Call({"POST", base_ + "?kind=" + kind, bytes, who});
  }
  static std::string FieldOf(const HttpResult& r) {
    return std::string(json::parse(r.body).as_object()["error"].as_object()["field"].as_string());
  }
  std::unique_ptr<TestServer> server_;
  Headers clerk_;
  std::string acquisition_id_;
  std::string base_;
};

TEST_P(PhotoHttpTest, ItemPhotoIsStoredByItsHashOnceAndReadBack) {
  const std::string png = ColourPng();  // item photos are decoded: a real image
  const std::string sha = crypto::Sha256Hex(png);
  auto first = Upload("item", "image/png", png, clerk_);
  ASSERT_EQ(first.status, 201u) << first.body;
  auto photo = json::parse(first.body).as_object();
  EXPECT_EQ(photo["sha256"].as_string(), sha);
  EXPECT_EQ(photo["media_type"], "image/png");
  EXPECT_EQ(photo["encrypted"], false);
  EXPECT_EQ(photo["in_colour"], true);
  EXPECT_FALSE(photo.contains("message"));
  auto again = Upload("item", "image/png", png, clerk_);
  EXPECT_EQ(again.status, 200u) << "the same bytes again change nothing";
  EXPECT_EQ(json::parse(again.body).as_object()["created_at"], photo["created_at"]);

  auto list = server_->Call({"GET", base_, "", clerk_});
  ASSERT_EQ(list.status, 200u);
  EXPECT_EQ(json::parse(list.body).as_object()["items"].as_array().size(), 1u);
  EXPECT_TRUE(std::filesystem::exists(server_->data_dir() / "photos" / sha.substr(0, 2) / sha));

  auto bytes = server_->Call({"GET", base_ + "/" + sha, "", clerk_});
  ASSERT_EQ(bytes.status, 200u);
  EXPECT_EQ(bytes.body, png);
  EXPECT_EQ(bytes.Header("Content-Type"), "image/png");
  // The police of the outlet's district see it; another district's police do not.
  EXPECT_EQ(server_->Call({"GET", base_ + "/" + sha, "", LogIn("police.chaoyang")}).body, png);
  auto haidian = LogIn("police.haidian");
  EXPECT_EQ(server_->Call({"GET", base_, "", haidian}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", base_ + "/" + sha, "", haidian}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", base_ + "/" + std::string(64, '0'), "", clerk_}).status, 404u);
  // Roles without any business with the register see nothing either.
  EXPECT_EQ(server_->Call({"GET", base_, "", LogIn("inspector")}).status, 404u);
}

TEST_P(PhotoHttpTest, WrongTypesAndSizesAreRefusedNamingTheField) {
  auto text = Upload("item", "image/png", "not an image at all", clerk_);
  EXPECT_EQ(text.status, 400u);
  EXPECT_EQ(FieldOf(text), "photo");
  auto mismatch = Upload("item", "image/jpeg", Png("x"), clerk_);
  EXPECT_EQ(mismatch.status, 400u);
  EXPECT_EQ(FieldOf(mismatch), "photo");
  EXPECT_NE(mismatch.body.find("image/png"), std::string::npos) << mismatch.body;
  // An item photo is decoded: bytes that only start like an image are refused.
  auto jpeg = Upload("item", "image/jpeg", std::string("\xFF\xD8\xFF\xE0", 4) + "jfif", clerk_);
  EXPECT_EQ(jpeg.status, 400u) << jpeg.body;
  EXPECT_EQ(FieldOf(jpeg), "photo");
  auto webp = Upload("item", "image/webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), clerk_);
  EXPECT_EQ(webp.status, 400u) << webp.body;
  EXPECT_EQ(FieldOf(webp), "photo");
  EXPECT_EQ(Upload("item", "image/png", Png("w"), clerk_).status, 400u);
  EXPECT_EQ(Upload("id_document", "image/png", Png("w"), clerk_).status, 201u)
      << "ID documents are not decoded";
  // A black-and-white photo is stored, and the answer says it is not the colour photo.
  auto grey = Upload("item", "image/jpeg", EncodeJpeg(GreyPicture(64, 48)), clerk_);
  ASSERT_EQ(grey.status, 201u) << grey.body;
  auto grey_body = json::parse(grey.body).as_object();
  EXPECT_EQ(grey_body["in_colour"], false);
  EXPECT_NE(std::string(grey_body["message"].as_string()).find("需要彩色照片"), std::string::npos);
  EXPECT_NE(std::string(grey_body["message"].as_string()).find("a colour photo is required"),
            std::string::npos);
  auto webp_colour = Upload("item", "image/webp", EncodeWebp(ColourPicture(64, 48)), clerk_);
  EXPECT_EQ(webp_colour.status, 201u) << webp_colour.body;
  EXPECT_EQ(json::parse(webp_colour.body).as_object()["in_colour"], true);
  auto gif = Upload("item", "image/gif", "GIF89a-----", clerk_);
  EXPECT_EQ(FieldOf(gif), "photo");
  auto no_kind = Upload("", "image/png", Png("y"), clerk_);
  EXPECT_EQ(no_kind.status, 400u);
  EXPECT_EQ(FieldOf(no_kind), "kind");
  EXPECT_EQ(
      AnnounceUpload(server_->port(), base_ + "?kind=item", size_t{8} * 1024 * 1024 + 1, clerk_),
      413u);
  // The police read the register but add nothing to it.
  EXPECT_EQ(Upload("item", "image/png", Png("z"), LogIn("police.chaoyang")).status, 403u);
}

TEST_P(PhotoHttpTest, IdDocumentIsEncryptedAndShownOnlyToPoliceWithAReason) {
  const std::string marker = "PLAINTEXT-ID-CARD-IMAGE-MARKER";
  const std::string png = Png(marker);
  const std::string sha = crypto::Sha256Hex(png);
  auto up = Upload("id_document", "image/png", png, clerk_);
  ASSERT_EQ(up.status, 201u) << up.body;
  EXPECT_EQ(json::parse(up.body).as_object()["encrypted"], true);
  EXPECT_EQ(ReadAllFiles(server_->data_dir() / "photos").find(marker), std::string::npos)
      << "the ID image is not on disk in plaintext";

  EXPECT_EQ(server_->Call({"GET", base_ + "/" + sha, "", clerk_}).status, 403u);
  auto police = LogIn("police.chaoyang");
  EXPECT_EQ(server_->Call({"GET", base_ + "/" + sha, "", police}).status, 403u);
  const std::string view = "/api/v1/police/acquisitions/" + acquisition_id_ + "/photos/" + sha;
  auto short_reason = server_->Call({"POST", view, R"({"reason":"x"})", police});
  EXPECT_EQ(short_reason.status, 400u);
  EXPECT_EQ(FieldOf(short_reason), "reason");
  const std::string reason = R"({"reason":"案件 2026-301 核查身份"})";
  EXPECT_EQ(server_->Call({"POST", view, reason, LogIn("police.haidian")}).status, 404u);
  EXPECT_EQ(server_->Call({"POST", view, reason, clerk_}).status, 403u);
  auto seen = server_->Call({"POST", view, reason, police});
  ASSERT_EQ(seen.status, 200u) << seen.body;
  EXPECT_EQ(seen.body, png);
  EXPECT_EQ(seen.Header("Cache-Control"), "no-store");

  // The view is in the access audit.
  storage::RegistryRepository repo;
  auto audit = storage::ReadValue<std::vector<storage::AccessAuditRecord>>(
      server_->db(), [&](storage::Session& s) -> Result<std::vector<storage::AccessAuditRecord>> {
        RECIRC_TRY(auto a, repo.FindAcquisition(s, acquisition_id_));
        return repo.AccessAuditOf(s, a->seller_id);
      });
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].reason, "案件 2026-301 核查身份");
}

INSTANTIATE_TEST_SUITE_P(Db, PhotoHttpTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         BackendName);

}  // namespace
}  // namespace recirc::testing
