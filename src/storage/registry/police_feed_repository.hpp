#pragma once
// SQL for the police pull feed (registry::PoliceFeed consumer and the feed route).

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct PoliceFeedRecord {
  int64_t seq = 0;  // the journal's sequence number: the feed's cursor
  int64_t occurred_at = 0;
  std::string region_code;
  std::string organisation_id;
  std::string outlet_id;
  std::string acquisition_id;
  std::string item_id;
  std::string payload;  // the event's public facts (JSON)
};

class PoliceFeedRepository {
 public:
  Status Insert(Session& s, const PoliceFeedRecord& r) const;
  Status Clear(Session& s) const;
  // Entries after `after` whose region starts with `region_prefix`, oldest first.
  Result<std::vector<PoliceFeedRecord>> After(Session& s, const std::string& region_prefix,
                                              int64_t after, int limit) const;
};

}  // namespace recirc::storage
