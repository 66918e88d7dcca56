#pragma once
// InspectionPort: what the market may read of inspection: an item's data-sanitization
// certificates (the phone rule) and whether an organisation holds the item (it registered an
// acquisition of it). The market holds this interface, never the inspection repository; src/app/
// wires InspectionPortImpl.
//
// Contract (as RegistryPort's): every call runs inside the caller's transaction, on the Session
// the caller passes, and neither opens a transaction nor keeps the Session.

#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/database.hpp"
#include "storage/inspection/inspection_repository.hpp"  // the record types only

namespace recirc::inspection {

class InspectionPort {
 public:
  virtual ~InspectionPort() = default;
  // Oldest first.
  virtual Result<std::vector<storage::SanitizationRecord>> SanitizationsOfItem(
      storage::Session& s, const std::string& item_id) const = 0;
  virtual Result<bool> OrganisationHoldsItem(storage::Session& s,
                                             const std::string& organisation_id,
                                             const std::string& item_id) const = 0;
};

class InspectionPortImpl final : public InspectionPort {
 public:
  explicit InspectionPortImpl(const storage::InspectionRepository& repo) : repo_(repo) {}
  Result<std::vector<storage::SanitizationRecord>> SanitizationsOfItem(
      storage::Session& s, const std::string& item_id) const override {
    return repo_.SanitizationsOfItem(s, item_id);
  }
  Result<bool> OrganisationHoldsItem(storage::Session& s, const std::string& organisation_id,
                                     const std::string& item_id) const override {
    return repo_.OrganisationHoldsItem(s, organisation_id, item_id);
  }

 private:
  const storage::InspectionRepository& repo_;
};

}  // namespace recirc::inspection
