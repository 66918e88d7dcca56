// ConsignmentRepository: consignors, agreements and the ledger (migration 0036). Same SQL on
// both dialects.
#include "storage/consignment/consignment_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kConsignorColumns =
    "SELECT id, organisation_id, kind, name_enc, id_type, id_number_enc, id_number_index, "
    "credit_code, phone_enc, phone_index, created_at FROM consignors ";
constexpr std::string_view kInsertConsignor =
    "INSERT INTO consignors (id, organisation_id, kind, name_enc, id_type, id_number_enc, "
    "id_number_index, credit_code, phone_enc, phone_index, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kAgreementColumns =
    "SELECT id, organisation_id, consignor_id, item_id, acquisition_id, terms, list_price_fen, "
    "markdown_percent, status, intake_at, closed_at FROM consignment_agreements ";
constexpr std::string_view kInsertAgreement =
    "INSERT INTO consignment_agreements (id, organisation_id, consignor_id, item_id, "
    "acquisition_id, terms, list_price_fen, markdown_percent, status, intake_at, closed_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kUpdateAgreement =
    "UPDATE consignment_agreements SET markdown_percent = $2, status = $3, closed_at = $4 "
    "WHERE id = $1";
constexpr std::string_view kActive =
    "WHERE status = 'active' AND intake_at < $1 AND (intake_at > $2 OR (intake_at = $2 AND id > "
    "$3)) ORDER BY intake_at, id LIMIT $4";
constexpr std::string_view kInsertEntry =
    "INSERT INTO consignment_entries (id, organisation_id, consignor_id, kind, agreement_id, "
    "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kInsertPosting =
    "INSERT INTO consignment_postings (entry_id, consignor_id, account, amount_fen) "
    "VALUES ($1, $2, $3, $4)";
constexpr std::string_view kSums =
    "SELECT account, CAST(SUM(amount_fen) AS BIGINT) FROM consignment_postings WHERE consignor_id "
    "= $1 "
    "GROUP BY account ORDER BY account";
constexpr std::string_view kEntries =
    "SELECT id, organisation_id, consignor_id, kind, agreement_id, created_by, created_at "
    "FROM consignment_entries WHERE consignor_id = $1 ORDER BY created_at, id";
constexpr std::string_view kPostings =
    "SELECT p.entry_id, p.account, p.amount_fen FROM consignment_postings p "
    "JOIN consignment_entries e ON e.id = p.entry_id WHERE p.consignor_id = $1 "
    "ORDER BY e.created_at, e.id, p.account";

ConsignorRecord ToConsignor(const Row& r) {
  return {r.Text(0),    r.Text(1),    r.Text(2),    r.Text(3),    r.OptText(4), r.OptText(5),
          r.OptText(6), r.OptText(7), r.OptText(8), r.OptText(9), r.Int(10)};
}

AgreementRecord ToAgreement(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),   r.Text(5),
          r.Int(6),  r.Int(7),  r.Text(8), r.Int(9),  r.OptInt(10)};
}

Value OptInt(const std::optional<int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

}  // namespace

Status ConsignmentRepository::InsertConsignor(Session& s, const ConsignorRecord& r) const {
  return Done(s.Execute(
      kInsertConsignor,
      {r.id, r.organisation_id, r.kind, r.name_enc, OptionalText(r.id_type),
       OptionalText(r.id_number_enc), OptionalText(r.id_number_index), OptionalText(r.credit_code),
       OptionalText(r.phone_enc), OptionalText(r.phone_index), r.created_at}));
}

Result<std::optional<ConsignorRecord>> ConsignmentRepository::FindConsignor(
    Session& s, const std::string& id) const {
  return MapOptional<ConsignorRecord>(
      s.QueryOptional(std::string(kConsignorColumns) + "WHERE id = $1", {id}), ToConsignor);
}

Result<std::optional<ConsignorRecord>> ConsignmentRepository::LockConsignor(
    Session& s, const std::string& id) const {
  const std::string lock = s.dialect() == Dialect::kPostgres ? " FOR UPDATE" : "";
  return MapOptional<ConsignorRecord>(
      s.QueryOptional(std::string(kConsignorColumns) + "WHERE id = $1" + lock, {id}), ToConsignor);
}

Result<std::vector<ConsignorRecord>> ConsignmentRepository::ConsignorsOf(
    Session& s, const std::string& organisation_id) const {
  return MapRows<ConsignorRecord>(
      s.Query(std::string(kConsignorColumns) +
                  "WHERE organisation_id = $1 ORDER BY created_at DESC, id DESC",
              {organisation_id}),
      ToConsignor);
}

Status ConsignmentRepository::InsertAgreement(Session& s, const AgreementRecord& r) const {
  return Done(s.Execute(
      kInsertAgreement,
      {r.id, r.organisation_id, r.consignor_id, r.item_id, r.acquisition_id, r.terms,
       r.list_price_fen, r.markdown_percent, r.status, r.intake_at, OptInt(r.closed_at)}));
}

Result<std::optional<AgreementRecord>> ConsignmentRepository::FindAgreementOfItem(
    Session& s, const std::string& item_id) const {
  return MapOptional<AgreementRecord>(
      s.QueryOptional(std::string(kAgreementColumns) + "WHERE item_id = $1", {item_id}),
      ToAgreement);
}

Status ConsignmentRepository::UpdateAgreement(Session& s, const AgreementRecord& r) const {
  return Done(
      s.Execute(kUpdateAgreement, {r.id, r.markdown_percent, r.status, OptInt(r.closed_at)}));
}

Result<std::vector<AgreementRecord>> ConsignmentRepository::ActiveAgreements(
    Session& s, int64_t intake_before, int64_t after_intake, const std::string& after_id,
    int limit) const {
  return MapRows<AgreementRecord>(s.Query(std::string(kAgreementColumns) + std::string(kActive),
                                          {intake_before, after_intake, after_id, int64_t{limit}}),
                                  ToAgreement);
}

Result<std::vector<AgreementRecord>> ConsignmentRepository::AgreementsOfConsignor(
    Session& s, const std::string& consignor_id) const {
  return MapRows<AgreementRecord>(
      s.Query(std::string(kAgreementColumns) + "WHERE consignor_id = $1 ORDER BY intake_at, id",
              {consignor_id}),
      ToAgreement);
}

Status ConsignmentRepository::InsertEntry(Session& s, const EntryRecord& e) const {
  RECIRC_CHECK(
      Done(s.Execute(kInsertEntry, {e.id, e.organisation_id, e.consignor_id, e.kind,
                                    OptionalText(e.agreement_id), e.created_by, e.created_at})));
  for (const PostingRecord& p : e.postings) {
    RECIRC_CHECK(Done(s.Execute(kInsertPosting, {e.id, e.consignor_id, p.account, p.amount_fen})));
  }
  return Ok();
}

Result<std::vector<PostingRecord>> ConsignmentRepository::Sums(
    Session& s, const std::string& consignor_id) const {
  return MapRows<PostingRecord>(s.Query(kSums, {consignor_id}), [](const Row& r) {
    return PostingRecord{r.Text(0), r.Int(1)};
  });
}

Result<std::vector<EntryRecord>> ConsignmentRepository::EntriesOf(
    Session& s, const std::string& consignor_id) const {
  RECIRC_TRY(auto entries,
             MapRows<EntryRecord>(s.Query(kEntries, {consignor_id}), [](const Row& r) {
               return EntryRecord{r.Text(0),    r.Text(1), r.Text(2), r.Text(3),
                                  r.OptText(4), r.Text(5), r.Int(6),  {}};
             }));
  RECIRC_TRY(Rows postings, s.Query(kPostings, {consignor_id}));
  size_t at = 0;
  for (const Row& p : postings) {
    while (at < entries.size() && entries[at].id != p.Text(0)) ++at;
    if (at == entries.size()) break;
    entries[at].postings.push_back({p.Text(1), p.Int(2)});
  }
  return entries;
}

}  // namespace recirc::storage
