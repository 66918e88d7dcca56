// Order photos on both databases: dispatch photos by the seller while paid, return photos by the
// buyer while a return may be requested, content addressing, who sees them, and dispatches and
// returns that must name photos uploaded to that order at that stage (photos_missing flag).
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class OrderPhotoTest : public MarketFixture {
 protected:
  Result<StoredOrderPhoto> Upload(const Principal& who, const std::string& order_id,
                                  std::optional<std::string> stage, const std::string& bytes,
                                  std::string type = "image/png") {
    return order_photos_->Upload(who, Ord(order_id), {std::move(stage), std::move(type), bytes});
  }
  Principal Account(const std::string& user_id) {
    return As(*directory_->BuyersOrganisation(), Role::kBuyer, OrganisationKind::kBuyers, user_id);
  }
};

TEST_P(OrderPhotoTest, DispatchPhotosAreTheSellersWhileTheOrderIsPaid) {
  const auto offer = Published("35693803564394");
  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  const std::string png = testing::ColourPng();
  auto unpaid = Upload(clerk_, order->id, "dispatch", png);
  ASSERT_FALSE(unpaid);
  EXPECT_EQ(inspection::RuleOf(unpaid.error()), "order_state");
  EXPECT_EQ(unpaid.error().field, "stage");
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));

  EXPECT_EQ(Upload(clerk_, order->id, std::nullopt, png).error().field, "stage");
  EXPECT_EQ(Upload(clerk_, order->id, "packing", png).error().field, "stage");
  EXPECT_EQ(Upload(clerk_, order->id, "dispatch", "GIF89a...").error().field, "photo");
  EXPECT_EQ(Upload(clerk_, order->id, "dispatch", png, "image/jpeg").error().field, "photo");
  EXPECT_EQ(Upload(clerk_, order->id, "dispatch", "").error().field, "photo");
  // Outside the seller's organisation the order does not exist; a return photo is not yet due.
  EXPECT_EQ(Upload(inspector_, order->id, "dispatch", png).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Upload(buyer_, order->id, "return", png).error().code, ErrorCode::kFailedPrecondition);

  auto first = Upload(clerk_, order->id, "dispatch", png);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->record.stage, "dispatch");
  EXPECT_EQ(first->record.media_type, "image/png");
  EXPECT_EQ(first->record.size_bytes, static_cast<int64_t>(png.size()));
  clock_.Advance(hours(1));
  auto again = Upload(clerk_, order->id, "dispatch", png);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->record.created_at, first->record.created_at);

  auto listed = order_photos_->List(clerk_, Ord(order->id));
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  auto bytes = order_photos_->Get(buyer_, Ord(order->id), first->record.sha256);
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(bytes->bytes, png);
  EXPECT_EQ(order_photos_->List(inspector_, Ord(order->id)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(order_photos_->Get(inspector_, Ord(order->id), first->record.sha256).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(order_photos_->Get(clerk_, Ord(order->id), std::string(64, 'f')).error().code,
            ErrorCode::kNotFound);

  // A dispatch names photos of this order's dispatch: not made-up hashes, not another order's.
  const auto other_offer = Published("35693803564395");
  auto other = Order(other_offer);
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(other->id), Money::Fen(350000), std::nullopt));
  const std::string elsewhere = OrderPhoto(clerk_, other->id, kStageDispatch,
                                           testing::EncodePng(testing::ColourPicture(13, 11)));
  for (const std::string& ref : {kPhoto, elsewhere}) {
    auto refused = orders_->Dispatch(clerk_, Ord(order->id),
                                     {"shipping", {SerialOf(order->item_id)}, {ref}, {}});
    ASSERT_FALSE(refused) << ref;
    EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(refused.error().field, "photos[0]");
  }
  const std::string mine = "sha256:" + first->record.sha256;
  auto second = orders_->Dispatch(clerk_, Ord(order->id),
                                  {"shipping", {SerialOf(order->item_id)}, {mine, kPhoto}, {}});
  EXPECT_EQ(second.error().field, "photos[1]");
  auto dispatched = orders_->Dispatch(clerk_, Ord(order->id),
                                      {"shipping", {SerialOf(order->item_id)}, {mine}, {}});
  ASSERT_TRUE(dispatched) << dispatched.error().message;
  // Dispatched: the dispatch's photos are closed.
  EXPECT_EQ(inspection::RuleOf(Upload(clerk_, order->id, "dispatch", png).error()), "order_state");
  // The journal names no photo (only the order record holds the hashes).
  for (const auto& e : Events("order", order->id)) {
    EXPECT_EQ(e.payload.find(first->record.sha256), std::string::npos) << e.type;
  }
}

// The bytes are decoded, not only sniffed; and an order holds at most 12 photos per stage.
TEST_P(OrderPhotoTest, UndecodablePhotosAndPhotosBeyondTheCapAreRefused) {
  const auto offer = Published("35693803564394");
  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  const std::string png = testing::ColourPng();
  auto truncated = Upload(clerk_, order->id, "dispatch", png.substr(0, png.size() / 2));
  ASSERT_FALSE(truncated) << "a PNG signature followed by half an image";
  EXPECT_EQ(truncated.error().field, "photo");
  auto junk =
      Upload(clerk_, order->id, "dispatch", "\xFF\xD8\xFF\xE0 not a JPEG at all", "image/jpeg");
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().field, "photo");

  std::vector<std::string> photos;
  for (int i = 0; i < static_cast<int>(kMaxOrderPhotosPerStage) + 1; ++i) {
    photos.push_back(testing::EncodePng(testing::ColourPicture(40 + i, 30)));
  }
  for (size_t i = 0; i < kMaxOrderPhotosPerStage; ++i) {
    auto r = Upload(clerk_, order->id, "dispatch", photos[i]);
    ASSERT_TRUE(r) << i << ": " << r.error().message;
  }
  auto one_more = Upload(clerk_, order->id, "dispatch", photos.back());
  ASSERT_FALSE(one_more);
  EXPECT_EQ(inspection::RuleOf(one_more.error()), "too_many_photos");
  EXPECT_EQ(one_more.error().field, "photo");
  auto same_again = Upload(clerk_, order->id, "dispatch", photos[0]);
  ASSERT_TRUE(same_again) << "the same bytes again are not a new photo";
  EXPECT_FALSE(same_again->created);
}

TEST_P(OrderPhotoTest, AReturnNamesTheBuyersReturnPhotosAndWithoutAnyIsFlagged) {
  const auto offer = Published("35693803564397");
  const auto order = Received(offer);
  const std::string back = testing::EncodePng(testing::ColourPicture(12, 12));
  EXPECT_EQ(Upload(inspector_, order.id, "return", back).error().code, ErrorCode::kNotFound);
  auto uploaded = Upload(buyer_, order.id, "return", back);
  ASSERT_TRUE(uploaded) << uploaded.error().message;
  const std::string ref = "sha256:" + uploaded->record.sha256;
  auto listed = order_photos_->List(buyer_, Ord(order.id));
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);  // the dispatch's and the return's
  EXPECT_EQ((*listed)[0].stage, "dispatch");
  EXPECT_EQ((*listed)[1].stage, "return");

  // The dispatch's own photo is not a return photo; an unknown one neither.
  const std::string dispatch_ref = "sha256:" + (*listed)[0].sha256;
  for (const std::string& wrong : {dispatch_ref, kPhoto}) {
    auto refused = after_sales_->RequestReturn(buyer_, Ord(order.id),
                                               {{SerialOf(order.item_id)}, {wrong}, "x"});
    ASSERT_FALSE(refused) << wrong;
    EXPECT_EQ(refused.error().field, "photos[0]");
  }
  auto with_photo = after_sales_->RequestReturn(buyer_, Ord(order.id),
                                                {{SerialOf(order.item_id)}, {ref}, "不合适"});
  ASSERT_TRUE(with_photo) << with_photo.error().message;
  EXPECT_FALSE(with_photo->flagged);
  const auto details = json::parse(with_photo->details).as_object();
  EXPECT_EQ(details.at("photos_missing"), false);
  EXPECT_EQ(details.at("dispatch_photos"), (json::array{json::string(dispatch_ref)}));
  EXPECT_EQ(details.at("photos"), (json::array{json::string(ref)}));
  // Requested: the return photos are closed.
  EXPECT_EQ(inspection::RuleOf(Upload(buyer_, order.id, "return", back).error()), "order_state");

  // Same serials, no photos, though the dispatch had one: photos_missing.
  const auto second_offer = Published("35693803564398");
  const auto second = Received(second_offer);
  auto bare = after_sales_->RequestReturn(buyer_, Ord(second.id),
                                          {{SerialOf(second.item_id)}, {}, "不要了"});
  ASSERT_TRUE(bare) << bare.error().message;
  EXPECT_TRUE(bare->flagged);
  EXPECT_EQ(json::parse(bare->details).at("photos_missing"), true);
  auto refused = after_sales_->AcceptReturn(clerk_, Case(bare->id), Money::Fen(350000), false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), "photos_missing");
  EXPECT_NE(Events("item", second_offer.item_id).back().payload.find("\"photos_missing\":true"),
            std::string::npos);
  ASSERT_TRUE(after_sales_->AcceptReturn(clerk_, Case(bare->id), Money::Fen(350000), true));
}

TEST_P(OrderPhotoTest, ReturnPhotosOfAnAccountsOrderAreTheAccountsOwnAndOnlyInTheWindow) {
  const Principal a = Account("UACCOUNTA");
  const Principal b = Account("UACCOUNTB");
  const auto offer = Published("35693803564399");
  auto order = orders_->Place(
      a, {Oid(offer.id), std::nullopt, "simulated", *offer.disclosure_version, std::nullopt});
  ASSERT_TRUE(order) << order.error().message;
  ASSERT_TRUE(orders_->Pay(a, Ord(order->id), Money::Fen(350000), std::nullopt));
  const std::string png = testing::ColourPng();
  // The buyer does not take the dispatch's photos.
  auto by_buyer = Upload(a, order->id, "dispatch", png);
  ASSERT_FALSE(by_buyer);
  EXPECT_EQ(by_buyer.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(by_buyer.error().message.starts_with("dispatch_photo_by_seller:"));
  const std::string photo = OrderPhoto(clerk_, order->id, kStageDispatch);
  ASSERT_TRUE(orders_->Dispatch(clerk_, Ord(order->id),
                                {"shipping", {SerialOf(order->item_id)}, {photo}, {}}));
  ASSERT_TRUE(orders_->Receive(a, Ord(order->id), "as_described"));
  // The shop does not take an account's return photos; another account does not see the order.
  auto by_shop = Upload(clerk_, order->id, "return", png);
  ASSERT_FALSE(by_shop);
  EXPECT_EQ(by_shop.error().code, ErrorCode::kPermissionDenied);
  EXPECT_TRUE(by_shop.error().message.starts_with("return_photo_by_buyer:"));
  EXPECT_EQ(by_shop.error().field, "stage");
  EXPECT_EQ(Upload(b, order->id, "return", png).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(order_photos_->List(b, Ord(order->id)).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(Upload(a, order->id, "return", png));
  ASSERT_EQ(order_photos_->List(clerk_, Ord(order->id))->size(), 2u);
  clock_.Advance(hours(24 * 8));
  EXPECT_EQ(
      inspection::RuleOf(
          Upload(a, order->id, "return", testing::EncodePng(testing::ColourPicture(9, 9))).error()),
      "return_window_closed");
}

RECIRC_BOTH_DATABASES(OrderPhotoTest);

}  // namespace
}  // namespace recirc::market
