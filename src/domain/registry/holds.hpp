#pragma once
// Holds: why an item may not be sold yet. Every registered item gets a statutory hold period
// (DOMAIN.md "Hold period": configurable per category and region, 7-30 days is common) that ends
// by itself; a screening (police) hold has no end and lasts until the police release it. The
// marketplace asks HoldService::IsSellable before it lists or sells an item.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/registry/statuses.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

inline constexpr std::string_view kStatutoryHold = "statutory";
inline constexpr std::string_view kScreeningHold = "screening";
// An item without a serial number may not be sold or offered until a colour photo of it is
// uploaded (DOMAIN.md: "a colour photo is mandatory for an item with no serial number"); the
// first item photo releases this hold.
inline constexpr std::string_view kPhotoHold = "photo_required";
inline constexpr int64_t kMaxHoldDays = 365;

// One configured period: applies when the category matches (empty: any category) and the
// outlet's region code starts with region_prefix (empty: everywhere).
struct HoldRule {
  std::string category;
  std::string region_prefix;
  int64_t days = 0;
};

struct HoldPolicy {
  int64_t default_days = 7;
  std::vector<HoldRule> rules;

  // The most specific matching rule wins: the longer region prefix, then a named category.
  int64_t DaysFor(std::string_view category, std::string_view region_code) const;
  // Checks the values (days 0 to kMaxHoldDays, prefixes of digits, a named category is one that
  // may be acquired in data/categories.json); errors name `field`.
  Status Validate(const std::string& field) const;
};

struct HoldState {
  std::string kind;                    // statutory, screening, photo_required
  std::optional<int64_t> until;        // statutory holds end by themselves
  std::optional<int64_t> released_at;  // screening holds end when the police release them
  bool active = false;
};

struct Sellability {
  bool sellable = false;
  std::string reason;     // empty when sellable; otherwise why not, for the operator
  std::string reason_id;  // the message id of `reason` (docs/api.md "Message ids")
  std::vector<MessageParam> reason_params;
  std::vector<HoldState> holds;
};

// A pure function of the item's holds and its status at `now`.
Sellability EvaluateHolds(const std::vector<storage::HoldRecord>& holds, ItemStatus item_status,
                          int64_t now);

class HoldService {
 public:
  HoldService(storage::Database& db, const storage::RegistryRepository& repo, const Clock& clock)
      : db_(db), repo_(repo), clock_(clock) {}

  // For the marketplace: may this item be sold now, and if not, why not.
  Result<Sellability> IsSellable(const std::string& item_id) const;
  Result<Sellability> IsSellable(storage::Session& s, const std::string& item_id) const;

 private:
  storage::Database& db_;
  const storage::RegistryRepository& repo_;
  const Clock& clock_;
};

}  // namespace recirc::registry
