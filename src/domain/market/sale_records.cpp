#include "domain/market/sale_records.hpp"

#include "domain/market/events.hpp"
#include "domain/registry/events.hpp"

namespace recirc::market {

bool SoldSinceLastAcquisition(const std::vector<storage::EventRecord>& item_events) {
  bool sold = false;
  for (const auto& e : item_events) {
    if (e.type == registry::events::kItemAcquired.name || e.type == events::kItemReturned.name ||
        e.type == events::kItemSaleCancelled.name) {
      sold = false;
    } else if (e.type == events::kItemSold.name) {
      sold = true;
    }
  }
  return sold;
}

Result<bool> SaleRecords::SoldSinceLastAcquisition(storage::Session& s,
                                                   const std::string& item_id) const {
  RECIRC_TRY(auto item_events, journal_.ForAggregate(s, events::kItemSold.aggregate, item_id));
  return market::SoldSinceLastAcquisition(item_events);
}

}  // namespace recirc::market
