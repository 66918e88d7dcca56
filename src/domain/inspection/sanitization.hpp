#pragma once
// Data sanitization certificates (GB 46864-2025; NIST SP 800-88 Rev. 2 / IEEE 2883-2022) and the
// rule that a device with storage is not offered for sale, rent or export without a passing one.
//
// A certificate holds every field DOMAIN.md lists. The sanitizer's and verifier's names and
// titles are staff data: stored with the certificate, shown to the organisation, never put in
// item events (which become public log leaves).

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "domain/identity/principal.hpp"
#include "domain/inspection/checklist.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/inspection/inspection_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::inspection {

struct Signoff {
  std::string name;
  std::string title;
  std::string date;  // YYYY-MM-DD
  std::string place;
};

struct Consent {
  bool given = false;
  std::string scope;  // what is cleared, as told to the owner
  bool method_explained = false;
  std::string date;  // YYYY-MM-DD
};

struct SanitizationInput {
  std::string manufacturer;
  std::string model;
  std::string serial;
  std::optional<std::string> asset_number;
  std::string media_type;         // flash, magnetic, hybrid, optical
  std::string media_source;       // where the medium comes from (e.g. "owner's phone, internal")
  std::string level;              // clear, purge, destroy
  std::string method;             // overwrite, block_erase, crypto_erase, destroy
  std::optional<int64_t> passes;  // overwrite only
  std::string tool;
  std::string tool_version;
  std::string verification_method;
  std::string verification_result;  // passed, failed
  Signoff sanitizer;
  Signoff verifier;
  Consent consent;
  std::string destination;  // resale, rental, export, recycling, return_to_owner, destroyed
};

struct Certificate {
  storage::SanitizationRecord record;
  boost::json::object details;
};

// Ways an item can be offered; each needs a passing certificate when the category has storage.
enum class OfferKind { kSale, kRental, kExport };

// The rule names carried at the start of refusal messages ("sanitization_required: …").
inline constexpr std::string_view kRuleSanitizationRequired = "sanitization_required";
inline constexpr std::string_view kRuleItemHeld = "item_held";
// The rule an error names (the text before the first ':'), or "" for other errors.
std::string_view RuleOf(const Error& e);

// Pure rule: FailedPrecondition naming kRuleSanitizationRequired when the category's checklist
// says has_storage and the newest certificate is missing or did not pass.
Status RequireSanitized(const Checklist* checklist,
                        const std::vector<storage::SanitizationRecord>& certificates,
                        OfferKind kind);

class SanitizationService {
 public:
  SanitizationService(storage::Database& db, const Catalogue& catalogue,
                      const storage::InspectionRepository& repo,
                      const registry::RegistryPort& registry,
                      const storage::JournalRepository& journal, const Clock& clock, Random& random)
      : db_(db),
        catalogue_(catalogue),
        repo_(repo),
        registry_(registry),
        journal_(journal),
        clock_(clock),
        random_(random) {}

  Result<Certificate> Record(const identity::Principal& actor, const ItemId& item,
                             const SanitizationInput& in);
  // The organisation that recorded it (or a platform administrator) sees the whole certificate.
  Result<Certificate> Get(const identity::Principal& actor, const SanitizationId& id);
  // What the future marketplace calls before it publishes an offer: Ok, or FailedPrecondition
  // naming the rule (item_held, sanitization_required).
  Status CanOffer(const std::string& item_id, OfferKind kind);

 private:
  storage::Database& db_;
  const Catalogue& catalogue_;
  const storage::InspectionRepository& repo_;
  const registry::RegistryPort& registry_;
  const storage::JournalRepository& journal_;
  const Clock& clock_;
  Random& random_;
};

// Whether `actor` may record work (sanitization, repair) on the item: an inspection body, or the
// operator that registered its acquisition. NotFound otherwise (the item's existence is public,
// but another shop's stock is not theirs to edit).
Status MayServiceItem(storage::Session& s, const storage::InspectionRepository& repo,
                      const identity::Principal& actor, const std::string& item_id);

// YYYY-MM-DD with a plausible month and day; errors name `field`.
Status CheckDate(std::string_view date, const std::string& field);

}  // namespace recirc::inspection
