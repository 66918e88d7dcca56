#pragma once
// The events journal: append-only, one global sequence. Every state change appends its event in
// the same transaction as the change itself (the service passes its Session).
//
// Ordering on PostgreSQL: an identity column hands out numbers at insert time, not at commit time,
// so a reader could see seq 11 committed while seq 10 is still in flight and skip it for ever.
// Append() therefore takes a transaction-scoped advisory lock before inserting: appends (and so
// commits of transactions that append) happen one at a time, and seq order is commit order.
// SQLite has a single writer, so the same holds without a lock.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/event_type.hpp"
#include "core/random.hpp"
#include "storage/database.hpp"

namespace recirc::storage {

// `type` is an entry of a context's event catalogue (src/domain/<context>/events.hpp), never a
// string: its name and aggregate type are what the journal stores.
struct NewEvent {
  const EventType& type;  // e.g. identity::events::kOrganisationCreated
  std::string aggregate_id;
  std::optional<std::string> organisation_id;
  std::optional<std::string> actor_id;  // user id, never a name
  std::string payload;                  // a JSON object
};

struct EventRecord {
  int64_t seq = 0;
  std::string id;
  int64_t occurred_at = 0;
  std::string type;
  std::string aggregate_type;
  std::string aggregate_id;
  std::optional<std::string> organisation_id;
  std::optional<std::string> actor_id;
  std::string payload;
};

class JournalRepository {
 public:
  JournalRepository(const Clock& clock, Random& random) : clock_(clock), random_(random) {}
  // Returns the new event's sequence number.
  Result<int64_t> Append(Session& s, const NewEvent& event) const;
  Result<std::vector<EventRecord>> ReadAfter(Session& s, int64_t after_seq, int limit) const;
  Result<std::vector<EventRecord>> ForAggregate(Session& s, std::string_view aggregate_type,
                                                std::string_view aggregate_id) const;
  Result<int64_t> Head(Session& s) const;  // highest seq, 0 when empty

  Result<int64_t> CursorOf(Session& s, std::string_view consumer) const;
  Status SaveCursor(Session& s, std::string_view consumer, int64_t position) const;
  Result<std::vector<std::pair<std::string, int64_t>>> AllCursors(Session& s) const;

 private:
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::storage
