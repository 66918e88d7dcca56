#pragma once
// SQL for the event_counts rollup (journal/event_counts.hpp).

#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct EventCount {
  int64_t day = 0;  // days since 1970-01-01 UTC
  std::string type;
  int64_t count = 0;
};

class EventCountsRepository {
 public:
  Status Add(Session& s, int64_t day, const std::string& type, int64_t n) const;
  Status Clear(Session& s) const;
  Result<std::vector<EventCount>> All(Session& s) const;
};

}  // namespace recirc::storage
