#pragma once
// The history context's own journal event (the catalogue: core/event_type.hpp).

#include "core/event_type.hpp"

namespace recirc::history::events {

// A seizure, published after the delay without the police organisation or actor
// (seizure_publisher.hpp). Public: the leaf that registry::events::kItemSeized is not.
inline constexpr EventType kItemSeizurePublished{
    "item.seizure_published", "item", Visibility::kPublic, {"seized_on"}};

inline constexpr EventCatalogue<1> kAll{&kItemSeizurePublished};

}  // namespace recirc::history::events
