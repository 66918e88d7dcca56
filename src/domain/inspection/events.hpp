#pragma once
// The inspection context's journal events (the catalogue: core/event_type.hpp). All four are
// public: leaves of the item-history log, which is what a passport shows of an inspection.
// A repair that changes an identifier also raises registry::events::kAlertRaised.

#include "core/event_type.hpp"

namespace recirc::inspection::events {

// An inspection report was filed (report_service.cpp).
inline constexpr EventType kItemInspected{
    "item.inspected",
    "item",
    Visibility::kPublic,
    {"report_id", "inspection_body_id", "checklist", "measured", "grade", "defects", "authenticity",
     "self_inspection"}};
// A repair was recorded (repair.cpp); parts and description are public facts.
inline constexpr EventType kItemRepaired{"item.repaired",
                                         "item",
                                         Visibility::kPublic,
                                         {"repair_id", "repaired_at", "description", "parts"}};
// A repair changed an identifier: the kind only, never the values (the red flag).
inline constexpr EventType kItemIdentifierChanged{
    "item.identifier_changed", "item", Visibility::kPublic, {"repair_id", "kind", "red_flag"}};
// A data sanitization certificate was issued (sanitization.cpp).
inline constexpr EventType kItemSanitized{"item.sanitized",
                                          "item",
                                          Visibility::kPublic,
                                          {"certificate_id", "level", "method", "media_type",
                                           "tool", "tool_version", "result", "destination"}};

inline constexpr EventCatalogue<4> kAll{&kItemInspected, &kItemRepaired, &kItemIdentifierChanged,
                                        &kItemSanitized};

}  // namespace recirc::inspection::events
