#include "journal/event_counts.hpp"

#include <map>

namespace recirc::journal {

Status EventCounts::Apply(storage::Session& s, std::span<const storage::EventRecord> events) {
  constexpr int64_t kDayMillis = 86'400'000;
  std::map<std::pair<int64_t, std::string>, int64_t> counts;
  for (const auto& e : events) counts[{e.occurred_at / kDayMillis, e.type}]++;
  for (const auto& [key, n] : counts) RECIRC_CHECK(repo_.Add(s, key.first, key.second, n));
  return Ok();
}

}  // namespace recirc::journal
