#pragma once
// CirculationPort: what the registry asks of the market when an item it already knows is
// acquired again. Acquiring an item a second time while it never left the operators' hands is a
// suspicion signal (`reacquired_unsold`, screening.hpp); acquiring it back after recirc sold it
// (a buy-back, a trade-in, a resale by its buyer) is ordinary business and must not alert the
// police. Whether it was sold is the market's fact, so the market implements this port
// (market::SaleRecords) and src/app/ wires it in.
//
// Contract: runs inside the caller's transaction, on the Session it is given; opens none.

#include <string>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace recirc::registry {

class CirculationPort {
 public:
  virtual ~CirculationPort() = default;
  // True when a sale of the item recorded after its latest acquisition still stands (not
  // cancelled before hand-over, not refunded on a return).
  virtual Result<bool> SoldSinceLastAcquisition(storage::Session& s,
                                                const std::string& item_id) const = 0;
};

}  // namespace recirc::registry
