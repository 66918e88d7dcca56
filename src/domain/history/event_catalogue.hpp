#pragma once
// Every context's journal events in one catalogue. Which events are public (leaves of the
// item-history log) is each entry's `visibility`, declared next to the event in its context's
// header:
//
//   src/domain/identity/events.hpp     src/domain/registry/events.hpp
//   src/domain/inspection/events.hpp   src/domain/market/events.hpp
//   src/domain/history/events.hpp      src/domain/complaints/events.hpp
//   src/domain/consignment/events.hpp
//
// To add an event: declare an `inline constexpr EventType` in its context's header (name,
// aggregate, visibility, payload fields, a comment), add it to that header's kAll, and pass it to
// JournalRepository::Append. event_catalogue_test.cpp pins the exact set of public events, so
// making an event public is a deliberate change there too.

#include <string_view>
#include <vector>

#include "core/event_type.hpp"
#include "domain/complaints/events.hpp"
#include "domain/consignment/events.hpp"
#include "domain/history/events.hpp"
#include "domain/identity/events.hpp"
#include "domain/inspection/events.hpp"
#include "domain/market/events.hpp"
#include "domain/registry/events.hpp"

namespace recirc::history {

inline constexpr auto kAllEventTypes = JoinCatalogues(
    identity::events::kAll, registry::events::kAll, inspection::events::kAll, market::events::kAll,
    complaints::events::kAll, consignment::events::kAll, events::kAll);
static_assert(NamesAreUnique(kAllEventTypes), "two event types share a name");

// The catalogue entry of a stored type name; nullptr for a name no context declares (such an
// event is treated as internal).
const EventType* FindEventType(std::string_view name);

// The names of the public event types, in catalogue order.
std::vector<std::string_view> PublicEventNames();

}  // namespace recirc::history
