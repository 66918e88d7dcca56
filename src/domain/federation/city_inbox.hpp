#pragma once
// CityInbox: the city's side of shop-to-city delivery (docs/federation.md). It knows each shop by
// its log key and the region its outlets lie in ([[federation.shop]]), refuses a batch that no
// known shop signed or that names a registration outside that shop's region, and applies each
// event once per (origin, seq) in one write transaction per batch; the answer is signed by the
// city's log key and says up to which seq the shop's events are applied.
//
// Back-pressure: at most `max_in_flight` batches are applied at a time; one more is refused with
// ResourceExhausted, which the route answers 503 with Retry-After, and the shop backs off.
//
// Cross-operator signal: a registration whose IMEI (or MEID) another shop registered within the
// last 7 days raises a signal for the police of the later registration's region.

#include <atomic>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "domain/federation/messages.hpp"
#include "domain/identity/principal.hpp"
#include "storage/database.hpp"
#include "storage/federation/federation_repository.hpp"
#include "tlog/note.hpp"

namespace recirc::federation {

struct KnownShop {
  tlog::Verifier key;         // its name is the shop's origin
  std::string region_prefix;  // its outlets' region codes start with this
};

inline constexpr int64_t kSignalWindowDays = 7;

class CityInbox {
 public:
  CityInbox(storage::Database& db, const storage::FederationRepository& repo,
            const tlog::Signer& key, std::vector<KnownShop> shops, const Clock& clock,
            Random& random, int max_in_flight)
      : db_(db),
        repo_(repo),
        key_(key),
        shops_(std::move(shops)),
        clock_(clock),
        random_(random),
        max_in_flight_(max_in_flight) {}

  // Applies a signed batch; returns the signed answer. Unauthenticated (unknown or bad key),
  // PermissionDenied (a registration outside the shop's region), InvalidArgument("body"),
  // ResourceExhausted (busy).
  Result<std::string> Receive(std::string_view note);

  // What the police of the principal's jurisdiction see: registrations pushed by shops, newest
  // first, and cross-operator signals.
  Result<std::vector<storage::FederatedRegistrationRecord>> Registrations(
      const identity::Principal& actor, int64_t limit);
  Result<std::vector<storage::FederationSignalRecord>> Signals(const identity::Principal& actor,
                                                               int64_t limit);

  const std::vector<KnownShop>& shops() const { return shops_; }
  const tlog::Signer& key() const { return key_; }

 private:
  Status ApplyBatch(storage::Session& s, const KnownShop& shop, const Batch& batch, int64_t now);
  Status ApplyRegistration(storage::Session& s, const std::string& origin, int64_t seq,
                           const RegistrationFacts& r, int64_t now);

  storage::Database& db_;
  const storage::FederationRepository& repo_;
  tlog::Signer key_;
  std::vector<KnownShop> shops_;
  const Clock& clock_;
  Random& random_;
  int max_in_flight_;
  std::atomic<int> in_flight_{0};
};

}  // namespace recirc::federation
