#pragma once
// SQL for inspection: inspection bodies' signing keys, signed reports, sanitization certificates
// and repairs. Records carry JSON documents as text; the services give them meaning.

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct InspectionKeyRecord {
  std::string organisation_id;
  std::string verifier_key;
  std::string private_key_enc;
  int64_t created_at = 0;
};

struct InspectionReportRecord {
  std::string id;
  std::string item_id;
  std::string organisation_id;
  std::string inspector_id;
  std::string category;
  int64_t checklist_version = 0;
  std::string document;   // the canonical JSON that was signed
  std::string signature;  // base64 Ed25519 signature
  std::string verifier_key;
  int64_t created_at = 0;
};

struct SanitizationRecord {
  std::string id;
  std::string item_id;
  std::string organisation_id;
  std::string recorded_by;
  std::string level;
  std::string method;
  bool passed = false;
  std::string details;  // JSON: every field of the certificate
  int64_t created_at = 0;
};

struct RepairRecord {
  std::string id;
  std::string item_id;
  std::string organisation_id;
  std::string recorded_by;
  std::string details;  // JSON: parts, repairer, date, identifier change
  int64_t created_at = 0;
};

class InspectionRepository {
 public:
  // Inserts the key unless the organisation has one; returns the organisation's key either way
  // (two first reports at once end with one key).
  Result<InspectionKeyRecord> InsertKeyIfAbsent(Session& s, const InspectionKeyRecord& r) const;
  Result<std::optional<InspectionKeyRecord>> FindKey(Session& s,
                                                     const std::string& organisation_id) const;
  Result<std::optional<InspectionKeyRecord>> FindKeyByVerifier(
      Session& s, const std::string& verifier_key) const;

  Status InsertReport(Session& s, const InspectionReportRecord& r) const;
  Result<std::optional<InspectionReportRecord>> FindReport(Session& s, const std::string& id) const;
  Result<std::vector<InspectionReportRecord>> ReportsOfItem(Session& s,
                                                            const std::string& item_id) const;

  Status InsertSanitization(Session& s, const SanitizationRecord& r) const;
  Result<std::optional<SanitizationRecord>> FindSanitization(Session& s,
                                                             const std::string& id) const;
  // Oldest first (by time, then id: within one millisecond the order is the ids').
  Result<std::vector<SanitizationRecord>> SanitizationsOfItem(Session& s,
                                                              const std::string& item_id) const;

  Status InsertRepair(Session& s, const RepairRecord& r) const;
  Result<std::vector<RepairRecord>> RepairsOfItem(Session& s, const std::string& item_id) const;

  // Whether `organisation_id` registered an acquisition of the item (the operator holding it).
  Result<bool> OrganisationHoldsItem(Session& s, const std::string& organisation_id,
                                     const std::string& item_id) const;
};

}  // namespace recirc::storage
