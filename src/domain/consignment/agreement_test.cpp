// The agreement's rules: validation naming the field, markdowns in force, the split in fen.
#include "domain/consignment/agreement.hpp"

#include <gtest/gtest.h>

namespace recirc::consignment {
namespace {

Agreement Typical() {
  Agreement a;
  a.split = {{0, 60}, {100000, 70}};  // 60% below 1000 yuan, 70% from 1000 yuan
  a.period_days = 90;
  a.grace_days = 14;
  a.expiry_action = ExpiryAction::kDonate;
  a.markdowns = {{30, 10}, {60, 20}};
  a.minimum_payout_fen = 5000;
  return a;
}

TEST(AgreementTest, ATypicalAgreementIsValidAndBadTermsNameTheirField) {
  EXPECT_TRUE(Validate(Typical()));
  const auto field = [](auto change) {
    Agreement a = Typical();
    change(a);
    auto st = Validate(a);
    return st ? std::string("valid") : st.error().field;
  };
  EXPECT_EQ(field([](Agreement& a) { a.split.clear(); }), "agreement.split");
  EXPECT_EQ(field([](Agreement& a) { a.split[0].from_fen = 1; }), "agreement.split[0].from_fen");
  EXPECT_EQ(field([](Agreement& a) { a.split[1].from_fen = 0; }), "agreement.split[1].from_fen");
  EXPECT_EQ(field([](Agreement& a) { a.split[1].consignor_percent = 101; }),
            "agreement.split[1].consignor_percent");
  EXPECT_EQ(field([](Agreement& a) { a.period_days = 0; }), "agreement.period_days");
  EXPECT_EQ(field([](Agreement& a) { a.grace_days = 91; }), "agreement.grace_days");
  EXPECT_EQ(field([](Agreement& a) { a.expiry_action = ExpiryAction::kConvertToStock; }),
            "agreement.convert_price_fen");
  EXPECT_EQ(field([](Agreement& a) { a.markdowns[1].percent = 5; }), "agreement.markdowns[1]");
  EXPECT_EQ(field([](Agreement& a) { a.markdowns[0].after_days = 91; }),
            "agreement.markdowns[0].after_days");
  EXPECT_EQ(field([](Agreement& a) { a.do_not_discount = true; }), "agreement.markdowns");
  EXPECT_EQ(field([](Agreement& a) { a.minimum_payout_fen = -1; }), "agreement.minimum_payout_fen");
  EXPECT_EQ(ParseExpiryAction("burn", "agreement.expiry_action").error().field,
            "agreement.expiry_action");
}

TEST(AgreementTest, MarkdownsFollowTheScheduleUnlessTheConsignorRefusesThem) {
  Agreement a = Typical();
  EXPECT_EQ(MarkdownPercentAt(a, 29), 0);
  EXPECT_EQ(MarkdownPercentAt(a, 30), 10);
  EXPECT_EQ(MarkdownPercentAt(a, 59), 10);
  EXPECT_EQ(MarkdownPercentAt(a, 60), 20);
  EXPECT_EQ(MarkdownPercentAt(a, 400), 20);
  a.markdowns.clear();
  a.do_not_discount = true;
  EXPECT_EQ(MarkdownPercentAt(a, 400), 0);
  EXPECT_EQ(MarkedDownFen(9999, 10), 8999);  // 8999.1 fen: rounded down to the fen
  EXPECT_EQ(MarkedDownFen(10000, 0), 10000);
}

TEST(AgreementTest, TheSplitIsExactInFenAndTieredByPrice) {
  const Agreement a = Typical();
  const SaleSplit low = SplitSale(a, 99999);  // 60%: 59999.4 -> 59999 to the consignor
  EXPECT_EQ(low.consignor_fen, 59999);
  EXPECT_EQ(low.shop_fen, 40000);
  const SaleSplit high = SplitSale(a, 100000);
  EXPECT_EQ(high.consignor_fen, 70000);
  EXPECT_EQ(high.shop_fen, 30000);
  Agreement fee = a;
  fee.sale_fee_fen = 500;
  EXPECT_EQ(SplitSale(fee, 100).fee_fen, 60) << "never more than the consignor's share";
}

}  // namespace
}  // namespace recirc::consignment
