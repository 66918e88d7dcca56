#pragma once
// Complaints on the wire (docs/complaints.md), described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

#include "domain/complaints/complaint_service.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;
using jsonmap::Time;

struct NewComplaint {
  static constexpr bool kRequest = true;
  static constexpr std::string_view kSchemaName = "NewComplaint";
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"subject_kind", R"js({"enum": ["order", "offer", "organisation"]})js"},
      {"category",
       R"js({"enum": ["not_as_described", "counterfeit", "refund_refused", "warranty", "delivery", "pricing", "personal_data", "other"]})js"},
      {"demand", R"js({"enum": ["refund", "repair", "replacement", "compensation", "other"]})js"},
      {"facts", R"js({"maxLength": 4000})js"},
      {"contact_phone", R"js({"pattern": "^1[0-9]{10}$"})js"}};
  std::string subject_kind;
  std::string subject_id;
  std::string category;
  std::string demand;
  std::string facts;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  complaints::ComplaintInput ToDomain() const {
    return {subject_kind, subject_id, category, demand, facts, contact_name, contact_phone};
  }
};
BOOST_DESCRIBE_STRUCT(NewComplaint, (),
                      (subject_kind, subject_id, category, demand, facts, contact_name,
                       contact_phone))

struct ComplaintText {
  static constexpr bool kRequest = true;
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"text", R"js({"maxLength": 2000})js"}};
  std::string text;
};
BOOST_DESCRIBE_STRUCT(ComplaintText, (), (text))

struct ComplaintAssignment {
  static constexpr bool kRequest = true;
  std::string assignee;  // a supervisor's user id of the caller's office (the caller's own)
};
BOOST_DESCRIBE_STRUCT(ComplaintAssignment, (), (assignee))

struct ComplaintQuestion {
  static constexpr bool kRequest = true;
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"party", R"js({"enum": ["operator", "complainant"]})js"},
      {"question", R"js({"maxLength": 2000})js"}};
  std::string party;
  std::string question;
};
BOOST_DESCRIBE_STRUCT(ComplaintQuestion, (), (party, question))

struct ComplaintDecision {
  static constexpr bool kRequest = true;
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"outcome",
       R"js({"enum": ["dismiss", "mediate", "order_refund", "block_listing", "warn_operator"]})js"},
      {"reason", R"js({"maxLength": 2000})js"}};
  std::string outcome;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(ComplaintDecision, (), (outcome, reason))

struct ComplaintStep {
  std::string action;    // file, answer, assign, request_info, provide_info, decide
  std::string party;     // complainant, operator, supervision
  std::string actor_id;  // empty for the complainant's steps in the operator's view
  std::string text;
  std::string detail;  // the demand, the assignee, the party asked, the outcome
  Time at;
};
BOOST_DESCRIBE_STRUCT(ComplaintStep, (), (action, party, actor_id, text, detail, at))

struct Complaint {
  static constexpr std::string_view kSchemaName = "Complaint";
  static constexpr std::string_view kListSchemaName = "ComplaintList";
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"state", R"js({"enum": ["filed", "answered", "in_review", "info_requested", "decided"]})js"},
      {"contact_name",
       R"js({"description": "the complainant's own view: in full; supervision: masked; the operator: null"})js"}};
  std::string id;
  std::string subject_kind;
  std::string subject_id;
  std::string organisation_id;
  std::string organisation_name;
  std::string region_code;
  std::string category;
  std::string demand;
  std::string facts;
  std::optional<std::string> complainant_id;  // null in the operator's view
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::string state;
  Time answer_due_at;
  std::optional<Time> answered_at;
  bool overdue = false;
  bool answered_late = false;
  std::optional<std::string> assigned_to;
  std::optional<std::string> info_party;
  std::optional<std::string> outcome;
  std::optional<Time> decided_at;
  Time created_at;
  std::vector<ComplaintStep> steps;
  static Complaint From(const complaints::ComplaintView& v);
};
BOOST_DESCRIBE_STRUCT(Complaint, (),
                      (id, subject_kind, subject_id, organisation_id, organisation_name,
                       region_code, category, demand, facts, complainant_id, contact_name,
                       contact_phone, state, answer_due_at, answered_at, overdue, answered_late,
                       assigned_to, info_party, outcome, decided_at, created_at, steps))

struct ComplaintList {
  std::vector<Complaint> items;
  int64_t answer_days = 0;  // [complaints] answer_days
};
BOOST_DESCRIBE_STRUCT(ComplaintList, (), (items, answer_days))

struct ComplaintCount {
  std::string key;
  std::string label;
  int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(ComplaintCount, (), (key, label, count))

struct ComplaintStatistics {
  static constexpr std::string_view kSchemaName = "ComplaintStatistics";
  std::string region_prefix;
  int64_t total = 0;
  int64_t overdue = 0;
  int64_t answered = 0;
  std::optional<int64_t> answer_minutes_median;
  std::optional<int64_t> answer_minutes_p90;
  std::vector<ComplaintCount> by_operator;
  std::vector<ComplaintCount> by_category;
  std::vector<ComplaintCount> by_outcome;
  std::vector<ComplaintCount> by_state;
  static ComplaintStatistics From(const complaints::ComplaintStatistics& s);
};
BOOST_DESCRIBE_STRUCT(ComplaintStatistics, (),
                      (region_prefix, total, overdue, answered, answer_minutes_median,
                       answer_minutes_p90, by_operator, by_category, by_outcome, by_state))

}  // namespace recirc::api::dto
