#pragma once
// Repairs and refurbishment: the parts replaced (original or third-party, brand and maker of the
// part), who repaired and when (《旧电器电子产品流通管理办法》 keeps replacement parts in the
// item file). A repair that changes an identifier (an IMEI after a board swap) records the new
// identifier and appends the red-flag event item.identifier_changed: changing an IMEI is
// prohibited by local police rules, so the police of the region where the item was last
// registered also get an open alert (not a hold: they decide).

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "domain/identity/principal.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/inspection/inspection_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::inspection {

struct PartInput {
  std::string part;    // "battery", "screen", "logic_board", …
  std::string origin;  // original, third_party
  std::string brand;
  std::string maker;
};

struct IdentifierChange {
  std::string kind;  // imei, meid, vin, serial, …
  std::string old_value;
  std::string new_value;
  std::string reason;
};

struct RepairInput {
  std::string repaired_at;    // YYYY-MM-DD
  std::string repairer_name;  // staff: stored, never in events
  std::string description;    // public: goes into the item's history
  std::vector<PartInput> parts;
  std::optional<IdentifierChange> identifier_change;
};

struct RepairView {
  storage::RepairRecord record;
  boost::json::object details;
};

class RepairService {
 public:
  RepairService(storage::Database& db, const storage::InspectionRepository& repo,
                const registry::RegistryPort& registry, const storage::JournalRepository& journal,
                const Clock& clock, Random& random)
      : db_(db),
        repo_(repo),
        registry_(registry),
        journal_(journal),
        clock_(clock),
        random_(random) {}

  Result<RepairView> Record(const identity::Principal& actor, const ItemId& item,
                            const RepairInput& in);

 private:
  storage::Database& db_;
  const storage::InspectionRepository& repo_;
  const registry::RegistryPort& registry_;
  const storage::JournalRepository& journal_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::inspection
