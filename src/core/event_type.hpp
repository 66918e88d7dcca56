#pragma once
// EventType: one entry of an event catalogue. Each context declares the events it writes to the
// journal in its own header (src/domain/<context>/events.hpp) as `inline constexpr EventType`
// constants, and JournalRepository::Append takes such a constant, not a string: a misspelt or
// undeclared event type does not compile.
//
// The journal stores the name; a reader maps the stored name back to its entry
// (history::FindEventType over every context's catalogue, domain/history/event_catalogue.hpp).
//
// `visibility` is the one answer to "does this event become a leaf of the public item-history
// log?": the sequencer turns exactly the kPublic events into leaves. A public event's payload is
// published as it stands (less personal-looking keys, leaf.hpp), so it holds public facts only.

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace recirc {

enum class Visibility {
  kInternal,  // journal only: consumers inside the system read it
  kPublic,    // also a leaf of the public transparency log (docs/tlog.md)
};

inline constexpr std::size_t kMaxPayloadFields = 16;

struct EventType {
  std::string_view name;       // stored in events.type, e.g. "item.acquired"
  std::string_view aggregate;  // stored in events.aggregate_type, e.g. "item"
  Visibility visibility = Visibility::kInternal;
  // The payload's top-level keys (documentation and tests; the journal does not check them).
  // Unused entries are empty; a key written only sometimes is listed too.
  std::array<std::string_view, kMaxPayloadFields> payload_fields{};

  constexpr bool IsPublic() const { return visibility == Visibility::kPublic; }
  constexpr std::span<const std::string_view> Fields() const {
    const auto end = std::find(payload_fields.begin(), payload_fields.end(), std::string_view());
    return {payload_fields.begin(), end};
  }
};

// One context's catalogue: pointers to its constants, so an entry has one address everywhere.
template <std::size_t N>
using EventCatalogue = std::array<const EventType*, N>;

// The catalogues of several contexts as one.
template <std::size_t... N>
constexpr EventCatalogue<(N + ...)> JoinCatalogues(const EventCatalogue<N>&... parts) {
  EventCatalogue<(N + ...)> out{};
  std::size_t i = 0;
  ((std::copy(parts.begin(), parts.end(), out.begin() + i), i += N), ...);
  return out;
}

// True if no two entries share a name (checked at compile time over all contexts).
template <std::size_t N>
constexpr bool NamesAreUnique(const EventCatalogue<N>& all) {
  for (std::size_t i = 0; i < N; ++i) {
    for (std::size_t j = i + 1; j < N; ++j) {
      if (all[i]->name == all[j]->name) return false;
    }
  }
  return true;
}

}  // namespace recirc
