// Lists a page at a time, on both databases: a buyer account's own best offers (newest first,
// effective status, offer title; never another buyer's; staff have none), and the operator's
// offers and orders with a cursor.
#include <gtest/gtest.h>

#include "domain/market/market_fixture.hpp"
#include "domain/market/paging.hpp"

namespace recirc::market {
namespace {

class BestOfferListTest : public MarketFixture {
 protected:
  Principal Buyer(std::string user) {
    auto buyers = directory_->BuyersOrganisation();
    EXPECT_TRUE(buyers) << buyers.error().message;
    return As(*buyers, Role::kBuyer, OrganisationKind::kBuyers, std::move(user));
  }
  storage::BestOfferRecord Make(const Principal& who, const storage::OfferRecord& offer,
                                int64_t amount) {
    clock_.Advance(std::chrono::seconds(1));  // ids are time-ordered: newest first is by id
    auto r = best_->Make(who, Oid(offer.id), "", amount);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }
};

TEST_P(BestOfferListTest, ABuyerListsOwnBestOffersNewestFirstWithStateAndCounter) {
  const Principal a = Buyer("UACCOUNTA");
  const Principal b = Buyer("UACCOUNTB");
  const auto offer = Published("35693803564410", {true, 340000, 250000});
  const auto declined = Make(a, offer, 100000);   // below 2,500 yuan: declined at once
  const auto countered = Make(a, offer, 300000);  // pending, then countered
  const auto accepted = Make(a, offer, 345000);   // at or above 3,400 yuan: accepted at once
  const auto others = Make(b, offer, 310000);
  ASSERT_TRUE(best_->Respond(clerk_, Bid(countered.id), "counter", 330000));

  auto first = best_->Mine(a, {"", 2});
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].best.id, accepted.id);
  EXPECT_EQ(ToString(first->items[0].best.status), "accepted");
  EXPECT_EQ(first->items[1].best.id, countered.id);
  EXPECT_EQ(ToString(first->items[1].best.status), "countered");
  EXPECT_EQ(first->items[1].best.counter_fen, 330000);
  EXPECT_EQ(first->items[1].offer_title, offer.title);
  EXPECT_EQ(first->items[1].offer_price_fen, offer.price_fen);
  ASSERT_TRUE(first->next_cursor);
  EXPECT_EQ(*first->next_cursor, countered.id);

  auto second = best_->Mine(a, {*first->next_cursor, 2});
  ASSERT_TRUE(second) << second.error().message;
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].best.id, declined.id);
  EXPECT_EQ(ToString(second->items[0].best.status), "declined");
  EXPECT_FALSE(second->next_cursor);

  // B sees only B's; A's list never holds B's.
  auto theirs = best_->Mine(b, {"", 20});
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->items.size(), 1u);
  EXPECT_EQ(theirs->items[0].best.id, others.id);
  auto all_of_a = best_->Mine(a, {"", 100});
  ASSERT_TRUE(all_of_a);
  EXPECT_EQ(all_of_a->items.size(), 3u);
  for (const auto& r : all_of_a->items) EXPECT_NE(r.best.id, others.id);

  // Past 48 hours the open ones read expired (the answered ones keep their answer).
  clock_.Advance(kBestOfferLifetime + std::chrono::hours(1));
  auto later = best_->Mine(a, {"", 20});
  ASSERT_TRUE(later);
  ASSERT_EQ(later->items.size(), 3u);
  EXPECT_EQ(ToString(later->items[0].best.status), "accepted");
  EXPECT_EQ(ToString(later->items[1].best.status), "expired");
  EXPECT_EQ(ToString(later->items[2].best.status), "declined");
  EXPECT_EQ(ToString(best_->Mine(b, {"", 20})->items[0].best.status), "expired");
}

TEST_P(BestOfferListTest, StaffHaveNoneHereAndBadPagesAreNamed) {
  const Principal a = Buyer("UACCOUNTA");
  const auto offer = Published("35693803564411", {true, 340000, 250000});
  Make(a, offer, 300000);
  ASSERT_TRUE(best_->Make(buyer_, Oid(offer.id), "B-0042", 300000));
  auto staff = best_->Mine(buyer_, {"", 20});
  ASSERT_TRUE(staff) << staff.error().message;
  EXPECT_TRUE(staff->items.empty());
  EXPECT_FALSE(staff->next_cursor);
  EXPECT_EQ(best_->Mine(a, {"", 0}).error().field, "limit");
  EXPECT_EQ(best_->Mine(a, {"", kBuyerPageMax + 1}).error().field, "limit");
  EXPECT_EQ(best_->Mine(a, {"not-an-id", 20}).error().field, "cursor");
  EXPECT_EQ(best_->Mine(inspector_, {"", 20}).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(best_->Mine(Principal::System(), {"", 20}).error().code, ErrorCode::kPermissionDenied);
}

TEST_P(BestOfferListTest, TheOperatorPagesThroughItsOffersAndOrders) {
  std::vector<storage::OfferRecord> published;
  for (const char* imei : {"35693803564412", "35693803564413", "35693803564414"}) {
    published.push_back(Published(imei));
    ASSERT_TRUE(Order(published.back()));
    clock_.Advance(std::chrono::seconds(1));
  }
  // Offers, newest first, two at a time.
  auto first = offers_->OfOrganisation(clerk_, {"", 2});
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].id, published[2].id);
  EXPECT_EQ(first->items[1].id, published[1].id);
  ASSERT_TRUE(first->next_cursor);
  auto rest = offers_->OfOrganisation(clerk_, {*first->next_cursor, 2});
  ASSERT_TRUE(rest) << rest.error().message;
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].id, published[0].id);
  EXPECT_FALSE(rest->next_cursor);
  // A full last page still gives a cursor; the page after it is empty, with none.
  auto exact = offers_->OfOrganisation(clerk_, {"", 3});
  ASSERT_TRUE(exact && exact->next_cursor);
  auto empty = offers_->OfOrganisation(clerk_, {*exact->next_cursor, 3});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->items.empty());
  EXPECT_FALSE(empty->next_cursor);

  // Orders the same way.
  auto orders = orders_->OfOrganisation(clerk_, {"", 2});
  ASSERT_TRUE(orders) << orders.error().message;
  ASSERT_EQ(orders->items.size(), 2u);
  EXPECT_EQ(orders->items[0].offer_id, published[2].id);
  EXPECT_EQ(orders->items[1].offer_id, published[1].id);
  ASSERT_TRUE(orders->next_cursor);
  auto more = orders_->OfOrganisation(clerk_, {*orders->next_cursor, 2});
  ASSERT_TRUE(more);
  ASSERT_EQ(more->items.size(), 1u);
  EXPECT_EQ(more->items[0].offer_id, published[0].id);
  EXPECT_FALSE(more->next_cursor);

  // Another organisation's staff see none of them; bad pages are named.
  const auto other = Org("operator", "别家回收", "110105");
  const Principal stranger = As(other, Role::kOperatorStaff, OrganisationKind::kOperator, "UOTHER");
  EXPECT_TRUE(offers_->OfOrganisation(stranger, {"", 50})->items.empty());
  EXPECT_TRUE(orders_->OfOrganisation(stranger, {"", 50})->items.empty());
  EXPECT_EQ(offers_->OfOrganisation(clerk_, {"", kOperatorPageMax + 1}).error().field, "limit");
  EXPECT_EQ(orders_->OfOrganisation(clerk_, {"", 0}).error().field, "limit");
  EXPECT_EQ(orders_->OfOrganisation(clerk_, {"x", 10}).error().field, "cursor");
}

RECIRC_BOTH_DATABASES(BestOfferListTest);

}  // namespace
}  // namespace recirc::market
