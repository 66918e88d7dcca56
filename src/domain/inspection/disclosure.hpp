#pragma once
// The disclosure shown to a buyer, generated from the item's recorded events only (item.acquired,
// item.inspected, item.repaired, item.identifier_changed, item.sanitized): grade, battery, known
// defects, repairs and parts, data sanitization, authenticity and the warranty the law requires.
// It is never written by hand, so it cannot hide a repair.
//
// Versions: version N is built from the first N events that change it; a new such event makes a
// new version, and any earlier version can be rebuilt exactly.

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/ids.hpp"
#include "domain/inspection/checklist.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::inspection {

struct Disclosure {
  std::string item_id;
  int64_t version = 0;       // 0: nothing recorded beyond the acquisition
  int64_t latest = 0;        // the newest version
  int64_t based_on_seq = 0;  // the last journal event it reflects
  boost::json::object facts;
  std::string text_zh;
  std::string text_en;
};

// Pure: builds version `version` (the newest when absent) from the item's events in journal
// order. InvalidArgument("version") for a version that does not exist.
Result<Disclosure> BuildDisclosure(const Catalogue& catalogue, const storage::ItemRecord& item,
                                   const std::vector<storage::EventRecord>& events,
                                   std::optional<int64_t> version);

class DisclosureService {
 public:
  DisclosureService(storage::Database& db, const Catalogue& catalogue,
                    const registry::RegistryPort& registry,
                    const storage::JournalRepository& journal)
      : db_(db), catalogue_(catalogue), registry_(registry), journal_(journal) {}

  // Public: the disclosure holds public facts only.
  Result<Disclosure> Get(const ItemId& item, std::optional<int64_t> version);

 private:
  storage::Database& db_;
  const Catalogue& catalogue_;
  const registry::RegistryPort& registry_;
  const storage::JournalRepository& journal_;
};

}  // namespace recirc::inspection
