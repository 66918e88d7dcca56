#include "domain/registry/police_feed.hpp"

#include <boost/json.hpp>

#include "domain/registry/events.hpp"

namespace recirc::registry {

Status PoliceFeed::Apply(storage::Session& s, std::span<const storage::EventRecord> events) {
  for (const auto& e : events) {
    if (e.type != registry::events::kItemAcquired.name) continue;
    boost::system::error_code ec;
    const boost::json::value payload = boost::json::parse(e.payload, ec);
    if (ec || !payload.is_object())
      return Error::Internal("event " + e.id + " has a broken payload");
    const auto* outlet_id = payload.as_object().if_contains("outlet_id");
    const auto* acquisition_id = payload.as_object().if_contains("acquisition_id");
    if (!outlet_id || !acquisition_id)
      return Error::Internal("event " + e.id + " lacks its outlet");
    const std::string outlet(outlet_id->as_string());
    RECIRC_TRY(auto found, identity_.FindOutlet(s, outlet));
    if (!found) return Error::Internal("event " + e.id + " names an unknown outlet");
    RECIRC_CHECK(
        feed_.Insert(s, {e.seq, e.occurred_at, found->region_code, found->organisation_id, outlet,
                         std::string(acquisition_id->as_string()), e.aggregate_id, e.payload}));
  }
  return Ok();
}

}  // namespace recirc::registry
