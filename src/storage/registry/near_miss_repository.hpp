#pragma once
// SQL for near misses: screenings whose signals fired but stayed below the alert threshold.

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct NearMissRecord {
  std::string id;
  std::string acquisition_id;
  std::string item_id;
  std::string region_code;  // the outlet's
  int64_t score = 0;
  std::string reasons;  // JSON array of {signal, weight, detail}, as on an alert
  int64_t created_at = 0;
};

class NearMissRepository {
 public:
  Status Insert(Session& s, const NearMissRecord& r) const;
  // Near misses whose region starts with `region_prefix`, created in [from, to), newest first.
  Result<std::vector<NearMissRecord>> InRegion(Session& s, const std::string& region_prefix,
                                               int64_t from, int64_t to, int limit) const;
};

}  // namespace recirc::storage
