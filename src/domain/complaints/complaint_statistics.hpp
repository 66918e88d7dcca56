#pragma once
// Complaint statistics for market supervision (docs/complaints.md "Statistics"): within the
// caller's region, for complaints filed in [from, to): counts by operator, category, outcome and
// state, overdue answers, and the operator's time to answer in whole minutes (median and 90th
// percentile, nearest rank over the answered ones). Counts only: no complainant, no texts.

#include <optional>
#include <string>
#include <vector>

#include "domain/identity/principal.hpp"
#include "storage/complaints/complaint_repository.hpp"

namespace recirc::complaints {

struct Count {
  std::string key;    // the operator's organisation id, the category, the outcome, the state
  std::string label;  // the operator's name; else empty (the web app words the key)
  int64_t count = 0;
};

struct ComplaintStatistics {
  std::string region_prefix;
  int64_t total = 0;
  int64_t overdue = 0;  // not answered, past the deadline, not decided
  int64_t answered = 0;
  std::optional<int64_t> answer_minutes_median;
  std::optional<int64_t> answer_minutes_p90;
  std::vector<Count> by_operator;  // most complaints first
  std::vector<Count> by_category;
  std::vector<Count> by_outcome;  // decided ones
  std::vector<Count> by_state;
};

// Pure: the figures over `complaints` at `now`; `names` maps organisation ids to names.
ComplaintStatistics Summarise(const std::vector<storage::ComplaintRecord>& complaints, int64_t now,
                              const std::vector<std::pair<std::string, std::string>>& names);

// The nearest-rank percentile (0 < p <= 100) of `values`; nullopt when empty.
std::optional<int64_t> Percentile(std::vector<int64_t> values, int p);

}  // namespace recirc::complaints
