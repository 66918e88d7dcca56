#pragma once
// ConsignmentService: consignors, intakes under an agreement, counter sales, reversals, payouts
// and the clock's markdowns and expiry actions (docs/consignment.md).
//
// Who: the staff of an operator (permission acquisitions.write) for their own organisation's
// consignors and items only; another organisation's consignor or item is "not found".
// Personal data: a consignor's name, ID number and phone are sealed with the node's field cipher
// (context "consignor.<field>:<id>") and blind-indexed like a seller's; views show them masked.
// Money: the ledger (ledger.hpp) is written in the same transaction as the agreement's change,
// under the consignor's row lock; a balance never goes below zero.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/consignment/agreement.hpp"
#include "domain/consignment/intake_port.hpp"
#include "domain/consignment/ledger.hpp"
#include "domain/identity/principal.hpp"
#include "domain/market/offer.hpp"
#include "storage/consignment/consignment_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::consignment {

struct ConsignorInput {
  std::string kind;  // individual, business
  std::string name;
  std::optional<std::string> id_type;      // individuals: resident_id, passport, other
  std::optional<std::string> id_number;    // individuals
  std::optional<std::string> credit_code;  // businesses
  std::optional<std::string> phone;
};

// What the shop sees of a consignor: masked personal fields and the balance.
struct ConsignorView {
  std::string id;
  std::string kind;
  std::string name_masked;
  std::optional<std::string> id_number_masked;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone_masked;
  Balances balances;
  int64_t created_at = 0;
};

struct IntakeInput {
  std::string consignor_id;
  std::string outlet_id;
  std::string channel = "store";
  bool person_matches_id = false;
  std::string origin_statement;
  int64_t list_price_fen = 0;
  Agreement agreement;
  registry::ItemInput item;
};

struct AgreementView {
  std::string id;
  std::string consignor_id;
  std::string item_id;
  std::string acquisition_id;
  Agreement terms;
  int64_t list_price_fen = 0;
  int64_t markdown_percent = 0;
  int64_t current_price_fen = 0;
  std::string status;  // active, sold, returned, donated, converted
  int64_t intake_at = 0;
  std::optional<int64_t> closed_at;
};

struct IntakeResult {
  registry::AcquisitionReceipt receipt;
  AgreementView agreement;
};

struct SaleResult {
  AgreementView agreement;
  SaleSplit split;
};

struct Statement {
  ConsignorView consignor;
  std::vector<AgreementView> agreements;
  std::vector<storage::EntryRecord> entries;
};

// What one run of the clock's job did.
struct DueReport {
  int64_t marked_down = 0;
  int64_t expired = 0;
};

class ConsignmentService {
 public:
  ConsignmentService(storage::Database& db, const storage::ConsignmentRepository& repo,
                     const storage::JournalRepository& journal, AcquisitionRegistrar& registrar,
                     const market::SellabilityCheck& sellable, const crypto::FieldCipher& cipher,
                     const crypto::BlindIndex& index, const Clock& clock, Random& random)
      : db_(db),
        repo_(repo),
        journal_(journal),
        registrar_(registrar),
        sellable_(sellable),
        cipher_(cipher),
        index_(index),
        clock_(clock),
        random_(random) {}

  Result<ConsignorView> AddConsignor(const identity::Principal& actor, const ConsignorInput& in);
  Result<std::vector<ConsignorView>> Consignors(const identity::Principal& actor);
  Result<Statement> StatementOf(const identity::Principal& actor, const std::string& consignor_id);

  // Validates the agreement, registers the item as a consignment_intake acquisition with the
  // consignor as its seller (screened as every acquisition), then stores the agreement.
  Result<IntakeResult> Intake(const identity::Principal& actor, const IntakeInput& in);
  Result<AgreementView> AgreementOfItem(const identity::Principal& actor, const ItemId& item);
  // A counter sale at the current (marked-down) price: the ledger's sale entry. A held item
  // (statutory hold period, screening or police hold) is refused as the market refuses it.
  Result<SaleResult> RecordSale(const identity::Principal& actor, const ItemId& item);
  // The buyer brought the item back: the sale's entry negated; refused if already paid out.
  Result<AgreementView> ReverseSale(const identity::Principal& actor, const ItemId& item);
  // Pays `amount_fen` (method cash or simulated); at least the minimum payout of the consignor's
  // newest agreement unless it is the whole balance; never more than the balance.
  Result<ConsignorView> Payout(const identity::Principal& actor, const std::string& consignor_id,
                               int64_t amount_fen, const std::string& method);

  // The clock's job: markdowns that came due, then expiry actions (period + grace passed).
  Result<DueReport> RunDue();

 private:
  Result<storage::ConsignorRecord> OwnConsignor(storage::Session& s,
                                                const identity::Principal& actor,
                                                const std::string& id, bool lock) const;
  Result<storage::AgreementRecord> OwnAgreement(storage::Session& s,
                                                const identity::Principal& actor,
                                                const std::string& item_id) const;
  Result<ConsignorView> ViewOf(storage::Session& s, const storage::ConsignorRecord& r) const;
  Result<Balances> BalancesOf(storage::Session& s, const std::string& consignor_id) const;
  Status Post(storage::Session& s, const storage::AgreementRecord& a, const std::string& actor_id,
              const Entry& e, int64_t now);
  Status RunOne(storage::Session& s, storage::AgreementRecord a, int64_t now, DueReport& report);
  Result<std::string> Open(const std::optional<std::string>& sealed, std::string_view field,
                           const std::string& id) const;

  storage::Database& db_;
  const storage::ConsignmentRepository& repo_;
  const storage::JournalRepository& journal_;
  AcquisitionRegistrar& registrar_;
  const market::SellabilityCheck& sellable_;  // the registry's holds, as the market checks them
  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& index_;
  const Clock& clock_;
  Random& random_;
};

// Operators' staff with acquisitions.write only (consignment.forbidden otherwise).
Status MayConsign(const identity::Principal& actor);

// The agreement as shown; `now` (unix ms) gives the current price: the list price after the
// markdown in force (for a closed agreement, after the last markdown applied).
Result<AgreementView> ToView(const storage::AgreementRecord& r, int64_t now);

}  // namespace recirc::consignment
