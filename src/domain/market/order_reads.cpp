// OrderService, second part: reading orders (one, the organisation's, the buyer's own), their
// delivery details for the two parties, and erasing those details after the retention period.
#include "domain/market/delivery.hpp"
#include "domain/market/order_service.hpp"
#include "domain/market/paging.hpp"

namespace recirc::market {

using identity::Permission;

Result<storage::OrderRecord> OrderService::Get(const identity::Principal& actor,
                                               const OrderId& id) {
  RECIRC_TRY(auto o,
             storage::ReadValue<std::optional<storage::OrderRecord>>(
                 c_.db, [&](storage::Session& s) { return c_.repo.FindOrder(s, id.ToString()); }));
  if (!o || !SeesOrder(actor, *o)) return Error::NotFound("order " + id.ToString() + " not found");
  return *o;
}

Result<OrderPage> OrderService::OfOrganisation(const identity::Principal& actor,
                                               const storage::PageRequest& page) {
  if (!actor.Has(Permission::kMarketManage))
    return Error::PermissionDenied("your role has no orders");
  RECIRC_CHECK(CheckPage(page, kOperatorPageMax));
  RECIRC_TRY(auto items,
             storage::ReadValue<std::vector<storage::OrderRecord>>(c_.db, [&](storage::Session& s) {
               return c_.repo.OrdersOfOrganisation(s, actor.organisation.id, page.after,
                                                   page.limit);
             }));
  OrderPage out;
  out.next_cursor = NextCursor(items, page.limit, [](const auto& o) { return o.id; });
  out.items = std::move(items);
  return out;
}

Result<OrderPage> OrderService::Mine(const identity::Principal& actor,
                                     const storage::PageRequest& page) {
  if (!actor.Has(Permission::kMarketBuy) || actor.method == identity::AuthMethod::kSystem) {
    return Error::PermissionDenied("your role places no orders");
  }
  RECIRC_CHECK(CheckPage(page, kBuyerPageMax));
  RECIRC_TRY(auto items,
             storage::ReadValue<std::vector<storage::OrderRecord>>(c_.db, [&](storage::Session& s) {
               return c_.repo.OrdersOfCreator(s, actor.user_id, page.after, page.limit);
             }));
  OrderPage out;
  if (static_cast<int>(items.size()) == page.limit) out.next_cursor = items.back().id;
  out.items = std::move(items);
  return out;
}

Result<std::optional<DeliveryDetails>> OrderService::DeliveryOf(const identity::Principal& actor,
                                                                const OrderId& id) {
  return storage::ReadValue<std::optional<DeliveryDetails>>(
      c_.db, [&](storage::Session& s) -> Result<std::optional<DeliveryDetails>> {
        RECIRC_TRY(auto o, c_.repo.FindOrder(s, id.ToString()));
        // The selling shop and the buyer; nobody else learns the order exists.
        if (!o || !SeesOrder(actor, *o))
          return Error::NotFound("order " + id.ToString() + " not found");
        RECIRC_TRY(auto r, c_.repo.FindDelivery(s, id.ToString()));
        if (!r) return std::optional<DeliveryDetails>();
        RECIRC_TRY(auto details, OpenDelivery(c_.seal, *r));
        return std::optional<DeliveryDetails>(std::move(details));
      });
}

Result<int64_t> OrderService::EraseDeliveriesBefore(int64_t before, int64_t batch_size) {
  const int64_t now = ToUnixMillis(c_.clock.Now());
  int64_t erased = 0;
  for (;;) {
    // Look before writing: a run with nothing to erase commits nothing.
    RECIRC_TRY(auto due,
               storage::ReadValue<std::vector<std::string>>(c_.db, [&](storage::Session& s) {
                 return c_.repo.DeliveriesPlacedBefore(s, before, 1);
               }));
    if (due.empty()) break;
    RECIRC_TRY(int64_t n,
               storage::WriteValue<int64_t>(c_.db, [&](storage::Session& s) -> Result<int64_t> {
                 RECIRC_TRY(auto ids, c_.repo.DeliveriesPlacedBefore(s, before, batch_size));
                 for (const auto& id : ids) RECIRC_CHECK(c_.repo.EraseDelivery(s, id, now));
                 return static_cast<int64_t>(ids.size());
               }));
    erased += n;
    if (n < batch_size) break;
  }
  return erased;
}

}  // namespace recirc::market
