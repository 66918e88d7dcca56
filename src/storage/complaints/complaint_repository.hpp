#pragma once
// SQL for complaints and their steps (docs/complaints.md). States and kinds are the enums of
// domain/complaints/statuses.hpp, stored as their table strings. Contact details arrive sealed:
// this repository never sees them in clear.

#include <optional>
#include <string>
#include <vector>

#include "domain/complaints/statuses.hpp"
#include "storage/database.hpp"

namespace recirc::storage {

struct ComplaintRecord {
  std::string id;
  complaints::SubjectKind subject_kind = complaints::SubjectKind::kOrder;
  std::string subject_id;
  std::string organisation_id;
  std::string region_code;
  complaints::Category category = complaints::Category::kOther;
  complaints::Demand demand = complaints::Demand::kOther;
  std::string facts;
  std::string complainant_id;
  std::optional<std::string> contact_name;   // sealed
  std::optional<std::string> contact_phone;  // sealed
  complaints::ComplaintState state = complaints::ComplaintState::kFiled;
  int64_t answer_due_at = 0;
  std::optional<int64_t> answered_at;
  std::optional<std::string> assigned_to;
  std::optional<complaints::Party> info_party;
  std::optional<complaints::Outcome> outcome;
  std::optional<int64_t> decided_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct ComplaintStepRecord {
  std::string id;
  std::string complaint_id;
  complaints::Action action = complaints::Action::kFile;
  std::string actor_id;
  std::string party;  // complainant, operator, supervision
  std::string text;
  std::string detail;
  int64_t at = 0;
};

// Which complaints a list shows: exactly one of the three scopes is set.
struct ComplaintScope {
  std::optional<std::string> complainant_id;
  std::optional<std::string> organisation_id;
  std::optional<std::string> region_prefix;  // "" for every region
  std::optional<complaints::ComplaintState> state;
};

class ComplaintRepository {
 public:
  Status Insert(Session& s, const ComplaintRecord& r) const;
  Result<std::optional<ComplaintRecord>> Find(Session& s, const std::string& id) const;
  // Writes the mutable fields (state, answer, assignment, info, outcome, times).
  Status Update(Session& s, const ComplaintRecord& r) const;
  // Newest first, at most `limit`.
  Result<std::vector<ComplaintRecord>> List(Session& s, const ComplaintScope& scope,
                                            int limit) const;
  // Every complaint whose region starts with `region_prefix` (statistics).
  Result<std::vector<ComplaintRecord>> InRegion(Session& s, const std::string& region_prefix) const;
  Status InsertStep(Session& s, const ComplaintStepRecord& r) const;
  Result<std::vector<ComplaintStepRecord>> Steps(Session& s, const std::string& complaint_id) const;
};

}  // namespace recirc::storage
