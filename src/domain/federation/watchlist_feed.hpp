#pragma once
// City to shop: the watchlist entries the city's police make (stolen-item reports, black and grey
// entries) reach every shop of their jurisdiction (docs/federation.md). The shop pulls: it sends
// POST <city>/federation/v1/watchlist a signed request with the city journal seq it has read up
// to, and the city answers, signed, the entries added after it that the shop must apply, and the
// seq to ask from next time. Pull, because a shop is the side that may be offline or behind NAT:
// the city keeps no state per shop and the shop keeps its place in consumer_cursors, in the same
// transaction as the entries it applies, so a crash or a cut never loses or doubles one.
//
// An entry goes to a shop when the jurisdiction of the police organisation that entered it
// (registry::JurisdictionPrefix of its region) and the shop's configured region overlap: one is
// a prefix of the other (a district's report reaches a chain configured for the whole city).
// Operators' own lists stay on their node. The shop mirrors the police organisation (same id) and
// the entry (same id), and a black entry holds an item already registered there.

#include <boost/json/array.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "domain/federation/city_inbox.hpp"
#include "domain/federation/shop_pusher.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/registry/federation_port.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::federation {

// The city's side.
class WatchlistFeed {
 public:
  WatchlistFeed(storage::Database& db, const storage::JournalRepository& journal,
                const registry::FederationPort& registry, const identity::IdentityPort& identity,
                const CityInbox& inbox)
      : db_(db), journal_(journal), registry_(registry), identity_(identity), inbox_(inbox) {}

  // The signed answer to a signed pull. Errors as CityInbox::Receive.
  Result<std::string> Serve(std::string_view note);

 private:
  // Adds the entries among `events` that go to a shop of `shop_region`; `next` becomes the last
  // event's seq.
  Status Collect(storage::Session& s, const std::vector<storage::EventRecord>& events,
                 const std::string& shop_region, boost::json::array& entries, int64_t& next) const;

  storage::Database& db_;
  const storage::JournalRepository& journal_;
  const registry::FederationPort& registry_;
  const identity::IdentityPort& identity_;
  const CityInbox& inbox_;
};

// The shop's side: one pull per RunOnce (the application runs it every [federation]
// pull_interval_ms). Returns the number of new entries applied.
class WatchlistPuller {
 public:
  static constexpr std::string_view kCursor = "federation_city_watchlist";

  WatchlistPuller(storage::Database& db, const storage::JournalRepository& journal,
                  const registry::FederationPort& registry, const identity::IdentityPort& identity,
                  const tlog::Signer& key, CityLink city, Post post)
      : db_(db),
        journal_(journal),
        registry_(registry),
        identity_(identity),
        key_(key),
        city_(std::move(city)),
        post_(std::move(post)) {}

  Result<int64_t> RunOnce();

 private:
  // One request; `more` is set when the city has read only part of its journal.
  Result<int64_t> PullOnce(bool& more);

  storage::Database& db_;
  const storage::JournalRepository& journal_;
  const registry::FederationPort& registry_;
  const identity::IdentityPort& identity_;
  tlog::Signer key_;
  CityLink city_;
  Post post_;
};

}  // namespace recirc::federation
