#pragma once
// A journal consumer: something downstream of the events journal (the transparency log, search,
// statistics, the police feed). It remembers how far it got in consumer_cursors, in the same
// transaction as its own writes, so a crash never applies an event twice or skips one.
// Reset() removes everything the consumer derived, so the runner can rebuild it from seq 0.

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
};

}  // namespace recirc::journal
