#pragma once
// SQL for the daily report delivery (documents::ReportDelivery): which days were delivered, and
// every outlet with its region.

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct OutletRegion {
  std::string id;
  std::string organisation_id;
  std::string region_code;
};

class ReportDeliveryRepository {
 public:
  // The latest day ("YYYY-MM-DD") whose reports were delivered, if any.
  Result<std::optional<std::string>> LastDelivered(Session& s) const;
  // Records the day as delivered; a day recorded already stays as it was.
  Status MarkDelivered(Session& s, const std::string& day, int64_t outlets, int64_t at) const;
  // Every outlet of every organisation, in id order.
  Result<std::vector<OutletRegion>> AllOutlets(Session& s) const;
};

}  // namespace recirc::storage
