#pragma once
// EventCounts: the first real consumer and the seed of the authorities' statistics. It keeps the
// number of events per UTC day and event type in event_counts, derived only from the journal.

#include "journal/consumer.hpp"
#include "storage/event_counts_repository.hpp"

namespace recirc::journal {

class EventCounts final : public Consumer {
 public:
  explicit EventCounts(const storage::EventCountsRepository& repo) : repo_(repo) {}
  std::string_view name() const override { return "event_counts"; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  Status Reset(storage::Session& s) override { return repo_.Clear(s); }

 private:
  const storage::EventCountsRepository& repo_;
};

}  // namespace recirc::journal
