#include "api/complaints/dto.hpp"

namespace recirc::api::dto {
namespace {

std::optional<Time> OptTime(const std::optional<int64_t>& ms) {
  if (!ms) return std::nullopt;
  return Time{*ms};
}
template <class E>
std::optional<std::string> OptName(const std::optional<E>& e) {
  if (!e) return std::nullopt;
  return recirc::ToString(*e);
}
std::vector<ComplaintCount> Counts(const std::vector<complaints::Count>& counts) {
  std::vector<ComplaintCount> out;
  out.reserve(counts.size());
  for (const auto& c : counts) out.push_back({c.key, c.label, c.count});
  return out;
}

}  // namespace

Complaint Complaint::From(const complaints::ComplaintView& v) {
  const auto& c = v.complaint;
  Complaint out;
  out.id = c.id;
  out.subject_kind = recirc::ToString(c.subject_kind);
  out.subject_id = c.subject_id;
  out.organisation_id = c.organisation_id;
  out.organisation_name = v.organisation_name;
  out.region_code = c.region_code;
  out.category = recirc::ToString(c.category);
  out.demand = recirc::ToString(c.demand);
  out.facts = c.facts;
  if (!c.complainant_id.empty()) out.complainant_id = c.complainant_id;
  out.contact_name = c.contact_name;
  out.contact_phone = c.contact_phone;
  out.state = recirc::ToString(c.state);
  out.answer_due_at = Time{c.answer_due_at};
  out.answered_at = OptTime(c.answered_at);
  out.overdue = v.overdue;
  out.answered_late = v.answered_late;
  out.assigned_to = c.assigned_to;
  out.info_party = OptName(c.info_party);
  out.outcome = OptName(c.outcome);
  out.decided_at = OptTime(c.decided_at);
  out.created_at = Time{c.created_at};
  for (const auto& s : v.steps) {
    out.steps.push_back(
        {recirc::ToString(s.action), s.party, s.actor_id, s.text, s.detail, Time{s.at}});
  }
  return out;
}

ComplaintStatistics ComplaintStatistics::From(const complaints::ComplaintStatistics& s) {
  return {s.region_prefix,
          s.total,
          s.overdue,
          s.answered,
          s.answer_minutes_median,
          s.answer_minutes_p90,
          Counts(s.by_operator),
          Counts(s.by_category),
          Counts(s.by_outcome),
          Counts(s.by_state)};
}

}  // namespace recirc::api::dto
