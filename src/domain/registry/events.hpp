#pragma once
// The registry context's journal events (the catalogue: core/event_type.hpp). Public events
// become leaves of the item-history log; their payloads hold public facts only.

#include "core/event_type.hpp"

namespace recirc::registry::events {

// An item was acquired and registered (registration.cpp). Public: the first leaf of an item.
inline constexpr EventType kItemAcquired{
    "item.acquired",
    "item",
    Visibility::kPublic,
    {"acquisition_id", "kind", "channel", "category", "brand", "model", "outlet_id"}};
// A registration was corrected (corrections.cpp); `fields` names what changed, values only for
// category, brand and model.
inline constexpr EventType kItemCorrected{
    "item.corrected",
    "item",
    Visibility::kPublic,
    {"acquisition_id", "correction_id", "fields", "category", "brand", "model"}};
// The police released a hold on the item (police.cpp).
inline constexpr EventType kItemHoldReleased{"item.hold_released", "item", Visibility::kPublic, {}};
// The police seized the item. Internal: it names the police organisation while an
// investigation may run; history::SeizurePublisher later writes the public
// item.seizure_published (docs/security.md).
inline constexpr EventType kItemSeized{"item.seized", "item", Visibility::kInternal, {}};
// Screening (registration, corrections) or a repair raised a police alert, for the police of
// the district (region_code) the item was registered in (the notification centre tells them).
inline constexpr EventType kAlertRaised{
    "alert.raised", "alert", Visibility::kInternal, {"score", "region_code"}};
// The police decided an alert: released, seized or info_requested.
inline constexpr EventType kAlertDecided{
    "alert.decided", "alert", Visibility::kInternal, {"decision"}};
// The police imported a watchlist (counts only; no identifiers).
inline constexpr EventType kWatchlistImported{
    "watchlist.imported", "watchlist", Visibility::kInternal, {"source", "entries"}};
// One watchlist entry was added (no identifier, no note).
inline constexpr EventType kWatchlistEntryAdded{
    "watchlist.entry_added", "watchlist", Visibility::kInternal, {"source", "status"}};
// Reference models (prices for screening) were imported.
inline constexpr EventType kReferenceModelsImported{
    "reference_models.imported", "reference_models", Visibility::kInternal, {"models"}};

inline constexpr EventCatalogue<9> kAll{
    &kItemAcquired,      &kItemCorrected,       &kItemHoldReleased,
    &kItemSeized,        &kAlertRaised,         &kAlertDecided,
    &kWatchlistImported, &kWatchlistEntryAdded, &kReferenceModelsImported};

}  // namespace recirc::registry::events
