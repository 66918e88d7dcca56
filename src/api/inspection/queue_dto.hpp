#pragma once
// The inspector's work list on the wire (GET /api/v1/inspection/queue, /lookup, /items/{id}).

#include <boost/describe/class.hpp>

#include "domain/inspection/queue.hpp"
#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::Omitted;
using jsonmap::tag_invoke;  // Omitted members left out, Time as RFC 3339 (argument-dependent
                            // lookup)
using jsonmap::Time;

struct QueueIdentifier {
  std::string kind;
  std::string value;
};
BOOST_DESCRIBE_STRUCT(QueueIdentifier, (), (kind, value))

struct InspectionQueueItem {
  static constexpr std::string_view kSchemaName = "InspectionQueueItem";
  static constexpr std::pair<std::string_view, std::string_view> kFieldSchemas[] = {
      {"receipt_number",
       R"js({"description": "the outlet's register number printed on the receipt"})js"},
      {"inspected", R"js({"description": "a signed report of the item exists"})js"}};
  std::string item_id;
  std::string category;
  std::string brand;
  std::string model;
  std::string status;
  std::vector<QueueIdentifier> identifiers;
  Time registered_at;
  Omitted<std::string> acquisition_id;
  Omitted<int64_t> receipt_number;
  Omitted<std::string> outlet_id;
  std::string outlet_name;
  Omitted<std::string> region_code;
  bool inspected = false;
  static InspectionQueueItem From(const inspection::QueueEntry& e) {
    InspectionQueueItem out;
    out.item_id = e.item.id;
    out.category = e.item.category;
    out.brand = e.item.brand;
    out.model = e.item.model;
    out.status = recirc::ToString(e.item.status);
    for (const auto& [kind, value] : e.identifiers) out.identifiers.push_back({kind, value});
    out.registered_at = {e.item.created_at};
    if (e.acquisition) {
      out.registered_at = {e.acquisition->created_at};
      out.acquisition_id.emplace(e.acquisition->id);
      out.receipt_number.emplace(e.acquisition->number);
      out.outlet_id.emplace(e.acquisition->outlet_id);
      out.region_code.emplace(e.acquisition->region_code);
    }
    out.outlet_name = e.outlet_name;
    out.inspected = e.inspected;
    return out;
  }
};
BOOST_DESCRIBE_STRUCT(InspectionQueueItem, (),
                      (item_id, category, brand, model, status, identifiers, registered_at,
                       acquisition_id, receipt_number, outlet_id, outlet_name, region_code,
                       inspected))

struct InspectionQueue {
  static constexpr std::string_view kSchemaName = "InspectionQueue";
  std::vector<InspectionQueueItem> items;
  Omitted<std::string> next_cursor;
};
BOOST_DESCRIBE_STRUCT(InspectionQueue, (), (items, next_cursor))

}  // namespace recirc::api::dto
