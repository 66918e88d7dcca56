// After-sales decisions on both databases: a refused return puts the order back to received,
// cannot be accepted later and leads to a dispute; warranty claims decided repair (then
// completed), refund (through the refund path: never above what was paid, never twice) and
// reject; the item's history carries outcomes and bands, never the buyer or the free text.
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class AfterSalesTest : public MarketFixture {
 protected:
  bool HistoryMentions(const std::string& item, const std::string& text) {
    for (const auto& e : Events("item", item)) {
      if (e.payload.find(text) != std::string::npos) return true;
    }
    return false;
  }
};

TEST_P(AfterSalesTest, ARefusedReturnPutsTheOrderBackAndLeadsToADispute) {
  const auto offer = Published("35693803564397");
  const auto order = Received(offer);
  const std::string photo = OrderPhoto(buyer_, order.id, kStageReturn);
  auto ret =
      after_sales_->RequestReturn(buyer_, Ord(order.id), {{"F2LXK0ZZZZ"}, {photo}, "不喜欢"});
  ASSERT_TRUE(ret) << ret.error().message;
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(order.id))->state), "return_requested");

  auto empty = after_sales_->RefuseReturn(clerk_, Case(ret->id), "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "reason");
  auto too_long = after_sales_->RefuseReturn(clerk_, Case(ret->id), std::string(501, 'x'));
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().field, "reason");
  const Principal account =
      As(*directory_->BuyersOrganisation(), Role::kBuyer, OrganisationKind::kBuyers, "UACCOUNT");
  EXPECT_EQ(after_sales_->RefuseReturn(account, Case(ret->id), "不是原机").error().code,
            ErrorCode::kPermissionDenied);

  const std::string reason = "退回的不是售出的那台：序列号 F2LXK0ZZZZ";
  auto refused = after_sales_->RefuseReturn(clerk_, Case(ret->id), reason);
  ASSERT_TRUE(refused) << refused.error().message;
  EXPECT_EQ(ToString(refused->status), "refused");
  EXPECT_NE(refused->details.find("refusal_reason"), std::string::npos);
  EXPECT_EQ(ToString(orders_->Get(clerk_, Ord(order.id))->state), "received");

  auto again = after_sales_->AcceptReturn(clerk_, Case(ret->id), Money::Fen(350000), true);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("refused"), std::string::npos);
  EXPECT_EQ(after_sales_->RefuseReturn(clerk_, Case(ret->id), reason).error().code,
            ErrorCode::kConflict);
  auto second =
      after_sales_->RequestReturn(buyer_, Ord(order.id), {{SerialOf(order.item_id)}, {}, "再退"});
  ASSERT_FALSE(second);
  EXPECT_EQ(inspection::RuleOf(second.error()), "return_refused");

  const auto history = Events("item", offer.item_id);
  EXPECT_EQ(history.back().type, "item.return_refused");
  EXPECT_FALSE(HistoryMentions(offer.item_id, "F2LXK0ZZZZ")) << "the reason is not public";
  EXPECT_FALSE(HistoryMentions(offer.item_id, "B-0042")) << "no buyer reference";

  // The buyer disputes the refusal; the re-inspection settles it.
  const std::string original = reports_->OfItem(Itm(offer.item_id))->front().id;
  auto dispute = after_sales_->OpenDispute(buyer_, Ord(order.id), Rep(original), "退回的就是原机");
  ASSERT_TRUE(dispute) << dispute.error().message;
  auto reinspection = reports_->Submit(inspector_, Itm(offer.item_id),
                                       {std::nullopt, PhoneResults(), std::nullopt, {}});
  ASSERT_TRUE(reinspection);
  auto settled =
      after_sales_->SettleDispute(clerk_, Case(dispute->id), Rep(reinspection->id), "refund");
  ASSERT_TRUE(settled) << settled.error().message;
  const auto final_order = *orders_->Get(clerk_, Ord(order.id));
  EXPECT_EQ(ToString(final_order.state), "refunded");
  EXPECT_EQ(final_order.refunded_fen, final_order.paid_fen);
}

TEST_P(AfterSalesTest, AnOtherOrganisationsStaffDoNotFindTheCase) {
  const auto offer = Published("35693803564398");
  const auto order = Received(offer);
  // A claim first: a return moves the order out of received.
  auto claim = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "无法充电");
  ASSERT_TRUE(claim);
  auto ret =
      after_sales_->RequestReturn(buyer_, Ord(order.id), {{SerialOf(order.item_id)}, {}, "不喜欢"});
  ASSERT_TRUE(ret);
  const auto other = As(Org("operator", "别家回收", "110105"), Role::kOperatorAdmin,
                        OrganisationKind::kOperator, "UOTHER");
  EXPECT_EQ(after_sales_->RefuseReturn(other, Case(ret->id), "不是原机").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(after_sales_->DecideWarranty(other, Case(claim->id), {"repair", "", std::nullopt})
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_EQ(after_sales_->DecideWarranty(clerk_, Case(ret->id), {"repair", "", std::nullopt})
                .error()
                .code,
            ErrorCode::kNotFound)
      << "a return is not a warranty claim";
  // The shop's list of cases: its own only, filtered by status.
  EXPECT_EQ(after_sales_->OfOrganisation(clerk_, "open")->size(), 2u);
  EXPECT_TRUE(after_sales_->OfOrganisation(other, "")->empty());
  EXPECT_EQ(after_sales_->OfOrganisation(clerk_, "bogus").error().field, "status");
  ASSERT_TRUE(after_sales_->RefuseReturn(clerk_, Case(ret->id), "不是原机"));
  const auto open = *after_sales_->OfOrganisation(clerk_, "open");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open.front().id, claim->id);
  EXPECT_EQ(after_sales_->OfOrganisation(clerk_, "")->size(), 2u);
}

TEST_P(AfterSalesTest, AWarrantyRepairIsDecidedOnceThenCompleted) {
  const auto offer = Published("35693803564399");
  const auto order = Received(offer);
  auto claim = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "无法充电");
  ASSERT_TRUE(claim);
  auto bad = after_sales_->DecideWarranty(clerk_, Case(claim->id), {"fix", "", std::nullopt});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "outcome");
  auto amount =
      after_sales_->DecideWarranty(clerk_, Case(claim->id), {"repair", "", Money::Fen(100)});
  ASSERT_FALSE(amount);
  EXPECT_EQ(amount.error().field, "amount_fen");
  EXPECT_EQ(after_sales_->CompleteWarranty(clerk_, Case(claim->id), "已修好").error().code,
            ErrorCode::kConflict)
      << "nothing to complete before a decision";

  auto repair =
      after_sales_->DecideWarranty(clerk_, Case(claim->id), {"repair", "更换充电口", std::nullopt});
  ASSERT_TRUE(repair) << repair.error().message;
  EXPECT_EQ(ToString(repair->status), "in_progress");
  auto twice = after_sales_->DecideWarranty(clerk_, Case(claim->id), {"refund", "", std::nullopt});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(twice.error().message.starts_with("warranty_claim_decided:"))
      << twice.error().message;

  EXPECT_EQ(after_sales_->CompleteWarranty(clerk_, Case(claim->id), "").error().field, "note");
  auto done = after_sales_->CompleteWarranty(clerk_, Case(claim->id), "已修好，顾客取回");
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(ToString(done->status), "completed");
  EXPECT_NE(done->details.find("已修好"), std::string::npos);
  EXPECT_EQ(after_sales_->CompleteWarranty(clerk_, Case(claim->id), "again").error().code,
            ErrorCode::kConflict);
  const auto history = Events("item", offer.item_id);
  ASSERT_GE(history.size(), 2u);
  EXPECT_EQ(history[history.size() - 2].type, "item.warranty_decided");
  EXPECT_EQ(history.back().type, "item.warranty_completed");
  EXPECT_FALSE(HistoryMentions(offer.item_id, "更换充电口")) << "the note is not public";
  EXPECT_EQ(orders_->Get(clerk_, Ord(order.id))->refunded_fen, 0);
}

TEST_P(AfterSalesTest, AWarrantyRefundGoesThroughTheRefundPathNeverAboveThePaymentNorTwice) {
  const auto offer = Published("35693803564396");
  const auto order = Received(offer);
  ASSERT_TRUE(
      orders_->Refund(clerk_, Ord(order.id), Money::Fen(50000)));  // a goodwill refund earlier
  auto claim = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "屏幕失灵");
  ASSERT_TRUE(claim);
  auto over =
      after_sales_->DecideWarranty(clerk_, Case(claim->id), {"refund", "", Money::Fen(300001)});
  ASSERT_FALSE(over);
  EXPECT_EQ(inspection::RuleOf(over.error()), kRuleRefundExceedsPayment);
  EXPECT_EQ(orders_->Get(clerk_, Ord(order.id))->refunded_fen, 50000) << "nothing was refunded";
  EXPECT_EQ(ToString(after_sales_->OfOrder(clerk_, Ord(order.id))->back().status), "open");

  auto refund =
      after_sales_->DecideWarranty(clerk_, Case(claim->id), {"refund", "", Money::Fen(100000)});
  ASSERT_TRUE(refund) << refund.error().message;
  EXPECT_EQ(ToString(refund->status), "refunded");
  auto twice =
      after_sales_->DecideWarranty(clerk_, Case(claim->id), {"refund", "", Money::Fen(100000)});
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto o = *orders_->Get(clerk_, Ord(order.id));
  EXPECT_EQ(o.refunded_fen, 150000);
  EXPECT_EQ(o.paid_fen, 350000);
  EXPECT_EQ(ToString(o.state), "received") << "a partial refund keeps the state";

  // A second claim refunds the rest by default, and then nothing is left to refund.
  auto claim2 = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "又坏了");
  ASSERT_TRUE(claim2);
  auto rest = after_sales_->DecideWarranty(clerk_, Case(claim2->id), {"refund", "", std::nullopt});
  ASSERT_TRUE(rest) << rest.error().message;
  o = *orders_->Get(clerk_, Ord(order.id));
  EXPECT_EQ(o.refunded_fen, o.paid_fen);
  EXPECT_EQ(ToString(o.state), "refunded");

  bool decided = false;
  for (const auto& e : Events("item", offer.item_id)) {
    if (e.type != "item.warranty_decided") continue;
    decided = true;
    EXPECT_NE(e.payload.find("refund_band"), std::string::npos);
    EXPECT_EQ(e.payload.find("100000"), std::string::npos) << "a band, not the amount";
  }
  EXPECT_TRUE(decided);
}

TEST_P(AfterSalesTest, ARejectionNeedsANoteAndAClaimAfterTheWarrantyIsStillRefused) {
  const auto offer = Published("35693803564395");
  const auto order = Received(offer);
  auto claim = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "进水");
  ASSERT_TRUE(claim);
  auto no_note =
      after_sales_->DecideWarranty(clerk_, Case(claim->id), {"reject", "", std::nullopt});
  ASSERT_FALSE(no_note);
  EXPECT_EQ(no_note.error().field, "note");
  auto rejected = after_sales_->DecideWarranty(clerk_, Case(claim->id),
                                               {"reject", "液体指示贴已触发", std::nullopt});
  ASSERT_TRUE(rejected) << rejected.error().message;
  EXPECT_EQ(ToString(rejected->status), "rejected");
  EXPECT_NE(rejected->details.find("液体指示贴已触发"), std::string::npos);
  // The buyer then disputes the rejection.
  const std::string original = reports_->OfItem(Itm(offer.item_id))->front().id;
  EXPECT_TRUE(after_sales_->OpenDispute(buyer_, Ord(order.id), Rep(original), "没有进水"));
  clock_.Advance(hours(24 * 91));
  auto late = after_sales_->ClaimWarranty(buyer_, Ord(order.id), "屏幕失灵");
  ASSERT_FALSE(late);
  EXPECT_EQ(inspection::RuleOf(late.error()), "warranty_expired");
}

RECIRC_BOTH_DATABASES(AfterSalesTest);

}  // namespace
}  // namespace recirc::market
