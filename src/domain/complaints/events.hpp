#pragma once
// The complaints' journal events (docs/complaints.md), all internal: a complaint's facts and its
// complainant never reach the public item history or the transparency log. Payloads carry ids,
// kinds and states only; the texts (facts, answer, question, reason) stay in complaint_steps.

#include "core/event_type.hpp"

namespace recirc::complaints::events {

// A buyer filed a complaint (aggregate: the complaint; organisation: the operator complained of).
inline constexpr EventType kComplaintFiled{
    "complaint.filed",
    "complaint",
    Visibility::kInternal,
    {"subject_kind", "subject_id", "category", "demand", "region_code", "answer_due_at"}};
// The operator answered.
inline constexpr EventType kComplaintAnswered{
    "complaint.answered", "complaint", Visibility::kInternal, {"late"}};
// Market supervision assigned it to a supervisor.
inline constexpr EventType kComplaintAssigned{
    "complaint.assigned", "complaint", Visibility::kInternal, {"assigned_to"}};
// Market supervision asked the operator or the complainant for information, and it came.
inline constexpr EventType kComplaintInfoRequested{
    "complaint.info_requested", "complaint", Visibility::kInternal, {"party"}};
inline constexpr EventType kComplaintInfoProvided{
    "complaint.info_provided", "complaint", Visibility::kInternal, {"party"}};
// Market supervision decided, with a reason (in the step); block_listing names the block.
inline constexpr EventType kComplaintDecided{
    "complaint.decided", "complaint", Visibility::kInternal, {"outcome", "block_id"}};

inline constexpr EventCatalogue<6> kAll{&kComplaintFiled,        &kComplaintAnswered,
                                        &kComplaintAssigned,     &kComplaintInfoRequested,
                                        &kComplaintInfoProvided, &kComplaintDecided};

}  // namespace recirc::complaints::events
