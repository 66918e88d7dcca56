#pragma once
// RegistrationService: the acquisition register (收购登记). One call registers one item bought,
// traded in, bought back, taken in for consignment or donated, with its seller, screens it before
// it completes, and — on a watchlist hit or a high suspicion score — raises a police alert and
// holds the item. The staff member is told only "held_for_verification", never why.
//
// Personal data of the seller is encrypted field by field before it reaches storage; ID numbers
// and phones are also stored as blind indexes for exact look-ups. Registrations are never edited.

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/identity_port.hpp"
#include "domain/identity/principal.hpp"
#include "domain/registry/circulation_port.hpp"
#include "domain/registry/holds.hpp"
#include "domain/registry/item_fields.hpp"
#include "domain/registry/screening.hpp"
#include "domain/registry/statuses.hpp"
#include "storage/journal_repository.hpp"
#include "storage/registry/near_miss_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

// Someone selling on behalf of the owner (DOMAIN.md: power of attorney and both IDs). The agent's
// personal fields are encrypted like the seller's; the seller stays the principal.
struct AgentInput {
  std::string name;
  std::string id_type;  // resident_id, passport, other
  std::string id_number;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::string authority;  // the power of attorney: what it says, its reference
};

struct SellerInput {
  std::string kind;  // individual, company, public_body
  std::string name;
  std::optional<std::string> id_type;      // resident_id, passport, other (individuals)
  std::optional<std::string> id_number;    // individuals
  std::optional<std::string> credit_code;  // companies and public bodies
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::optional<AgentInput> agent;
};

struct ItemInput {
  std::string category;
  std::string brand;
  std::string model;
  std::vector<std::pair<std::string, std::string>> identifiers;  // kind, value
  std::optional<std::string> colour;
  std::string condition;  // degree of wear, in words
  int64_t quantity = 1;
};

struct AcquisitionInput {
  std::string outlet_id;
  std::string kind;     // purchase, trade_in, buy_back, consignment_intake, donation
  std::string channel;  // store, online, door_to_door
  int64_t price_fen = 0;
  std::string payment_method;  // cash, bank_transfer, mobile_payment, none
  bool person_matches_id = false;
  std::string origin_statement;
  // The structured part of the statement: the year the seller says they acquired the item.
  std::optional<int64_t> origin_acquired_year;
  SellerInput seller;
  ItemInput item;
};

// What the shop sees.
struct AcquisitionReceipt {
  std::string id;
  int64_t number = 0;
  std::string item_id;
  ReceiptStatus status = ReceiptStatus::kRegistered;
  int64_t created_at = 0;
  // No serial number: the item may not be sold or offered until an item photo is uploaded.
  bool photo_required = false;
};

// A correction: only the fields given change; `reason` is required. Seller data is not corrected
// here (a wrong seller means a new registration).
struct CorrectionInput {
  std::string reason;
  std::optional<int64_t> price_fen;
  std::optional<std::string> category;
  std::optional<std::string> brand;
  std::optional<std::string> model;
  std::optional<std::string> colour;
  std::optional<std::string> condition;
  std::optional<int64_t> quantity;
  std::vector<std::pair<std::string, std::string>> identifiers;  // kind, new value
};

struct FieldChange {
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
};

struct CorrectionView {
  std::string id;
  std::string staff_id;
  std::string reason;
  std::vector<FieldChange> changes;
  int64_t created_at = 0;
};

// The shop's full view of one of its registrations: the facts as corrected, the chain of
// corrections, the item's holds. No seller data, no screening details.
struct AcquisitionView {
  AcquisitionReceipt receipt;
  std::string outlet_id;
  std::string kind;
  std::string channel;
  int64_t price_fen = 0;
  std::string payment_method;
  std::string category;
  std::string brand;
  std::string model;
  std::optional<std::string> colour;
  std::string condition;
  int64_t quantity = 1;
  std::vector<std::pair<std::string, std::string>> identifiers;
  std::vector<CorrectionView> corrections;
  Sellability sellability;
};

struct AcquisitionListInput {
  std::optional<std::string> outlet_id;
  std::optional<int64_t> from;
  std::optional<int64_t> to;
  std::optional<std::string> cursor;  // next_cursor of the previous page
  int64_t limit = 50;
};

struct AcquisitionSummary {
  AcquisitionReceipt receipt;
  std::string outlet_id;
  std::string kind;
  std::string channel;
  int64_t price_fen = 0;
  std::string category;
  std::string brand;
  std::string model;
};

struct AcquisitionPage {
  std::vector<AcquisitionSummary> items;
  std::optional<std::string> next_cursor;
};

class RegistrationService {
 public:
  RegistrationService(storage::Database& db, const storage::RegistryRepository& repo,
                      const identity::IdentityPort& identity, const CirculationPort& circulation,
                      const storage::JournalRepository& journal, const crypto::FieldCipher& cipher,
                      const crypto::BlindIndex& index, const Clock& clock, Random& random,
                      HoldPolicy hold_policy = {})
      : db_(db),
        repo_(repo),
        identity_(identity),
        circulation_(circulation),
        journal_(journal),
        cipher_(cipher),
        index_(index),
        clock_(clock),
        random_(random),
        hold_policy_(std::move(hold_policy)),
        holds_(db, repo, clock) {}

  Result<AcquisitionReceipt> Register(const identity::Principal& actor, const AcquisitionInput& in);
  // The bulk path (`recirc seed`): the same registrations, in order, in one transaction — the
  // same validation, encryption, screening, rows and events as Register one by one. Any error
  // rolls the whole batch back.
  Result<std::vector<AcquisitionReceipt>> RegisterBatch(const identity::Principal& actor,
                                                        std::span<const AcquisitionInput> inputs);
  // The shop's view of one of its registrations (no screening details).
  Result<AcquisitionReceipt> Get(const identity::Principal& actor, const AcquisitionId& id);
  // The same with the corrected facts, the correction chain and the holds.
  Result<AcquisitionView> View(const identity::Principal& actor, const AcquisitionId& id);
  // The caller's organisation's registrations, newest first (corrections.cpp).
  Result<AcquisitionPage> List(const identity::Principal& actor, const AcquisitionListInput& in);
  // Records a correction naming registration `id`; the registration itself is not edited. A
  // changed identifier is screened again and raises the identifier_changed signal.
  Result<AcquisitionView> Correct(const identity::Principal& actor, const AcquisitionId& id,
                                  const CorrectionInput& in);
  const HoldService& holds() const { return holds_; }

  // The operator's own watchlist (own_watchlist.cpp): black and grey entries that screen only
  // this organisation's registrations; status white is not offered (it would whitelist nothing).
  Result<storage::WatchlistRecord> AddOwnWatchlistEntry(const identity::Principal& actor,
                                                        const std::string& identifier_kind,
                                                        const std::string& identifier_value,
                                                        const std::string& status,
                                                        const std::string& note);
  Result<std::vector<storage::WatchlistRecord>> OwnWatchlist(const identity::Principal& actor);

 private:
  struct Sealed;
  Status Validate(const AcquisitionInput& in) const;
  // Validation, identifier normalisation and encryption: everything before the transaction.
  Result<Sealed> Seal(const identity::Principal& actor, const AcquisitionInput& in);
  // Screens and writes one sealed registration at `outlet` (already checked to belong to the
  // actor's organisation) inside the caller's transaction.
  Status Record(storage::Session& s, const identity::Principal& actor,
                const storage::OutletRecord& outlet, Sealed& sealed);
  // Fills the price and story facts from the reference model of category, brand and model.
  Status AddReferenceFacts(storage::Session& s, const std::string& category,
                           const std::string& brand, const std::string& model,
                           ScreeningFacts& facts) const;
  // A screening hit: a police alert that holds the item (police_alert.hpp).
  Status RaiseAlert(storage::Session& s, const identity::Principal& actor,
                    const std::string& acquisition_id, const std::string& item_id,
                    const std::string& region_code, const ScreeningResult& screening, int64_t now);
  Result<storage::PartyRecord> SealSeller(const identity::Principal& actor, const SellerInput& in,
                                          int64_t now);

  storage::Database& db_;
  const storage::RegistryRepository& repo_;
  const identity::IdentityPort& identity_;
  const CirculationPort& circulation_;  // was the item sold since its latest acquisition?
  const storage::JournalRepository& journal_;
  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
  const Clock& clock_;
  Random& random_;
  HoldPolicy hold_policy_;
  HoldService holds_;
  storage::NearMissRepository near_misses_;
};

// The screening's signals as the JSON array alerts and near misses keep: {signal, weight, detail}.
std::string ReasonsJson(const ScreeningResult& screening);

// Whether the identifiers include a serial number (imei, meid, vin, serial, mac, gtin_serial): an
// engraving alone is a mark, not a serial number, so such an item needs its colour photo.
bool HasSerialNumber(const std::vector<std::pair<std::string, std::string>>& identifiers);
// Whether the acquisition kind pays the seller a price (purchase, trade-in, buy-back).
bool IsPaidKind(std::string_view kind);

}  // namespace recirc::registry
