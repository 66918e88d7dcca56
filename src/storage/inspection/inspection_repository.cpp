#include "storage/inspection/inspection_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kKeyColumns =
    "SELECT organisation_id, verifier_key, private_key_enc, created_at FROM inspection_keys ";
// Both dialects accept ON CONFLICT DO NOTHING.
constexpr std::string_view kInsertKey =
    "INSERT INTO inspection_keys (organisation_id, verifier_key, private_key_enc, created_at) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id) DO NOTHING";
constexpr std::string_view kReportColumns =
    "SELECT id, item_id, organisation_id, inspector_id, category, checklist_version, document, "
    "signature, verifier_key, created_at FROM inspection_reports ";
constexpr std::string_view kInsertReport =
    "INSERT INTO inspection_reports (id, item_id, organisation_id, inspector_id, category, "
    "checklist_version, document, signature, verifier_key, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kSanitizationColumns =
    "SELECT id, item_id, organisation_id, recorded_by, level, method, passed, details, created_at "
    "FROM sanitization_certificates ";
constexpr std::string_view kInsertSanitization =
    "INSERT INTO sanitization_certificates (id, item_id, organisation_id, recorded_by, level, "
    "method, passed, details, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kRepairColumns =
    "SELECT id, item_id, organisation_id, recorded_by, details, created_at FROM repairs ";
constexpr std::string_view kInsertRepair =
    "INSERT INTO repairs (id, item_id, organisation_id, recorded_by, details, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";

InspectionKeyRecord ToKey(const Row& r) { return {r.Text(0), r.Text(1), r.Text(2), r.Int(3)}; }
InspectionReportRecord ToReport(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),
          r.Int(5),  r.Text(6), r.Text(7), r.Text(8), r.Int(9)};
}
SanitizationRecord ToSanitization(const Row& r) {
  return {r.Text(0), r.Text(1),     r.Text(2), r.Text(3), r.Text(4),
          r.Text(5), r.Int(6) != 0, r.Text(7), r.Int(8)};
}
RepairRecord ToRepair(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)};
}

}  // namespace

Result<InspectionKeyRecord> InspectionRepository::InsertKeyIfAbsent(
    Session& s, const InspectionKeyRecord& r) const {
  RECIRC_CHECK(Done(
      s.Execute(kInsertKey, {r.organisation_id, r.verifier_key, r.private_key_enc, r.created_at})));
  RECIRC_TRY(auto found, FindKey(s, r.organisation_id));
  if (!found) return Error::Internal("inspection key of " + r.organisation_id + " vanished");
  return *found;
}

Result<std::optional<InspectionKeyRecord>> InspectionRepository::FindKey(
    Session& s, const std::string& organisation_id) const {
  return MapOptional<InspectionKeyRecord>(
      s.QueryOptional(std::string(kKeyColumns) + "WHERE organisation_id = $1", {organisation_id}),
      ToKey);
}

Result<std::optional<InspectionKeyRecord>> InspectionRepository::FindKeyByVerifier(
    Session& s, const std::string& verifier_key) const {
  return MapOptional<InspectionKeyRecord>(
      s.QueryOptional(std::string(kKeyColumns) + "WHERE verifier_key = $1", {verifier_key}), ToKey);
}

Status InspectionRepository::InsertReport(Session& s, const InspectionReportRecord& r) const {
  return Done(s.Execute(
      kInsertReport, {r.id, r.item_id, r.organisation_id, r.inspector_id, r.category,
                      r.checklist_version, r.document, r.signature, r.verifier_key, r.created_at}));
}

Result<std::optional<InspectionReportRecord>> InspectionRepository::FindReport(
    Session& s, const std::string& id) const {
  return MapOptional<InspectionReportRecord>(
      s.QueryOptional(std::string(kReportColumns) + "WHERE id = $1", {id}), ToReport);
}

Result<std::vector<InspectionReportRecord>> InspectionRepository::ReportsOfItem(
    Session& s, const std::string& item_id) const {
  return MapRows<InspectionReportRecord>(
      s.Query(std::string(kReportColumns) + "WHERE item_id = $1 ORDER BY created_at, id",
              {item_id}),
      ToReport);
}

Status InspectionRepository::InsertSanitization(Session& s, const SanitizationRecord& r) const {
  return Done(s.Execute(kInsertSanitization,
                        {r.id, r.item_id, r.organisation_id, r.recorded_by, r.level, r.method,
                         int64_t{r.passed ? 1 : 0}, r.details, r.created_at}));
}

Result<std::optional<SanitizationRecord>> InspectionRepository::FindSanitization(
    Session& s, const std::string& id) const {
  return MapOptional<SanitizationRecord>(
      s.QueryOptional(std::string(kSanitizationColumns) + "WHERE id = $1", {id}), ToSanitization);
}

Result<std::vector<SanitizationRecord>> InspectionRepository::SanitizationsOfItem(
    Session& s, const std::string& item_id) const {
  return MapRows<SanitizationRecord>(
      s.Query(std::string(kSanitizationColumns) + "WHERE item_id = $1 ORDER BY created_at, id",
              {item_id}),
      ToSanitization);
}

Status InspectionRepository::InsertRepair(Session& s, const RepairRecord& r) const {
  return Done(s.Execute(
      kInsertRepair, {r.id, r.item_id, r.organisation_id, r.recorded_by, r.details, r.created_at}));
}

Result<std::vector<RepairRecord>> InspectionRepository::RepairsOfItem(
    Session& s, const std::string& item_id) const {
  return MapRows<RepairRecord>(
      s.Query(std::string(kRepairColumns) + "WHERE item_id = $1 ORDER BY created_at, id",
              {item_id}),
      ToRepair);
}

Result<bool> InspectionRepository::OrganisationHoldsItem(Session& s,
                                                         const std::string& organisation_id,
                                                         const std::string& item_id) const {
  RECIRC_TRY(int64_t n, FirstInt(s.QueryOne("SELECT COUNT(*) FROM acquisitions WHERE "
                                            "organisation_id = $1 AND item_id = $2",
                                            {organisation_id, item_id}, "count")));
  return n > 0;
}

}  // namespace recirc::storage
