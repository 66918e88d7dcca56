#pragma once
// The one place a police alert is raised. Registration and corrections (a screening hit) and
// inspection's repairs (an identifier changed, through RegistryPort::RaiseAlert) all come here, so
// an alert always has the same row, the same hold rule and the same internal event.

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "domain/identity/principal.hpp"
#include "storage/journal_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

// Whether the alert also holds the item until the police decide.
enum class AlertHold {
  kNone,       // the police look at it; the item stays as it is (an identifier changed in repair)
  kScreening,  // screening hold, item and registration "held" (a screening hit)
};

struct AlertInput {
  std::string acquisition_id;  // the registration the alert is about (its region's police decide)
  std::string item_id;
  std::string region_code;
  int64_t score = 0;
  std::string reasons;  // JSON array of {signal, weight, detail}
  AlertHold hold = AlertHold::kNone;
};

class PoliceAlerts {
 public:
  PoliceAlerts(const storage::RegistryRepository& repo, const storage::JournalRepository& journal,
               const Clock& clock, Random& random)
      : repo_(repo), journal_(journal), clock_(clock), random_(random) {}

  // Inside the caller's transaction: writes the open alert, the hold if asked, and the internal
  // event "alert.raised" (aggregate "alert"; never a public leaf). Returns the alert written.
  Result<storage::AlertRecord> Raise(storage::Session& s, const identity::Principal& actor,
                                     const AlertInput& in, int64_t now) const;

 private:
  const storage::RegistryRepository& repo_;
  const storage::JournalRepository& journal_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::registry
