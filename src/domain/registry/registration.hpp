#pragma once
// RegistrationService: the acquisition register (收购登记). One call registers one item bought,
// traded in, bought back, taken in for consignment or donated, with its seller, screens it before
// it completes, and — on a watchlist hit or a high suspicion score — raises a police alert and
// holds the item. The staff member is told only "held_for_verification", never why.
//
// Personal data of the seller is encrypted field by field before it reaches storage; ID numbers
// and phones are also stored as blind indexes for exact look-ups. Registrations are never edited.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/principal.hpp"
#include "storage/identity_repository.hpp"
#include "storage/journal_repository.hpp"
#include "storage/registry_repository.hpp"

namespace recirc::registry {

struct SellerInput {
  std::string kind;  // individual, company, public_body
  std::string name;
  std::optional<std::string> id_type;      // resident_id, passport, other (individuals)
  std::optional<std::string> id_number;    // individuals
  std::optional<std::string> credit_code;  // companies and public bodies
  std::optional<std::string> phone;
  std::optional<std::string> address;
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
  SellerInput seller;
  ItemInput item;
};

// What the shop sees.
struct AcquisitionReceipt {
  std::string id;
  int64_t number = 0;
  std::string item_id;
  std::string status;  // "registered" or "held_for_verification"
  int64_t created_at = 0;
};

class RegistrationService {
 public:
  RegistrationService(storage::Database& db, const storage::RegistryRepository& repo,
                      const storage::IdentityRepository& identity,
                      const storage::JournalRepository& journal, const crypto::FieldCipher& cipher,
                      const crypto::BlindIndex& index, const Clock& clock, Random& random)
      : db_(db),
        repo_(repo),
        identity_(identity),
        journal_(journal),
        cipher_(cipher),
        index_(index),
        clock_(clock),
        random_(random) {}

  Result<AcquisitionReceipt> Register(const identity::Principal& actor, const AcquisitionInput& in);
  // The shop's view of one of its registrations (no screening details).
  Result<AcquisitionReceipt> Get(const identity::Principal& actor, const std::string& id);

 private:
  Status Validate(const AcquisitionInput& in) const;
  Result<storage::PartyRecord> SealSeller(const identity::Principal& actor, const SellerInput& in,
                                          int64_t now);

  storage::Database& db_;
  const storage::RegistryRepository& repo_;
  const storage::IdentityRepository& identity_;
  const storage::JournalRepository& journal_;
  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
  const Clock& clock_;
  Random& random_;
};

// Categories an operator may not buy at all (weapons, police and military gear, ID documents,
// state seals, hazardous goods, seized property): refused with the reason.
bool IsProhibitedCategory(std::string_view category);
// Normalises and validates one identifier ("imei", "meid", "vin", "serial", "mac",
// "gtin_serial", "engraving"); errors name `field`.
Result<std::string> NormaliseItemIdentifier(std::string_view kind, std::string_view value,
                                            std::string_view field);

}  // namespace recirc::registry
