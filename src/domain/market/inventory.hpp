#pragma once
// The shop's inventory: the items its outlets registered, newest first, each with where it
// stands and what comes next:
//   registered → in_hold (statutory hold until a date) → inspected → listed → sold
//   held (a police or screening hold, or a photo still required) and seized stop it anywhere.
// Read from the registry (items, holds) through its port and SellabilityCheck, the journal
// (item.inspected) and the market's own offers; filtered by status, searched by IMEI or serial.

#include <optional>
#include <string>
#include <vector>

#include "domain/market/offer_service.hpp"

namespace recirc::market {

struct InventoryQuery {
  std::optional<std::string> status;  // registered, in_hold, inspected, listed, sold, held, seized
  std::optional<std::string> imei;    // or a serial: any registered identifier's value
  storage::PageRequest page;          // `after`: the last item id of the previous page
};

struct InventoryRow {
  storage::ItemRecord item;
  std::string status;
  std::optional<int64_t> hold_until;  // in_hold: when the statutory hold ends
  std::string next_step;  // inspect, wait_hold, offer, await_order, dispatch, none, police
  std::optional<std::string> offer_id;
};

struct InventoryPage {
  std::vector<InventoryRow> items;
  std::optional<std::string> next_cursor;
};

// The status and next step of one item (pure; tested without a database).
InventoryRow Classify(const storage::ItemRecord& item, const registry::Sellability& holds,
                      const std::vector<storage::OfferRecord>& offers, bool inspected, int64_t now);

class InventoryService {
 public:
  explicit InventoryService(const MarketContext& c) : c_(c) {}
  // The caller's organisation's items (market.manage); `limit` at most kOperatorPageMax. With a
  // status filter a page may hold fewer rows than `limit` and still have a next cursor.
  Result<InventoryPage> List(const identity::Principal& actor, const InventoryQuery& q);

 private:
  const MarketContext& c_;
};

}  // namespace recirc::market
