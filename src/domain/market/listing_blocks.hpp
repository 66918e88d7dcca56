#pragma once
// Prohibited-listing blocks after the rules engine made them: the operator appeals with a
// statement, market supervision upholds or lifts the block (a lifted rule no longer blocks that
// offer; the offer returns to draft to be published again), and market supervision sees every
// block of its region. Each step is a listing_block.* event: the audit trail.

#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "domain/market/offer_service.hpp"

namespace recirc::market {

class ListingBlockService {
 public:
  explicit ListingBlockService(const MarketContext& c) : c_(c) {}

  Result<storage::ListingBlockRecord> Appeal(const identity::Principal& actor,
                                             const ListingBlockId& id,
                                             const std::string& statement);
  // decision: uphold or lift.
  Result<storage::ListingBlockRecord> Decide(const identity::Principal& actor,
                                             const ListingBlockId& id, const std::string& decision,
                                             const std::string& note);
  // The operator sees its own blocks; market supervision those of its region (prefix of the
  // organisation's region code: a province office sees the whole province); the platform all.
  Result<std::vector<storage::ListingBlockRecord>> List(const identity::Principal& actor,
                                                        const std::optional<std::string>& status);
  Result<storage::ListingBlockRecord> Get(const identity::Principal& actor,
                                          const ListingBlockId& id);

 private:
  bool MaySee(const identity::Principal& actor, const storage::ListingBlockRecord& b) const;
  const MarketContext& c_;
};

// "110000" → "11", "110100" → "1101", "110105" → "110105".
std::string RegionPrefix(const std::string& region_code);

}  // namespace recirc::market
