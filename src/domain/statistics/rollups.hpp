#pragma once
// Rollups: the authorities' transaction statistics as a journal consumer (docs/statistics.md).
// Each acquisition (item.acquired) and each paid sale (order.paid) adds one transaction and its
// value to its cell (month in Asia/Shanghai, district, category, flow, format, channel); a paid
// sale cancelled or fully refunded is taken off in the month of the reversal. Derived only from
// the journal and the ports' current facts (an outlet's district, an acquisition's price), so
// `recirc stats rebuild` (JournalRunner::Rebuild) reproduces it.

#include "domain/identity/identity_port.hpp"
#include "domain/registry/registry_port.hpp"
#include "journal/consumer.hpp"
#include "storage/statistics/statistics_repository.hpp"

namespace recirc::statistics {

// "2026-12" for a time in milliseconds since the epoch, in Asia/Shanghai (UTC+8, no DST).
std::string MonthOf(int64_t epoch_ms);

class Rollups final : public journal::Consumer {
 public:
  Rollups(const storage::StatisticsRepository& repo, const identity::IdentityPort& identity,
          const registry::RegistryPort& registry)
      : repo_(repo), identity_(identity), registry_(registry) {}
  std::string_view name() const override { return "statistics"; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  Status Reset(storage::Session& s) override { return repo_.Clear(s); }

 private:
  Status Acquired(storage::Session& s, const storage::EventRecord& e);
  Status Paid(storage::Session& s, const storage::EventRecord& e);
  Status Reversed(storage::Session& s, const storage::EventRecord& e);
  Status AddSale(storage::Session& s, const std::string& month, const std::string& offer_id,
                 int64_t count, int64_t value_fen);

  const storage::StatisticsRepository& repo_;
  const identity::IdentityPort& identity_;
  const registry::RegistryPort& registry_;
};

}  // namespace recirc::statistics
