#pragma once
// The shop's inventory on the wire (see dto.hpp for the shared shapes).

#include "api/market/dto.hpp"
#include "domain/market/inventory.hpp"

namespace recirc::api::dto {

// One item of the shop's inventory (GET /api/v1/inventory).
struct InventoryItem {
  static constexpr std::string_view kSchemaName = "InventoryItem";
  static constexpr std::string_view kPageSchemaName = "InventoryPage";
  static constexpr FieldSchema kFieldSchemas[] = {
      {"status",
       R"js({"enum": ["registered", "in_hold", "inspected", "listed", "sold", "held", "seized"]})js"},
      {"hold_until", R"js({"description": "in_hold: when the statutory hold period ends"})js"},
      {"next_step",
       R"js({"enum": ["inspect", "wait_hold", "offer", "await_order", "dispatch", "none", "police"]})js"}};
  std::string item_id;
  std::string category;
  std::string brand;
  std::string model;
  std::string status;
  std::optional<Time> hold_until;
  std::string next_step;
  std::optional<std::string> offer_id;
  Time registered_at;
  static InventoryItem From(const market::InventoryRow& r) {
    return {r.item.id,
            r.item.category,
            r.item.brand,
            r.item.model,
            r.status,
            r.hold_until ? std::optional<Time>(Time{*r.hold_until}) : std::nullopt,
            r.next_step,
            r.offer_id,
            Time{r.item.created_at}};
  }
};
BOOST_DESCRIBE_STRUCT(InventoryItem, (),
                      (item_id, category, brand, model, status, hold_until, next_step, offer_id,
                       registered_at))

}  // namespace recirc::api::dto
