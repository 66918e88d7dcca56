#include "domain/history/event_catalogue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace recirc::history {
namespace {

// The public events before the catalogue existed: every item.* type written to the journal on
// aggregate "item", except item.seized (published later as item.seizure_published). Changing this
// list changes what the public transparency log shows.
const std::set<std::string> kPublicBeforeTheCatalogue{
    "item.acquired", "item.corrected", "item.hold_released", "item.seizure_published",
    "item.inspected", "item.repaired", "item.identifier_changed", "item.sanitized", "item.offered",
    "item.offer_withdrawn", "item.sold", "item.handed_over", "item.received", "item.sale_settled",
    "item.returned", "item.sale_cancelled", "item.return_requested", "item.warranty_requested",
    "item.dispute_requested", "item.return_refused", "item.warranty_decided",
    "item.warranty_completed", "item.dispute_settled",
    // auctions (issue 17 item 6): bands and counts, no bidder
    "item.auction_opened", "item.auction_closed",
    // rentals (issue 18 item 5): dates only
    "item.rental_started", "item.rented",
    // consignment (issue 19 item 6): terms' public facts and price bands, never the consignor
    "item.consigned", "item.marked_down", "item.consignment_sold", "item.consignment_sale_reversed",
    "item.returned_to_consignor", "item.donated", "item.converted_to_stock"};

TEST(EventCatalogueTest, ThePublicEventsAreExactlyTodays) {
  const auto names = PublicEventNames();
  const std::set<std::string> public_names(names.begin(), names.end());
  EXPECT_EQ(public_names, kPublicBeforeTheCatalogue);
  EXPECT_EQ(names.size(), kPublicBeforeTheCatalogue.size());
}

TEST(EventCatalogueTest, NamesAreUniqueAcrossContexts) {
  std::set<std::string_view> seen;
  for (const EventType* t : kAllEventTypes) {
    EXPECT_TRUE(seen.insert(t->name).second) << t->name;
  }
  EXPECT_TRUE(NamesAreUnique(kAllEventTypes));
  constexpr EventType kA{"x.y", "x", Visibility::kInternal, {}};
  constexpr EventType kB{"x.y", "z", Visibility::kInternal, {}};
  static_assert(!NamesAreUnique(EventCatalogue<2>{&kA, &kB}));
}

TEST(EventCatalogueTest, EntriesAreWellFormed) {
  for (const EventType* t : kAllEventTypes) {
    // "<aggregate-ish>.<verb>": a public event is always an item event (a leaf names its item).
    EXPECT_NE(t->name.find('.'), std::string_view::npos) << t->name;
    EXPECT_FALSE(t->aggregate.empty()) << t->name;
    if (t->IsPublic()) {
      EXPECT_EQ(t->aggregate, "item") << t->name;
    }
    const auto fields = t->Fields();
    const std::set<std::string_view> distinct(fields.begin(), fields.end());
    EXPECT_EQ(distinct.size(), fields.size()) << t->name << " lists a payload field twice";
  }
}

TEST(EventCatalogueTest, FindsStoredNames) {
  ASSERT_NE(FindEventType("item.acquired"), nullptr);
  EXPECT_EQ(FindEventType("item.acquired"), &registry::events::kItemAcquired);
  EXPECT_EQ(FindEventType("item.seized"), &registry::events::kItemSeized);
  EXPECT_FALSE(FindEventType("item.seized")->IsPublic());
  EXPECT_EQ(FindEventType("item.acquired "), nullptr);
  EXPECT_EQ(FindEventType(""), nullptr);
}

}  // namespace
}  // namespace recirc::history
