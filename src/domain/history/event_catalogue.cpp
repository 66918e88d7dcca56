#include "domain/history/event_catalogue.hpp"

#include <algorithm>

namespace recirc::history {

const EventType* FindEventType(std::string_view name) {
  const auto it = std::find_if(kAllEventTypes.begin(), kAllEventTypes.end(),
                               [&](const EventType* t) { return t->name == name; });
  return it == kAllEventTypes.end() ? nullptr : *it;
}

std::vector<std::string_view> PublicEventNames() {
  std::vector<std::string_view> out;
  for (const EventType* t : kAllEventTypes) {
    if (t->IsPublic()) out.push_back(t->name);
  }
  return out;
}

}  // namespace recirc::history
