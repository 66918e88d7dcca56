// Delivery at checkout and the dispatch's serial check, on both databases: the address and phone
// are sealed like sellers' personal data, read only by the selling shop and the buyer, erased by
// the retention job; a serial the item was not registered with is refused naming the field.
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class DeliveryTest : public MarketFixture {
 protected:
  static DeliveryInput Address() {
    return {"delivery", std::string("李四"), std::string("13800138000"),
            std::string("北京市朝阳区建国路 88 号 3 单元 501"), std::string("110105")};
  }
  Result<storage::OrderRecord> OrderWith(const storage::OfferRecord& offer, DeliveryInput d) {
    OrderInput in{Oid(offer.id), "B-0042", "simulated", *offer.disclosure_version, {}};
    in.delivery = std::move(d);
    return orders_->Place(buyer_, in);
  }
  storage::OrderDeliveryRecord Stored(const std::string& order_id) {
    return **storage::ReadValue<std::optional<storage::OrderDeliveryRecord>>(
        db(), [&](storage::Session& s) { return repo_.FindDelivery(s, order_id); });
  }
};

TEST_P(DeliveryTest, ACheckoutWithDeliveryKeepsTheAddressSealedForTheShopAndTheBuyerOnly) {
  const auto offer = Published("35693803564501");
  auto order = OrderWith(offer, Address());
  ASSERT_TRUE(order) << order.error().message;

  auto seen = orders_->DeliveryOf(clerk_, Ord(order->id));
  ASSERT_TRUE(seen) << seen.error().message;
  ASSERT_TRUE(seen->has_value());
  EXPECT_EQ((*seen)->mode, "delivery");
  EXPECT_EQ((*seen)->recipient, "李四");
  EXPECT_EQ((*seen)->phone, "13800138000");
  EXPECT_EQ((*seen)->address, "北京市朝阳区建国路 88 号 3 单元 501");
  EXPECT_EQ((*seen)->region_code, "110105");
  EXPECT_TRUE(orders_->DeliveryOf(buyer_, Ord(order->id)));

  // Stored sealed under the data key, bound to the order.
  const auto row = Stored(order->id);
  EXPECT_TRUE(row.phone_enc->starts_with("v1:k1:"));
  EXPECT_EQ(row.phone_enc->find("13800138000"), std::string::npos);
  EXPECT_EQ(row.address_enc->find("建国路"), std::string::npos);
  EXPECT_EQ(*cipher_.Decrypt(*row.phone_enc, "order.phone:" + order->id), "13800138000");
  // Not in the order's events.
  for (const auto& e : Events("order", order->id)) {
    EXPECT_EQ(e.payload.find("13800138000"), std::string::npos) << e.type;
  }
  // Another shop's staff and market supervision do not see the order at all.
  auto other_shop = As(Org("operator", "别家店", "110105"), identity::Role::kOperatorStaff,
                       identity::OrganisationKind::kOperator, "UOTHER");
  EXPECT_EQ(orders_->DeliveryOf(other_shop, Ord(order->id)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(orders_->DeliveryOf(supervisor_, Ord(order->id)).error().code, ErrorCode::kNotFound);
}

TEST_P(DeliveryTest, PickUpIsTheDefaultAndTakesNoAddress) {
  const auto offer = Published("35693803564502");
  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  auto seen = orders_->DeliveryOf(clerk_, Ord(order->id));
  ASSERT_TRUE(seen && seen->has_value());
  EXPECT_EQ((*seen)->mode, "pickup");
  EXPECT_FALSE((*seen)->address);
}

TEST_P(DeliveryTest, DeliveryValidationErrorsNameTheField) {
  const auto offer = Published("35693803564503");
  auto bad_phone = Address();
  bad_phone.phone = "010-12345678";
  EXPECT_EQ(OrderWith(offer, bad_phone).error().field, "delivery.phone");
  auto no_phone = Address();
  no_phone.phone.reset();
  EXPECT_EQ(OrderWith(offer, no_phone).error().field, "delivery.phone");
  auto no_address = Address();
  no_address.address.reset();
  EXPECT_EQ(OrderWith(offer, no_address).error().field, "delivery.address");
  auto no_recipient = Address();
  no_recipient.recipient.reset();
  EXPECT_EQ(OrderWith(offer, no_recipient).error().field, "delivery.recipient");
  auto bad_region = Address();
  bad_region.region_code = "11010";
  EXPECT_EQ(OrderWith(offer, bad_region).error().field, "delivery.region_code");
  auto pickup_with_address = Address();
  pickup_with_address.mode = "pickup";
  EXPECT_EQ(OrderWith(offer, pickup_with_address).error().field, "delivery.address");
  EXPECT_EQ(OrderWith(offer, {"drone"}).error().field, "delivery.mode");
  // Nothing was placed: the offer is still on the market.
  EXPECT_TRUE(OrderWith(offer, Address()));
}

TEST_P(DeliveryTest, TheRetentionJobErasesDeliveryDetailsPastThePeriod) {
  const auto offer = Published("35693803564504");
  auto order = OrderWith(offer, Address());
  ASSERT_TRUE(order) << order.error().message;
  const int64_t placed = order->created_at;
  EXPECT_EQ(*orders_->EraseDeliveriesBefore(placed), 0);
  EXPECT_EQ(*orders_->EraseDeliveriesBefore(placed + 1), 1);
  EXPECT_EQ(*orders_->EraseDeliveriesBefore(placed + 1), 0);  // already erased
  const auto row = Stored(order->id);
  EXPECT_FALSE(row.phone_enc);
  EXPECT_FALSE(row.address_enc);
  EXPECT_FALSE(row.recipient_enc);
  EXPECT_EQ(row.region_code, "110105");
  auto seen = orders_->DeliveryOf(clerk_, Ord(order->id));
  ASSERT_TRUE(seen && seen->has_value());
  EXPECT_TRUE((*seen)->erased);
  EXPECT_EQ((*seen)->mode, "delivery");
  EXPECT_FALSE((*seen)->phone);
}

TEST_P(DeliveryTest, AKeyRotationReSealsDeliveryDetailsUnderTheNewKey) {
  const auto offer = Published("35693803564507");
  auto order = OrderWith(offer, Address());
  ASSERT_TRUE(order) << order.error().message;
  auto rotated = crypto::FieldCipher::Create(
                     {{"k1", std::string(32, 'k')}, {"k2", std::string(32, 'n')}}, "k2")
                     .value();
  FieldCipherSeal new_seal(rotated, random_);
  EXPECT_EQ(*DeliveriesUnderOldKeys(db(), repo_, new_seal), 1);
  EXPECT_EQ(*ReencryptDeliveries(db(), repo_, new_seal), 1);
  EXPECT_EQ(*DeliveriesUnderOldKeys(db(), repo_, new_seal), 0);
  EXPECT_EQ(*ReencryptDeliveries(db(), repo_, new_seal), 0);
  const auto row = Stored(order->id);
  EXPECT_TRUE(row.phone_enc->starts_with("v1:k2:"));
  EXPECT_EQ(*rotated.Decrypt(*row.address_enc, "order.address:" + order->id),
            "北京市朝阳区建国路 88 号 3 单元 501");
}

TEST_P(DeliveryTest, DispatchRefusesASerialTheItemWasNotRegisteredWith) {
  const auto offer = Published("35693803564505");
  auto order = OrderWith(offer, Address());
  ASSERT_TRUE(order) << order.error().message;
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  const std::string photo = OrderPhoto(clerk_, order->id, kStageDispatch);
  const std::string imei = SerialOf(offer.item_id);
  auto wrong =
      orders_->Dispatch(clerk_, Ord(order->id), {"shipping", {imei, "F2LXK0ABCD"}, {photo}, {}});
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "serials[1]");
  EXPECT_EQ(inspection::RuleOf(wrong.error()), "serial_mismatch");
  // Another registered phone's IMEI is a mismatch too.
  const std::string other = SerialOf(Register(Imei("35693803564506")));
  EXPECT_EQ(
      orders_->Dispatch(clerk_, Ord(order->id), {"shipping", {other}, {photo}, {}}).error().field,
      "serials[0]");
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(order->id))->state), "paid");
  auto right = orders_->Dispatch(clerk_, Ord(order->id), {"shipping", {imei}, {photo}, "SF1"});
  ASSERT_TRUE(right) << right.error().message;
  EXPECT_EQ(ToString(right->state), "dispatched");
}

RECIRC_BOTH_DATABASES(DeliveryTest);

}  // namespace
}  // namespace recirc::market
