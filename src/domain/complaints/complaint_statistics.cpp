#include "domain/complaints/complaint_statistics.hpp"

#include <algorithm>
#include <map>

namespace recirc::complaints {
namespace {

constexpr int64_t kMinuteMs = int64_t{60} * 1000;

std::vector<Count> Sorted(const std::map<std::string, int64_t>& counts) {
  std::vector<Count> out;
  out.reserve(counts.size());
  for (const auto& [key, n] : counts) out.push_back({key, "", n});
  std::stable_sort(out.begin(), out.end(),
                   [](const Count& a, const Count& b) { return a.count > b.count; });
  return out;
}

}  // namespace

std::optional<int64_t> Percentile(std::vector<int64_t> values, int p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const size_t rank = (static_cast<size_t>(p) * values.size() + 99) / 100;  // ceil(p% of n)
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

ComplaintStatistics Summarise(const std::vector<storage::ComplaintRecord>& complaints, int64_t now,
                              const std::vector<std::pair<std::string, std::string>>& names) {
  ComplaintStatistics out;
  std::map<std::string, int64_t> by_operator;
  std::map<std::string, int64_t> by_category;
  std::map<std::string, int64_t> by_outcome;
  std::map<std::string, int64_t> by_state;
  std::vector<int64_t> minutes;
  for (const auto& c : complaints) {
    ++out.total;
    ++by_operator[c.organisation_id];
    ++by_category[ToString(c.category)];
    ++by_state[ToString(c.state)];
    if (c.outcome) ++by_outcome[ToString(*c.outcome)];
    if (c.answered_at) {
      minutes.push_back((*c.answered_at - c.created_at) / kMinuteMs);
    } else if (c.state != ComplaintState::kDecided && now > c.answer_due_at) {
      ++out.overdue;
    }
  }
  out.answered = static_cast<int64_t>(minutes.size());
  out.answer_minutes_median = Percentile(minutes, 50);
  out.answer_minutes_p90 = Percentile(minutes, 90);
  out.by_operator = Sorted(by_operator);
  for (auto& c : out.by_operator) {
    for (const auto& [id, name] : names) {
      if (id == c.key) c.label = name;
    }
  }
  out.by_category = Sorted(by_category);
  out.by_outcome = Sorted(by_outcome);
  out.by_state = Sorted(by_state);
  return out;
}

}  // namespace recirc::complaints
