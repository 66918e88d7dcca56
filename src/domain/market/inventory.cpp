#include "domain/market/inventory.hpp"

#include <algorithm>
#include <array>

#include "domain/inspection/events.hpp"
#include "domain/market/paging.hpp"

namespace recirc::market {
namespace {

constexpr std::array<std::string_view, 7> kStatuses = {
    "registered", "in_hold", "inspected", "listed", "sold", "held", "seized"};
// A status filter reads at most this many items per request, then answers with a cursor.
constexpr int64_t kScanLimit = 2000;

}  // namespace

InventoryRow Classify(const storage::ItemRecord& item, const registry::Sellability& holds,
                      const std::vector<storage::OfferRecord>& offers, bool inspected,
                      int64_t now) {
  (void)now;
  InventoryRow row{item, "registered", std::nullopt, "inspect", std::nullopt};
  if (item.status == registry::ItemStatus::kSeized) {
    row.status = "seized";
    row.next_step = "police";
    return row;
  }
  std::optional<int64_t> statutory_until;
  bool other_hold = item.status == registry::ItemStatus::kHeld;
  for (const auto& h : holds.holds) {
    if (!h.active) continue;
    if (h.kind == "statutory" && h.until) {
      statutory_until = std::max(statutory_until.value_or(0), *h.until);
    } else {
      other_hold = true;
    }
  }
  if (other_hold) {
    row.status = "held";
    row.next_step = "police";
    return row;
  }
  for (const auto& o : offers) {
    if (o.status == OfferStatus::kSold) {
      row.status = "sold";
      row.next_step = "none";
      row.offer_id = o.id;
      return row;
    }
  }
  for (const auto& o : offers) {
    if (o.status == OfferStatus::kPublished || o.status == OfferStatus::kReserved) {
      row.status = "listed";
      row.next_step = o.status == OfferStatus::kReserved ? "dispatch" : "await_order";
      row.offer_id = o.id;
      return row;
    }
  }
  if (statutory_until) {
    row.status = "in_hold";
    row.hold_until = statutory_until;
    row.next_step = "wait_hold";
    return row;
  }
  if (inspected) {
    row.status = "inspected";
    row.next_step = "offer";
  }
  return row;
}

Result<InventoryPage> InventoryService::List(const identity::Principal& actor,
                                             const InventoryQuery& q) {
  if (!actor.Has(identity::Permission::kMarketManage) || actor.organisation.id.empty()) {
    return Error::PermissionDenied("your role has no inventory");
  }
  RECIRC_CHECK(CheckPage(q.page, kOperatorPageMax));
  if (q.status && std::find(kStatuses.begin(), kStatuses.end(), *q.status) == kStatuses.end()) {
    return Error::InvalidArgument("status",
                                  "status is registered, in_hold, inspected, listed, sold, held "
                                  "or seized");
  }
  if (q.imei && (q.imei->empty() || q.imei->size() > 64)) {
    return Error::InvalidArgument("imei", "an IMEI or serial, 1 to 64 characters");
  }
  const int64_t now = ToUnixMillis(c_.clock.Now());
  return storage::ReadValue<InventoryPage>(
      c_.db, [&](storage::Session& s) -> Result<InventoryPage> {
        InventoryPage out;
        std::string before = q.page.after;
        int64_t scanned = 0;
        for (;;) {
          RECIRC_TRY(auto items,
                     c_.registry.ItemsOfOrganisation(s, actor.organisation.id, before,
                                                     q.imei.value_or(""), q.page.limit));
          for (const auto& item : items) {
            RECIRC_TRY(auto holds, c_.sellable.Holds(s, item.id));
            RECIRC_TRY(auto offers, c_.repo.OffersOfItem(s, item.id));
            RECIRC_TRY(auto events, c_.journal.ForAggregate(s, "item", item.id));
            const bool inspected =
                std::any_of(events.begin(), events.end(), [](const storage::EventRecord& e) {
                  return e.type == inspection::events::kItemInspected.name;
                });
            auto row = Classify(item, holds, offers, inspected, now);
            before = item.id;
            if (q.status && row.status != *q.status) continue;
            out.items.push_back(std::move(row));
            if (static_cast<int>(out.items.size()) == q.page.limit) {
              out.next_cursor = item.id;
              return out;
            }
          }
          scanned += static_cast<int64_t>(items.size());
          if (static_cast<int>(items.size()) < q.page.limit) return out;  // the end
          if (scanned >= kScanLimit) {
            out.next_cursor = before;  // more may match: the client asks again from here
            return out;
          }
        }
      });
}

}  // namespace recirc::market
