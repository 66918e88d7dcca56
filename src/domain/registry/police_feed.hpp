#pragma once
// PoliceFeed: a journal consumer that turns every `item.acquired` event into an entry of the
// police pull feed, tagged with the outlet's region so each police system reads only its
// jurisdiction (GET /api/v1/police/feed?after=<seq>). The journal's sequence number is the
// cursor a police system keeps; the feed can be rebuilt from the journal at any time.

#include "domain/identity/identity_port.hpp"
#include "journal/consumer.hpp"
#include "storage/registry/police_feed_repository.hpp"

namespace recirc::registry {

class PoliceFeed final : public journal::Consumer {
 public:
  PoliceFeed(const storage::PoliceFeedRepository& feed, const identity::IdentityPort& identity)
      : feed_(feed), identity_(identity) {}
  std::string_view name() const override { return "police_feed"; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  Status Reset(storage::Session& s) override { return feed_.Clear(s); }

 private:
  const storage::PoliceFeedRepository& feed_;
  const identity::IdentityPort& identity_;
};

}  // namespace recirc::registry
