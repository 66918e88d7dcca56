#pragma once
// A page of results, shared by every context's lists: up to `limit` rows whose id is greater than
// `after` (ids sort by time).

#include <string>

namespace recirc::storage {

struct PageRequest {
  std::string after;
  int limit = 50;
};

}  // namespace recirc::storage
