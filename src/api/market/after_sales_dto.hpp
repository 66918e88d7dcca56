#pragma once
// After-sales cases and the seller's decisions on the wire (see dto.hpp for the shared shapes).

#include "api/market/dto.hpp"
#include "domain/market/after_sales.hpp"

namespace recirc::api::dto {

// An after-sales case. `details` is the case's own record: what the buyer asked for and, once
// decided, the decision.
struct AfterSale {
  static constexpr std::string_view kSchemaName = "AfterSale";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"kind", R"js({"enum": ["return", "warranty", "dispute"]})js"},
      {"status",
       R"js({"enum": ["open", "accepted", "refused", "resolved", "in_progress", "completed",
                    "refunded", "rejected"],
           "description": "return: open, accepted, refused; warranty: open, in_progress (repair or replace), completed, refunded, rejected; dispute: open, resolved"})js"},
      {"flagged", R"js({"description": "the returned serials differ from the dispatch record"})js"},
      {"details",
       R"js({"type": "object", "description": "the request (serials, photos, reason, serial_differences; fault; report_id, claim) and, once decided, the decision: refusal_reason (return); outcome, note, refund_fen, completion_note, completed_at (warranty); outcome, reinspection_report_id, differences (dispute)"})js"}};
  std::string id;
  std::string order_id;
  std::string kind;
  std::string status;
  bool flagged = false;
  boost::json::value details;
  Time created_at;
  std::optional<Time> decided_at;
  static AfterSale From(const storage::AfterSaleRecord& a);
};
BOOST_DESCRIBE_STRUCT(AfterSale, (),
                      (id, order_id, kind, status, flagged, details, created_at, decided_at))

struct AfterSaleList {
  static constexpr std::string_view kSchemaName = "AfterSaleList";
  std::vector<AfterSale> items;
};
BOOST_DESCRIBE_STRUCT(AfterSaleList, (), (items))

// Requests of the seller's after-sales decisions (inline schemas).
struct RefuseReturn {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"reason",
       R"js({"minLength": 1, "maxLength": 500, "description": "why: kept with the case, shown to the buyer, not in the item's public history"})js"}};
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(RefuseReturn, (), (reason))

struct WarrantyDecision {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"outcome", R"js({"enum": ["repair", "replace", "refund", "reject"]})js"},
      {"note", R"js({"maxLength": 2000})js"},
      {"amount_fen",
       R"js({"minimum": 1, "description": "refund only; defaults to all that was paid and not yet refunded, never more"})js"}};
  std::string outcome;
  std::optional<std::string> note;
  std::optional<int64_t> amount_fen;
};
BOOST_DESCRIBE_STRUCT(WarrantyDecision, (), (outcome, note, amount_fen))

struct CompleteWarranty {
  static constexpr bool kRequest = true;
  static constexpr FieldSchema kFieldSchemas[] = {
      {"note", R"js({"minLength": 1, "maxLength": 2000})js"}};
  std::string note;
};
BOOST_DESCRIBE_STRUCT(CompleteWarranty, (), (note))

}  // namespace recirc::api::dto
