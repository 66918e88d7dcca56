// The shop's inventory on both databases: each item's status (registered, in hold until a date,
// inspected, listed, sold, held) and next step, filtered by status and found by IMEI; only the
// shop's own items.
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"

namespace recirc::market {
namespace {

class InventoryTest : public MarketFixture {
 protected:
  InventoryTest() : inventory_(std::nullopt) {}
  void SetUp() override {
    MarketFixture::SetUp();
    if (IsSkipped() || HasFailure()) return;
    inventory_.emplace(*ctx_);
  }
  std::map<std::string, InventoryRow> ByItem(const InventoryQuery& q, const Principal& who) {
    auto page = inventory_->List(who, q);
    EXPECT_TRUE(page) << page.error().message;
    std::map<std::string, InventoryRow> out;
    if (page) {
      for (auto& r : page->items) out.emplace(r.item.id, r);
    }
    return out;
  }
  std::optional<InventoryService> inventory_;
};

TEST_P(InventoryTest, EachItemShowsItsStatusHoldEndAndNextStep) {
  const auto listed = Published("35693803564601");
  const auto reserved = Published("35693803564602");
  ASSERT_TRUE(Order(reserved));
  const std::string inspected = Register(Imei("35693803564603"));
  Inspect(inspected);
  const std::string registered = Register(Imei("35693803564604"));
  const std::string held = Register(Imei("35693803564605"));
  ASSERT_TRUE(db().Write([&](storage::Session& s) {
    return registry_.SetItemStatus(s, held, registry::ItemStatus::kHeld);
  }));
  const std::string waiting = Register(Imei("35693803564606"), /*wait_out_hold=*/false);

  auto rows = ByItem({}, clerk_);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[listed.item_id].status, "listed");
  EXPECT_EQ(rows[listed.item_id].next_step, "await_order");
  EXPECT_EQ(rows[listed.item_id].offer_id, listed.id);
  EXPECT_EQ(rows[reserved.item_id].status, "listed");
  EXPECT_EQ(rows[reserved.item_id].next_step, "dispatch");
  EXPECT_EQ(rows[inspected].status, "inspected");
  EXPECT_EQ(rows[inspected].next_step, "offer");
  EXPECT_EQ(rows[registered].status, "registered");
  EXPECT_EQ(rows[registered].next_step, "inspect");
  EXPECT_EQ(rows[held].status, "held");
  EXPECT_EQ(rows[waiting].status, "in_hold");
  EXPECT_EQ(rows[waiting].next_step, "wait_hold");
  ASSERT_TRUE(rows[waiting].hold_until);
  EXPECT_GT(*rows[waiting].hold_until, ToUnixMillis(clock_.Now()));

  // Filters: by status, by IMEI (as typed, normalised like registration).
  auto in_hold = ByItem({std::string("in_hold"), std::nullopt, {}}, clerk_);
  ASSERT_EQ(in_hold.size(), 1u);
  EXPECT_EQ(in_hold.begin()->first, waiting);
  auto found = ByItem({std::nullopt, SerialOf(inspected), {}}, clerk_);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.begin()->first, inspected);
  EXPECT_EQ(inventory_->List(clerk_, {std::string("lost"), std::nullopt, {}}).error().field,
            "status");
  // Paging: newest first, a cursor to the rest.
  auto first = inventory_->List(clerk_, {std::nullopt, std::nullopt, {"", 4}});
  ASSERT_TRUE(first && first->next_cursor);
  EXPECT_EQ(first->items.front().item.id, waiting);
  auto rest = inventory_->List(clerk_, {std::nullopt, std::nullopt, {*first->next_cursor, 4}});
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->items.size(), 2u);
  // Another shop's staff see none of it.
  auto other = As(Org("operator", "别家店", "110105"), identity::Role::kOperatorStaff,
                  identity::OrganisationKind::kOperator, "UOTHER");
  EXPECT_TRUE(ByItem({}, other).empty());
  EXPECT_EQ(inventory_->List(inspector_, {}).error().code, ErrorCode::kPermissionDenied);
}

RECIRC_BOTH_DATABASES(InventoryTest);

}  // namespace
}  // namespace recirc::market
