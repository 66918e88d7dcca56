#pragma once
// `recirc seed --items N`: realistic, clearly synthetic registrations for demos and benchmarks.
// On top of the demo organisations it registers N items at the demo operator's outlets, each a
// device from data/devices.csv with a valid IMEI, sold by a synthetic person (name prefixed
// 【合成】, a resident ID with a valid check character); about 1 in 50 items was first reported
// stolen by the demo police (entered before the item's registration), so the register holds alerts
// too. Everything goes through the same RegistrationService code as a shop's registration
// (validation, encryption, blind indexes, screening, events), 500 registrations per transaction
// (RegisterBatch) so that a million items load in minutes.

#include <cstdint>

#include "core/random.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/registry/police.hpp"
#include "domain/registry/registration.hpp"

namespace recirc::app {

struct SeedReport {
  int64_t registered = 0;
  int64_t held = 0;
  int64_t watchlisted = 0;
};

Result<SeedReport> SeedRegistrations(identity::DirectoryService& directory,
                                     registry::RegistrationService& registration,
                                     registry::PoliceService& police, storage::Database& db,
                                     int64_t items, Random& random);

}  // namespace recirc::app
