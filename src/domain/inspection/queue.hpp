#pragma once
// InspectionQueueService: the inspector's work list. An inspection body works for the outlets of
// its region, read from its organisation's region code as the police read theirs
// (registry::JurisdictionPrefix: a province code covers the province, a city code the city):
//   - the queue: items registered there, not seized and with no signed report yet, oldest first;
//   - lookup: the item of an IMEI (normalised as registration normalises it) or of a receipt (the
//     outlet's register number, or the registration's id printed on the receipt), in the region;
//   - one item by id for the inspection form, so an unknown id is refused before anything is
//     filled in. As Submit, this is not limited to the region (docs/inspection.md).
// Items and registrations come from the registry through its port, outlet names from the
// directory through its port, "inspected" from this context's own reports.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/identity/principal.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/inspection/inspection_repository.hpp"
#include "storage/page_request.hpp"

namespace recirc::inspection {

struct QueueEntry {
  storage::ItemRecord item;
  std::vector<std::pair<std::string, std::string>> identifiers;  // (kind, value)
  std::optional<storage::AcquisitionRecord> acquisition;         // the latest registration
  std::string outlet_name;                                       // empty when unknown
  bool inspected = false;                                        // a signed report exists
};

struct QueuePage {
  std::vector<QueueEntry> items;
  std::optional<std::string> next_cursor;  // the last item id read
};

class InspectionQueueService {
 public:
  InspectionQueueService(storage::Database& db, const storage::InspectionRepository& repo,
                         const registry::RegistryPort& registry,
                         const identity::IdentityPort& identity)
      : db_(db), repo_(repo), registry_(registry), identity_(identity) {}

  // `page.limit` 1..100. A page may be short and still have a cursor (many inspected items).
  Result<QueuePage> Queue(const identity::Principal& actor, const storage::PageRequest& page);
  // Exactly one of `imei` and `receipt`; errors name "imei" or "receipt". No match: empty.
  Result<std::vector<QueueEntry>> Lookup(const identity::Principal& actor,
                                         const std::optional<std::string>& imei,
                                         const std::optional<std::string>& receipt);
  // NotFound (inspection.item_not_found) for an id no item has.
  Result<QueueEntry> Item(const identity::Principal& actor, const ItemId& id);

 private:
  Result<QueueEntry> Entry(storage::Session& s, storage::ItemRecord item) const;

  storage::Database& db_;
  const storage::InspectionRepository& repo_;
  const registry::RegistryPort& registry_;
  const identity::IdentityPort& identity_;
};

}  // namespace recirc::inspection
