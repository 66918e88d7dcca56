// Photos of an order's dispatch and return over HTTP, on both databases: the seller uploads the
// dispatch's photos while the order is paid and the buyer the return's once received (bad type,
// too big, wrong stage, anyone else 404), a dispatch or return names only photos uploaded to
// that order at that stage (422 naming photos[i]), and the return shows the dispatch's photos.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/demo.hpp"
#include "core/validators.hpp"
#include "support/market_payloads.hpp"
#include "support/test_images.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

class OrderPhotoHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  std::string imei_;  // the last registered phone's IMEI
  void SetUp() override {
    app::Config config;
    config.hold_policy.default_days = 0;  // the hold period is tested elsewhere
    server_ = TestServer::Start(GetParam(), config);
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
    clerk_ = LogInDemo(*server_, "shop.clerk", &shop_org_);
    inspector_ = LogInDemo(*server_, "inspector");
    buyer_ = LogInDemo(*server_, "buyer");
  }
  json::object Post(const std::string& path, const std::string& body, const Headers& who,
                    unsigned expected) {
    auto r = server_->Call({"POST", path, body, who});
    EXPECT_EQ(r.status, expected) << path << ": " << r.body;
    return json::parse(r.body).as_object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  static std::string FieldOf(const HttpResult& r) {
    return Str(json::parse(r.body).at("error").at("field"));
  }
  // A phone registered, inspected, sanitized and offered online, ordered by the demo buyer
  // account and paid; returns the order id.
  std::string PaidOrder(const std::string& fourteen) {
    auto outlets = json::parse(
        server_->Call({"GET", "/api/v1/organisations/" + shop_org_ + "/outlets", "", clerk_}).body);
    const std::string outlet = Str(outlets.at("items").at(0).at("id"));
    const std::string imei = fourteen + std::string(1, core::ImeiCheckDigit(fourteen).value());
    imei_ = imei;  // the dispatch records it (checked against the registered identifiers)
    auto reg =
        Post("/api/v1/acquisitions",
             R"({"outlet_id":")" + outlet +
                 R"(","kind":"purchase","channel":"store","price_fen":150000,)"
                 R"("payment_method":"cash","person_matches_id":true,)"
                 R"("origin_statement":"自用一年","seller":{"kind":"individual",)"
                 R"("name":"李四","id_type":"resident_id","id_number":"11010519491231002X"},)"
                 R"("item":{"category":"phone","brand":"Huawei","model":"Mate 60",)"
                 R"("identifiers":{"imei":")" +
                 imei + R"("},"condition":"九成新"}})",
             clerk_, 201);
    const std::string item = Str(reg.at("item_id"));
    Post("/api/v1/items/" + item + "/inspections", kPhoneInspection, inspector_, 201);
    Post("/api/v1/items/" + item + "/sanitizations", kMate60Wipe, clerk_, 201);
    auto offer = Post("/api/v1/offers",
                      R"({"item_id":")" + item +
                          R"(","channel":"online","title":"Mate 60","price_fen":420000,)"
                          R"("warranty_months":3,"return_days":7})",
                      clerk_, 201);
    const auto version =
        json::parse(server_->Call({"GET", "/api/v1/items/" + item + "/disclosure"}).body)
            .at("version")
            .as_int64();
    Post("/api/v1/offers/" + Str(offer.at("id")) + "/publish",
         R"({"disclosure_version":)" + std::to_string(version) + "}", clerk_, 200);
    auto order = Post("/api/v1/orders",
                      R"({"offer_id":")" + Str(offer.at("id")) +
                          R"(","provider":"simulated","accepted_disclosure_version":)" +
                          std::to_string(version) + "}",
                      buyer_, 201);
    const std::string id = Str(order.at("id"));
    Post("/api/v1/orders/" + id + "/pay", R"({"amount_fen":420000})", buyer_, 200);
    return id;
  }
  HttpResult Upload(const std::string& order, const std::string& stage, const std::string& bytes,
                    Headers who, const std::string& type = "image/png") {
    who.emplace_back("Content-Type", type);
    return server_->Call(
        {"POST", "/api/v1/orders/" + order + "/photos?stage=" + stage, bytes, who});
  }
  std::unique_ptr<TestServer> server_;
  std::string shop_org_;
  Headers clerk_, inspector_, buyer_;
};

TEST_P(OrderPhotoHttpTest, DispatchAndReturnPhotosAreUploadedSeenAndNamedByTheirStage) {
  const std::string id = PaidOrder("86723405123470");
  const std::string png = ColourPng();
  // Bad type, a Content-Type that disagrees, too big (refused before the body is sent).
  auto not_image = Upload(id, "dispatch", "GIF89a not an image", clerk_);
  EXPECT_EQ(not_image.status, 400u);
  EXPECT_EQ(FieldOf(not_image), "photo");
  auto disagrees = Upload(id, "dispatch", png, clerk_, "image/jpeg");
  EXPECT_EQ(disagrees.status, 400u);
  EXPECT_EQ(FieldOf(disagrees), "photo");
  EXPECT_EQ(AnnounceUpload(server_->port(), "/api/v1/orders/" + id + "/photos?stage=dispatch",
                           size_t{8} * 1024 * 1024 + 1, clerk_),
            413u);
  // Wrong stage: unknown, the buyer's before it is due, the seller's taken by the buyer.
  auto unknown = Upload(id, "packing", png, clerk_);
  EXPECT_EQ(unknown.status, 400u);
  EXPECT_EQ(FieldOf(unknown), "stage");
  auto early_return = Upload(id, "return", png, buyer_);
  EXPECT_EQ(early_return.status, 422u) << early_return.body;
  EXPECT_EQ(FieldOf(early_return), "stage");
  auto by_buyer = Upload(id, "dispatch", png, buyer_);
  EXPECT_EQ(by_buyer.status, 403u) << by_buyer.body;
  EXPECT_EQ(FieldOf(by_buyer), "stage");
  // Anyone but the seller's staff and the buyer: the order does not exist.
  EXPECT_EQ(Upload(id, "dispatch", png, inspector_).status, 404u);

  auto stored = Upload(id, "dispatch", png, clerk_);
  ASSERT_EQ(stored.status, 201u) << stored.body;
  const auto photo = json::parse(stored.body).as_object();
  EXPECT_EQ(photo.at("stage"), "dispatch");
  const std::string ref = Str(photo.at("ref"));
  auto again = Upload(id, "dispatch", png, clerk_);
  EXPECT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(json::parse(again.body).at("created_at"), photo.at("created_at"));

  auto listed = server_->Call({"GET", "/api/v1/orders/" + id + "/photos", "", buyer_});
  ASSERT_EQ(listed.status, 200u) << listed.body;
  const auto items = json::parse(listed.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  const std::string url = Str(items.at(0).at("url"));
  auto bytes = server_->Call({"GET", url, "", buyer_});
  EXPECT_EQ(bytes.status, 200u);
  EXPECT_EQ(bytes.Header("Content-Type"), "image/png");
  EXPECT_EQ(bytes.body, png);
  EXPECT_EQ(server_->Call({"GET", url, "", inspector_}).status, 404u);
  EXPECT_EQ(server_->Call({"GET", "/api/v1/orders/" + id + "/photos", "", inspector_}).status,
            404u);
  EXPECT_EQ(server_->Call({"GET", url}).status, 401u);

  // An unknown reference is refused, naming it.
  auto unknown_ref =
      server_->Call({"POST", "/api/v1/orders/" + id + "/dispatch",
                     R"({"method":"shipping","serials":[")" + imei_ + R"("],"photos":["sha256:)" +
                         std::string(64, 'e') + R"("]})",
                     clerk_});
  EXPECT_EQ(unknown_ref.status, 422u) << unknown_ref.body;
  EXPECT_EQ(FieldOf(unknown_ref), "photos[0]");
  Post("/api/v1/orders/" + id + "/dispatch",
       R"({"method":"shipping","serials":[")" + imei_ + R"("],"photos":[")" + ref + R"("]})",
       clerk_, 200);
  Post("/api/v1/orders/" + id + "/receive", R"({"condition":"as_described"})", buyer_, 200);

  // The return: the buyer's own photo; the dispatch's photo is not a return photo.
  auto wrong_stage = server_->Call(
      {"POST", "/api/v1/orders/" + id + "/returns",
       R"({"serials":[")" + imei_ + R"("],"photos":[")" + ref + R"("],"reason":"不想要了"})",
       buyer_});
  EXPECT_EQ(wrong_stage.status, 422u) << wrong_stage.body;
  EXPECT_EQ(FieldOf(wrong_stage), "photos[0]");
  EXPECT_EQ(Upload(id, "return", png, clerk_).status, 403u);  // an account's order
  const std::string back = EncodePng(ColourPicture(20, 20));
  auto returned = Upload(id, "return", back, buyer_);
  ASSERT_EQ(returned.status, 201u) << returned.body;
  const std::string return_ref = Str(json::parse(returned.body).at("ref"));
  auto ret = Post(
      "/api/v1/orders/" + id + "/returns",
      R"({"serials":[")" + imei_ + R"("],"photos":[")" + return_ref + R"("],"reason":"不想要了"})",
      buyer_, 201);
  EXPECT_EQ(ret.at("flagged"), false);
  EXPECT_EQ(ret.at("details").at("photos_missing"), false);
  EXPECT_EQ(ret.at("details").at("dispatch_photos"), (json::array{json::string(ref)}));
  EXPECT_EQ(ret.at("details").at("photos"), (json::array{json::string(return_ref)}));
  auto both =
      json::parse(server_->Call({"GET", "/api/v1/orders/" + id + "/photos", "", clerk_}).body);
  EXPECT_EQ(both.at("items").as_array().size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Db, OrderPhotoHttpTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace recirc::testing
