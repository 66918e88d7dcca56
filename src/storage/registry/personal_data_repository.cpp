#include "storage/registry/personal_data_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

// "substr(col, 1, $2) <> $1": a value made under another key (erased values are '' or NULL).
std::string NotUnder(std::string_view column) {
  const std::string c(column);
  return "(" + c + " <> '' AND substr(" + c + ", 1, $2) <> $1)";
}

}  // namespace

Result<std::vector<PartyRecord>> PersonalDataRepository::PartiesNotUnder(
    Session& s, const std::string& key_prefix, const std::string& after_id, int64_t limit) const {
  const std::string sql =
      "SELECT id, organisation_id, kind, name_enc, id_type, id_number_enc, id_number_index, "
      "credit_code, phone_enc, phone_index, address_enc, created_at FROM parties WHERE id > $3 "
      "AND (" +
      NotUnder("name_enc") + " OR " + NotUnder("id_number_enc") + " OR " + NotUnder("phone_enc") +
      " OR " + NotUnder("address_enc") + ") ORDER BY id LIMIT $4";
  return MapRows<PartyRecord>(
      s.Query(sql, {key_prefix, static_cast<int64_t>(key_prefix.size()), after_id, limit}),
      [](const Row& r) {
        return PartyRecord{r.Text(0),    r.Text(1),    r.Text(2),     r.Text(3),
                           r.OptText(4), r.OptText(5), r.OptText(6),  r.OptText(7),
                           r.OptText(8), r.OptText(9), r.OptText(10), r.Int(11)};
      });
}

Result<std::vector<SealedAcquisition>> PersonalDataRepository::AcquisitionsNotUnder(
    Session& s, const std::string& key_prefix, const std::string& after_id, int64_t limit) const {
  const std::string sql =
      "SELECT id, seller_id, agent_id, origin_statement_enc, agent_authority_enc FROM "
      "acquisitions WHERE id > $3 AND (" +
      NotUnder("origin_statement_enc") + " OR " + NotUnder("agent_authority_enc") +
      ") ORDER BY id LIMIT $4";
  return MapRows<SealedAcquisition>(
      s.Query(sql, {key_prefix, static_cast<int64_t>(key_prefix.size()), after_id, limit}),
      [](const Row& r) {
        return SealedAcquisition{r.Text(0), r.Text(1), r.OptText(2), r.Text(3), r.OptText(4)};
      });
}

Result<bool> PersonalDataRepository::SwapPartyCiphertexts(Session& s, const PartyRecord& old,
                                                          const PartyRecord& fresh) const {
  // IS NOT DISTINCT FROM: NULL-safe equality, the same on SQLite (3.39+) and PostgreSQL.
  RECIRC_TRY(int64_t changed,
             s.Execute("UPDATE parties SET name_enc = $2, id_number_enc = $3, phone_enc = $4, "
                       "address_enc = $5 WHERE id = $1 AND name_enc = $6 AND id_number_enc IS "
                       "NOT DISTINCT FROM $7 AND phone_enc IS NOT DISTINCT FROM $8 AND "
                       "address_enc IS NOT DISTINCT FROM $9",
                       {old.id, fresh.name_enc, OptionalText(fresh.id_number_enc),
                        OptionalText(fresh.phone_enc), OptionalText(fresh.address_enc),
                        old.name_enc, OptionalText(old.id_number_enc), OptionalText(old.phone_enc),
                        OptionalText(old.address_enc)}));
  return changed == 1;
}

Result<bool> PersonalDataRepository::SwapAcquisitionCiphertexts(
    Session& s, const SealedAcquisition& old, const SealedAcquisition& fresh) const {
  RECIRC_TRY(int64_t changed,
             s.Execute("UPDATE acquisitions SET origin_statement_enc = $2, agent_authority_enc = "
                       "$3 WHERE id = $1 AND origin_statement_enc = $4 AND agent_authority_enc "
                       "IS NOT DISTINCT FROM $5",
                       {old.id, fresh.origin_statement_enc, OptionalText(fresh.agent_authority_enc),
                        old.origin_statement_enc, OptionalText(old.agent_authority_enc)}));
  return changed == 1;
}

Result<int64_t> PersonalDataRepository::CountNotUnder(Session& s,
                                                      const std::string& key_prefix) const {
  const std::string sql =
      "SELECT (SELECT COUNT(*) FROM parties WHERE " + NotUnder("name_enc") + " OR " +
      NotUnder("id_number_enc") + " OR " + NotUnder("phone_enc") + " OR " +
      NotUnder("address_enc") + ") + (SELECT COUNT(*) FROM acquisitions WHERE " +
      NotUnder("origin_statement_enc") + " OR " + NotUnder("agent_authority_enc") + ")";
  return FirstInt(s.QueryOne(sql, {key_prefix, static_cast<int64_t>(key_prefix.size())}, "count"));
}

Result<std::vector<ExpiredAcquisition>> PersonalDataRepository::ExpiredAcquisitions(
    Session& s, int64_t before, int64_t limit) const {
  return MapRows<ExpiredAcquisition>(
      s.Query("SELECT id, seller_id, agent_id FROM acquisitions WHERE erased_at IS NULL AND "
              "created_at < $1 ORDER BY created_at, id LIMIT $2",
              {before, limit}),
      [](const Row& r) {
        return ExpiredAcquisition{r.Text(0), r.Text(1), r.OptText(2)};
      });
}

Status PersonalDataRepository::Erase(Session& s, const ExpiredAcquisition& a, int64_t at) const {
  constexpr std::string_view kEraseParty =
      "UPDATE parties SET name_enc = '', id_number_enc = NULL, id_number_index = NULL, "
      "phone_enc = NULL, phone_index = NULL, address_enc = NULL WHERE id = $1";
  RECIRC_CHECK(Done(s.Execute(kEraseParty, {a.seller_id})));
  if (a.agent_id) RECIRC_CHECK(Done(s.Execute(kEraseParty, {*a.agent_id})));
  return Done(
      s.Execute("UPDATE acquisitions SET origin_statement_enc = '', agent_authority_enc = NULL, "
                "erased_at = $2 WHERE id = $1",
                {a.id, at}));
}

}  // namespace recirc::storage
