#pragma once
// SeizurePublisher: how a police seizure reaches the public item-history log.
//
// An "item.seized" journal event names the police organisation and happens while an
// investigation may still be running; a leaf for it at once would tell a suspect watching the
// log that the police took the item, and which force. So item.seized never becomes a leaf
// (registry::events::kItemSeized is internal in the event catalogue). Instead this job, run
// periodically, appends for every seizure whose time is at least `delay` ago a separate, later
// journal event "item.seizure_published" (aggregate item, no organisation, no actor, payload
// {"seized_on":"YYYY-MM-DD"}), which the sequencer turns into a leaf like any other item event.
//
// Why a later event rather than the sequencer holding item.seized back: the log stays a plain
// projection of the journal in journal order (append-only, every checkpoint a prefix of the
// next, a rebuild deterministic), and no leaf ever waits behind a delayed one. Only this job's
// own cursor (consumer_cursors "seizure_publisher") stops at the first seizure still inside the
// delay; as every seizure waits the same time, the ones after it are not due either.
//
// Seizures already in a log published before this rule keep their leaves: the log only grows.

#include <chrono>
#include <cstdint>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::history {

inline constexpr std::chrono::hours kDefaultSeizurePublicationDelay{7 * 24};

class SeizurePublisher {
 public:
  SeizurePublisher(storage::Database& db, const storage::JournalRepository& journal,
                   const Clock& clock, std::chrono::hours delay)
      : db_(db), journal_(journal), clock_(clock), delay_(delay) {}

  // Appends item.seizure_published for every seizure now due, in journal order, and returns how
  // many. Idempotent: a seizure is published once (the cursor moves in the same transaction).
  Result<int64_t> PublishDue();

 private:
  storage::Database& db_;
  const storage::JournalRepository& journal_;
  const Clock& clock_;
  std::chrono::hours delay_;
};

}  // namespace recirc::history
