#pragma once
// ShopPusher: a shop's journal consumer that pushes the events the city needs — registrations
// (item.acquired, with the item's identifiers, the outlet and the seller's details sealed to the
// city's key), the other item events and the police alerts (holds) — in batches signed by the
// shop's log key, to POST <city>/federation/v1/push (docs/federation.md).
//
// Delivery is at least once: the runner moves this consumer's cursor only after the city's signed
// answer says the whole batch is applied, and the city applies each (origin, seq) once. The cursor
// is in consumer_cursors, so it survives a restart of the shop; the city's record survives its
// own. While the city is unreachable, busy (429/503 with Retry-After) or refusing, Apply fails, the
// cursor stays, and Due() is false until the back-off has passed: the shop itself goes on working.
// KeepsOwnProgress: the runner calls Apply in a read transaction, off the single writer, so a slow
// city never holds up the shop's own writes.

#include <chrono>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include "core/clock.hpp"
#include "domain/federation/messages.hpp"
#include "domain/federation/transport.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/registry/federation_port.hpp"
#include "journal/consumer.hpp"
#include "tlog/note.hpp"

namespace recirc::federation {

struct CityLink {
  std::string url;     // http://host:port (its routes are under /federation/v1/)
  tlog::Verifier key;  // the city's log key: it signs the answers, and seals are made to it
};

// The seller's details as JSON, sealed to `city` (tlog/sealed_box.hpp).
Result<std::string> SealSeller(const registry::SellerDetails& seller, const tlog::Verifier& city);

class ShopPusher final : public journal::Consumer {
 public:
  static constexpr std::string_view kName = "federation_push";

  ShopPusher(const registry::FederationPort& registry, const identity::IdentityPort& identity,
             const tlog::Signer& key, CityLink city, Post post, Backoff backoff, const Clock& clock)
      : registry_(registry),
        identity_(identity),
        key_(key),
        city_(std::move(city)),
        post_(std::move(post)),
        backoff_(backoff),
        clock_(clock) {}

  std::string_view name() const override { return kName; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  // Nothing is derived here: a rebuild sends the journal again and the city ignores repeats.
  Status Reset(storage::Session& /*s*/) override { return Ok(); }
  bool KeepsOwnProgress() const override { return true; }

  // False while a back-off after a failure runs.
  bool Due() const;
  int64_t batches_sent() const;
  int64_t failures() const;

 private:
  Result<std::optional<PushedEvent>> ToPushed(storage::Session& s,
                                              const storage::EventRecord& e) const;
  Status Failed(Error why, std::optional<std::chrono::seconds> retry_after);

  const registry::FederationPort& registry_;
  const identity::IdentityPort& identity_;
  tlog::Signer key_;
  CityLink city_;
  Post post_;
  Backoff backoff_;
  const Clock& clock_;

  mutable std::mutex mutex_;
  int consecutive_failures_ = 0;           // GUARDED_BY(mutex_)
  std::optional<TimePoint> next_attempt_;  // GUARDED_BY(mutex_)
  int64_t batches_sent_ = 0;               // GUARDED_BY(mutex_)
  int64_t failures_ = 0;                   // GUARDED_BY(mutex_)
};

}  // namespace recirc::federation
