// Orders on both databases: escrow to settlement by the clock, concurrent orders, refunds,
// after-sales (returns with the serial comparison, warranty limits, disputes), background
// settlement, and buyer accounts acting as themselves.
#include <gtest/gtest.h>

#include <thread>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class OrderTest : public MarketFixture {};

TEST_P(OrderTest, AnOrderGoesThroughEscrowToSettlementByTheClock) {
  const auto offer = Published("35693803564394");
  auto wrong_version =
      orders_->Place(buyer_, {Oid(offer.id), "B-0042", "simulated", 1, std::nullopt});
  ASSERT_FALSE(wrong_version);
  EXPECT_EQ(inspection::RuleOf(wrong_version.error()), kRuleDisclosureOutdated);
  EXPECT_EQ(
      orders_->Place(buyer_, {Oid(offer.id), "B-0042", "paypal", 2, std::nullopt}).error().field,
      "provider");
  EXPECT_EQ(Order(offer, "cash_at_outlet").error().field, "provider");  // online offer

  auto order = Order(offer);
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(ToString(order->state), "placed");
  EXPECT_EQ(order->disclosure_version, *offer.disclosure_version);
  EXPECT_EQ(orders_->Dispatch(clerk_, Ord(order->id), {"shipping", {"S"}, {kPhoto}, {}})
                .error()
                .message.substr(0, 11),
            "order_state");
  auto paid = orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt);
  ASSERT_TRUE(paid) << paid.error().message;
  EXPECT_EQ(paid->paid_fen, 350000);
  EXPECT_EQ(*paid->payment_ref, "SIMULATED-" + order->id);
  EXPECT_EQ(orders_->Dispatch(clerk_, Ord(order->id), {"shipping", {"S"}, {"sha256:xyz"}, {}})
                .error()
                .field,
            "photos[0]");
  const std::string photo = OrderPhoto(clerk_, order->id, kStageDispatch);
  ASSERT_TRUE(orders_->Dispatch(clerk_, Ord(order->id),
                                {"shipping", {SerialOf(order->item_id)}, {photo}, {}}));
  ASSERT_TRUE(orders_->Receive(buyer_, Ord(order->id), "as_described"));
  clock_.Advance(hours(72));
  // The return window (7 days) is longer than the inspection window (3 days).
  auto early = orders_->Settle(clerk_, Ord(order->id), Money::Fen(350000));
  ASSERT_FALSE(early);
  EXPECT_EQ(inspection::RuleOf(early.error()), "inspection_window_open");
  clock_.Advance(hours(24 * 4));
  auto settled = orders_->Settle(clerk_, Ord(order->id), Money::Fen(350000));
  ASSERT_TRUE(settled) << settled.error().message;
  EXPECT_EQ(ToString(settled->state), "settled");
  EXPECT_EQ(ToString(offers_->Get(nullptr, Oid(offer.id))->status), "sold");

  // Item history: offered, sold, handed over, settled; bands, no buyer.
  std::vector<std::string> types;
  for (const auto& e : Events("item", offer.item_id)) {
    types.push_back(e.type);
    EXPECT_EQ(e.payload.find("B-0042"), std::string::npos) << e.type;
  }
  EXPECT_EQ(std::vector<std::string>(types.end() - 5, types.end()),
            (std::vector<std::string>{"item.offered", "item.sold", "item.handed_over",
                                      "item.received", "item.sale_settled"}));
  EXPECT_EQ(Events("order", order->id).size(), 5u);
}

TEST_P(OrderTest, TwoConcurrentOrdersForOneItemGiveOneOrderAndOneConflict) {
  const auto offer = Published("35693803564395");
  std::vector<Result<storage::OrderRecord>> results(2, Error::Internal("not run"));
  std::thread a([&] { results[0] = Order(offer); });
  std::thread b([&] { results[1] = Order(offer); });
  a.join();
  b.join();
  int ok = 0;
  for (const auto& r : results) {
    if (r) {
      ++ok;
    } else {
      EXPECT_EQ(r.error().code, ErrorCode::kConflict) << r.error().message;
      EXPECT_TRUE(r.error().message.starts_with(std::string(kRuleOfferTaken) + ":"))
          << r.error().message;
    }
  }
  EXPECT_EQ(ok, 1);
  // Cancelling frees the offer for the next buyer.
  const auto& placed = results[0] ? *results[0] : *results[1];
  ASSERT_TRUE(orders_->Cancel(buyer_, Ord(placed.id), "买错了"));
  EXPECT_TRUE(Order(offer));
}

TEST_P(OrderTest, ARefundNeverExceedsThePayment) {
  const auto offer = Published("35693803564396");
  auto order = Order(offer);
  ASSERT_TRUE(order);
  EXPECT_EQ(inspection::RuleOf(orders_->Refund(clerk_, Ord(order->id), Money::Fen(100)).error()),
            "order_state");
  ASSERT_TRUE(orders_->Pay(buyer_, Ord(order->id), Money::Fen(350000), std::nullopt));
  auto part = orders_->Refund(clerk_, Ord(order->id), Money::Fen(50000));
  ASSERT_TRUE(part) << part.error().message;
  EXPECT_EQ(part->refunded_fen, 50000);
  EXPECT_EQ(ToString(part->state), "paid");
  auto too_much = orders_->Refund(clerk_, Ord(order->id), Money::Fen(300001));
  ASSERT_FALSE(too_much);
  EXPECT_EQ(inspection::RuleOf(too_much.error()), kRuleRefundExceedsPayment);
  EXPECT_EQ(orders_->Refund(clerk_, Ord(order->id), Money::Fen(-5)).error().field, "amount_fen");
  auto rest = orders_->Refund(clerk_, Ord(order->id), Money::Fen(300000));
  ASSERT_TRUE(rest) << rest.error().message;
  EXPECT_EQ(ToString(rest->state), "refunded");
  EXPECT_EQ(rest->refunded_fen, rest->paid_fen);
  EXPECT_FALSE(orders_->Refund(clerk_, Ord(order->id), Money::Fen(1)));
  // Refunded before dispatch: the offer is open again.
  EXPECT_EQ(ToString(offers_->Get(nullptr, Oid(offer.id))->status), "published");
}

TEST_P(OrderTest, AReturnWithADifferentSerialIsFlaggedForTheOperator) {
  const auto offer = Published("35693803564397");
  const auto order = Received(offer);
  const std::string photo = OrderPhoto(buyer_, order.id, kStageReturn);
  auto ret =
      after_sales_->RequestReturn(buyer_, Ord(order.id), {{"F2LXK0ZZZZ"}, {photo}, "不喜欢"});
  ASSERT_TRUE(ret) << ret.error().message;
  EXPECT_TRUE(ret->flagged);
  EXPECT_NE(ret->details.find("F2LXK0ZZZZ"), std::string::npos);
  auto refused = after_sales_->AcceptReturn(clerk_, Case(ret->id), Money::Fen(350000), false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(inspection::RuleOf(refused.error()), "serial_mismatch");
  auto accepted = after_sales_->AcceptReturn(clerk_, Case(ret->id), Money::Fen(350000), true);
  ASSERT_TRUE(accepted) << accepted.error().message;
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(order.id))->state), "refunded");
  EXPECT_EQ(Events("item", offer.item_id).back().type, "item.returned");
}

TEST_P(OrderTest, ReturnAndWarrantyTimeLimitsRunByTheClock) {
  const auto offer = Published("35693803564398");
  const auto order = Received(offer);
  clock_.Advance(hours(24 * 8));
  auto late =
      after_sales_->RequestReturn(buyer_, Ord(order.id), {{SerialOf(order.item_id)}, {}, "晚了"});
  ASSERT_FALSE(late);
  EXPECT_EQ(inspection::RuleOf(late.error()), "return_window_closed");
  ASSERT_TRUE(orders_->Settle(clerk_, Ord(order.id), Money::Fen(350000)));
  auto claim = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "无法充电");
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(claim->kind, AfterSaleKind::kWarranty);
  clock_.Advance(hours(24 * 90));
  auto expired = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "屏幕失灵");
  ASSERT_FALSE(expired);
  EXPECT_EQ(inspection::RuleOf(expired.error()), "warranty_expired");
}

TEST_P(OrderTest, ADisputeIsSettledByReinspectionAgainstTheRecordedReport) {
  const auto offer = Published("35693803564399");
  const auto order = Received(offer);
  auto reports = reports_->OfItem(Itm(offer.item_id));
  ASSERT_TRUE(reports);
  const std::string original = reports->front().id;
  auto dispute = after_sales_->OpenDispute(buyer_, Ord(order.id), Rep(original), "电池不是 86%");
  ASSERT_TRUE(dispute) << dispute.error().message;
  json::object worse = PhoneResults();
  worse["battery_health"] = 71;
  auto again =
      reports_->Submit(inspector_, Itm(offer.item_id), {std::nullopt, worse, std::nullopt, {}});
  ASSERT_TRUE(again);
  auto settled = after_sales_->SettleDispute(clerk_, Case(dispute->id), Rep(again->id), "refund");
  ASSERT_TRUE(settled) << settled.error().message;
  EXPECT_EQ(ToString(settled->status), "resolved");
  EXPECT_NE(settled->details.find("battery_health"), std::string::npos);
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(order.id))->state), "refunded");
}

TEST_P(OrderTest, OrdersSettleInTheBackgroundWhenBothWindowsEndWithNoOpenCase) {
  // Both published first: registering lets each phone's hold period pass on the clock.
  const auto first = Published("35693803564396");
  const auto second = Published("35693803564397");
  const auto quiet = Received(first);
  const auto claimed = Received(second);
  ASSERT_TRUE(after_sales_->ClaimWarranty(buyer_, Ord(claimed.id), "无法充电"));
  clock_.Advance(hours(72));  // the inspection window (3 days) is over, the return window not
  EXPECT_EQ(*orders_->SettleDue(), 0);
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(quiet.id))->state), "received");
  clock_.Advance(hours(24 * 4));  // 7 days: the return window is over too
  EXPECT_EQ(*orders_->SettleDue(), 1);
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(quiet.id))->state), "settled");
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(claimed.id))->state), "received")
      << "a warranty case is open";
  const auto history = Events("item", quiet.item_id);
  EXPECT_EQ(history.back().type, "item.sale_settled");
}

TEST_P(OrderTest, ABuyerAccountOrdersAndMakesBestOffersAsItselfNotByReference) {
  const auto buyers = directory_->BuyersOrganisation();
  ASSERT_TRUE(buyers) << buyers.error().message;
  const Principal a = As(*buyers, Role::kBuyer, OrganisationKind::kBuyers, "UACCOUNTA");
  const Principal b = As(*buyers, Role::kBuyer, OrganisationKind::kBuyers, "UACCOUNTB");
  const auto offer = Published("35693803564398", {true, 340000, 250000});
  // A reference is refused, naming it; staff must give one, and not an account's form.
  EXPECT_EQ(best_->Make(a, Oid(offer.id), "B-1", 300000).error().field, "buyer_ref");
  EXPECT_EQ(best_->Make(buyer_, Oid(offer.id), "", 300000).error().field, "buyer_ref");
  EXPECT_EQ(best_->Make(buyer_, Oid(offer.id), "user:UACCOUNTA", 300000).error().field,
            "buyer_ref");
  auto mine = best_->Make(a, Oid(offer.id), "", 300000);
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_EQ(mine->buyer_ref, "user:UACCOUNTA");
  EXPECT_TRUE(best_->Get(a, Bid(mine->id)));
  EXPECT_EQ(best_->Get(b, Bid(mine->id)).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(best_->Respond(clerk_, Bid(mine->id), "counter", 320000));
  EXPECT_EQ(best_->AcceptCounter(b, Bid(mine->id), "").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(best_->AcceptCounter(a, Bid(mine->id), "", 310000).error().field, "counter_fen");
  ASSERT_TRUE(best_->AcceptCounter(a, Bid(mine->id), "", 320000));

  auto with_ref = orders_->Place(
      a, {Oid(offer.id), "B-1", "simulated", *offer.disclosure_version, Bid(mine->id)});
  ASSERT_FALSE(with_ref);
  EXPECT_EQ(with_ref.error().field, "buyer_ref");
  // B cannot use A's agreed price.
  EXPECT_EQ(orders_
                ->Place(b, {Oid(offer.id), std::nullopt, "simulated", *offer.disclosure_version,
                            Bid(mine->id)})
                .error()
                .field,
            "best_offer_id");
  auto order = orders_->Place(
      a, {Oid(offer.id), std::nullopt, "simulated", *offer.disclosure_version, Bid(mine->id)});
  ASSERT_TRUE(order) << order.error().message;
  EXPECT_EQ(order->price_fen, 320000);
  EXPECT_EQ(order->buyer_ref, "");
  EXPECT_EQ(order->created_by, "UACCOUNTA");
  EXPECT_EQ(orders_->Get(b, Ord(order->id)).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(orders_->Pay(b, Ord(order->id), Money::Fen(320000), std::nullopt).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(orders_->Mine(a, {"", 20})->items.size(), 1u);
  EXPECT_TRUE(orders_->Mine(b, {"", 20})->items.empty());
  EXPECT_EQ(orders_->OfOrganisation(a, {"", 50}).error().code, ErrorCode::kPermissionDenied);
  // The shop still acts on its organisation's order.
  EXPECT_TRUE(orders_->Get(clerk_, Ord(order->id)));
}

RECIRC_BOTH_DATABASES(OrderTest);

}  // namespace
}  // namespace recirc::market
