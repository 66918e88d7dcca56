#pragma once
// SQL for the consignment context (migration 0036): consignors, agreements and the double-entry
// ledger. Personal fields arrive already sealed (…_enc) or as blind indexes (…_index); this layer
// never sees them in plain text. Same SQL text on SQLite and PostgreSQL.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct ConsignorRecord {
  std::string id;
  std::string organisation_id;
  std::string kind;  // individual, business
  std::string name_enc;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number_enc;
  std::optional<std::string> id_number_index;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone_enc;
  std::optional<std::string> phone_index;
  int64_t created_at = 0;
};

struct AgreementRecord {
  std::string id;
  std::string organisation_id;
  std::string consignor_id;
  std::string item_id;
  std::string acquisition_id;
  std::string terms;  // JSON (consignment::TermsJson)
  int64_t list_price_fen = 0;
  int64_t markdown_percent = 0;
  std::string status;  // active, sold, returned, donated, converted
  int64_t intake_at = 0;
  std::optional<int64_t> closed_at;
};

struct PostingRecord {
  std::string account;
  int64_t amount_fen = 0;  // debit > 0, credit < 0
};

struct EntryRecord {
  std::string id;
  std::string organisation_id;
  std::string consignor_id;
  std::string kind;  // sale, payout, reversal, conversion
  std::optional<std::string> agreement_id;
  std::string created_by;
  int64_t created_at = 0;
  std::vector<PostingRecord> postings;
};

class ConsignmentRepository {
 public:
  Status InsertConsignor(Session& s, const ConsignorRecord& r) const;
  Result<std::optional<ConsignorRecord>> FindConsignor(Session& s, const std::string& id) const;
  // The same, locking the row until the transaction ends (PostgreSQL; SQLite has one writer):
  // every ledger write of a consignor takes this lock first, so balance checks do not race.
  Result<std::optional<ConsignorRecord>> LockConsignor(Session& s, const std::string& id) const;
  // The organisation's consignors, newest first.
  Result<std::vector<ConsignorRecord>> ConsignorsOf(Session& s,
                                                    const std::string& organisation_id) const;

  Status InsertAgreement(Session& s, const AgreementRecord& r) const;
  Result<std::optional<AgreementRecord>> FindAgreementOfItem(Session& s,
                                                             const std::string& item_id) const;
  // Writes markdown_percent, status and closed_at.
  Status UpdateAgreement(Session& s, const AgreementRecord& r) const;
  // Active agreements taken in before `intake_before`, oldest first, at most `limit`.
  Result<std::vector<AgreementRecord>> ActiveAgreements(Session& s, int64_t intake_before,
                                                        int64_t after_intake,
                                                        const std::string& after_id,
                                                        int limit) const;
  Result<std::vector<AgreementRecord>> AgreementsOfConsignor(Session& s,
                                                             const std::string& consignor_id) const;

  // Inserts the entry and its postings (the caller checked that they balance).
  Status InsertEntry(Session& s, const EntryRecord& e) const;
  // Sum of the consignor's postings per account (accounts with no postings are absent).
  Result<std::vector<PostingRecord>> Sums(Session& s, const std::string& consignor_id) const;
  // The consignor's entries, oldest first, with their postings.
  Result<std::vector<EntryRecord>> EntriesOf(Session& s, const std::string& consignor_id) const;
};

}  // namespace recirc::storage
