#pragma once
// The complaints' vocabularies (docs/complaints.md) and their state machine. Header only and free
// of storage, so the complaints repository maps its columns with it.

#include <optional>

#include "core/enum_table.hpp"

namespace recirc::complaints {

// What a complaint is about.
enum class SubjectKind { kOrder, kOffer, kOrganisation };
inline constexpr EnumTable<SubjectKind, 3> kSubjectKindTable{
    "subject kind",
    {{{SubjectKind::kOrder, "order"},
      {SubjectKind::kOffer, "offer"},
      {SubjectKind::kOrganisation, "organisation"}}}};
constexpr const auto& EnumTableOf(SubjectKind) { return kSubjectKindTable; }

// The grievance.
enum class Category {
  kNotAsDescribed,
  kCounterfeit,
  kRefundRefused,
  kWarranty,
  kDelivery,
  kPricing,
  kPersonalData,
  kOther,
};
inline constexpr EnumTable<Category, 8> kCategoryTable{
    "category",
    {{{Category::kNotAsDescribed, "not_as_described"},
      {Category::kCounterfeit, "counterfeit"},
      {Category::kRefundRefused, "refund_refused"},
      {Category::kWarranty, "warranty"},
      {Category::kDelivery, "delivery"},
      {Category::kPricing, "pricing"},
      {Category::kPersonalData, "personal_data"},
      {Category::kOther, "other"}}}};
constexpr const auto& EnumTableOf(Category) { return kCategoryTable; }

// What the complainant asks for (DOMAIN.md "Complaints").
enum class Demand { kRefund, kRepair, kReplacement, kCompensation, kOther };
inline constexpr EnumTable<Demand, 5> kDemandTable{"demand",
                                                   {{{Demand::kRefund, "refund"},
                                                     {Demand::kRepair, "repair"},
                                                     {Demand::kReplacement, "replacement"},
                                                     {Demand::kCompensation, "compensation"},
                                                     {Demand::kOther, "other"}}}};
constexpr const auto& EnumTableOf(Demand) { return kDemandTable; }

// filed → answered (the operator) → in_review (supervision assigns) ⇄ info_requested → decided.
// Supervision may also assign a filed complaint the operator has not answered.
enum class ComplaintState { kFiled, kAnswered, kInReview, kInfoRequested, kDecided };
inline constexpr EnumTable<ComplaintState, 5> kComplaintStateTable{
    "state",
    {{{ComplaintState::kFiled, "filed"},
      {ComplaintState::kAnswered, "answered"},
      {ComplaintState::kInReview, "in_review"},
      {ComplaintState::kInfoRequested, "info_requested"},
      {ComplaintState::kDecided, "decided"}}}};
constexpr const auto& EnumTableOf(ComplaintState) { return kComplaintStateTable; }

// A step of the complaint; each is one row of its history and one journal event.
enum class Action { kFile, kAnswer, kAssign, kRequestInfo, kProvideInfo, kDecide };
inline constexpr EnumTable<Action, 6> kActionTable{"action",
                                                   {{{Action::kFile, "file"},
                                                     {Action::kAnswer, "answer"},
                                                     {Action::kAssign, "assign"},
                                                     {Action::kRequestInfo, "request_info"},
                                                     {Action::kProvideInfo, "provide_info"},
                                                     {Action::kDecide, "decide"}}}};
constexpr const auto& EnumTableOf(Action) { return kActionTable; }

// Market supervision's decision; every one comes with a reason.
enum class Outcome { kDismiss, kMediate, kOrderRefund, kBlockListing, kWarnOperator };
inline constexpr EnumTable<Outcome, 5> kOutcomeTable{"outcome",
                                                     {{{Outcome::kDismiss, "dismiss"},
                                                       {Outcome::kMediate, "mediate"},
                                                       {Outcome::kOrderRefund, "order_refund"},
                                                       {Outcome::kBlockListing, "block_listing"},
                                                       {Outcome::kWarnOperator, "warn_operator"}}}};
constexpr const auto& EnumTableOf(Outcome) { return kOutcomeTable; }

// Whom supervision asks for information.
enum class Party { kOperator, kComplainant };
inline constexpr EnumTable<Party, 2> kPartyTable{
    "party", {{{Party::kOperator, "operator"}, {Party::kComplainant, "complainant"}}}};
constexpr const auto& EnumTableOf(Party) { return kPartyTable; }

// The state after `action` in `state`, or nullopt when the action is not allowed there (the
// service answers 409 complaint.illegal_transition). Filing has no "before" state.
constexpr std::optional<ComplaintState> Next(ComplaintState state, Action action) {
  using S = ComplaintState;
  switch (action) {
    case Action::kFile:
      return std::nullopt;
    case Action::kAnswer:
      if (state == S::kFiled) return S::kAnswered;
      return std::nullopt;
    case Action::kAssign:  // also re-assigns one under review
      if (state == S::kFiled || state == S::kAnswered || state == S::kInReview) {
        return S::kInReview;
      }
      return std::nullopt;
    case Action::kRequestInfo:
      if (state == S::kInReview) return S::kInfoRequested;
      return std::nullopt;
    case Action::kProvideInfo:
      if (state == S::kInfoRequested) return S::kInReview;
      return std::nullopt;
    case Action::kDecide:
      if (state == S::kInReview) return S::kDecided;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace recirc::complaints
