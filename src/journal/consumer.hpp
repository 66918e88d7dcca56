#pragma once
// A journal consumer: something downstream of the events journal (the transparency log, search,
// statistics, the police feed). It remembers how far it got in consumer_cursors, in the same
// transaction as its own writes, so a crash never applies an event twice or skips one.
// Reset() removes everything the consumer derived, so the runner can rebuild it from seq 0.
//
// A consumer whose results live outside the database (search: a Xapian index) keeps its own
// progress there and says so with KeepsOwnProgress(). The runner then applies its batches in a
// read transaction, off the single writer, and moves the SQL cursor afterwards in a short write of
// its own; the consumer skips events at or below the progress it stored, so a crash between the
// two replays nothing twice. Its Apply must not write SQL (the session is read-only).

#include <span>
#include <string_view>

#include "storage/database.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::journal {

class Consumer {
 public:
  virtual ~Consumer() = default;
  virtual std::string_view name() const = 0;
  virtual Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) = 0;
  virtual Status Reset(storage::Session& s) = 0;
  virtual bool KeepsOwnProgress() const { return false; }
  // Called after the write transaction of a batch Apply saw has committed (in-writer consumers
  // only): a consumer that tells someone outside the database (the notification streams) does so
  // here, never from Apply, whose writes may still roll back.
  virtual void Committed() {}
};

}  // namespace recirc::journal
