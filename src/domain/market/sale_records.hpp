#pragma once
// SaleRecords: the market's answer to registry::CirculationPort, read from the item's own events
// in the journal: `item.acquired` (registry) puts the item in an operator's stock, `item.sold`
// takes it out, `item.sale_cancelled` and `item.returned` put it back.

#include <string_view>
#include <vector>

#include "domain/registry/circulation_port.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::market {

// The rule on its own: the item's events in journal order.
bool SoldSinceLastAcquisition(const std::vector<storage::EventRecord>& item_events);

class SaleRecords final : public registry::CirculationPort {
 public:
  explicit SaleRecords(const storage::JournalRepository& journal) : journal_(journal) {}
  Result<bool> SoldSinceLastAcquisition(storage::Session& s,
                                        const std::string& item_id) const override;

 private:
  const storage::JournalRepository& journal_;
};

}  // namespace recirc::market
