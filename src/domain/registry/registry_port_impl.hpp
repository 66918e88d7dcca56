#pragma once
// RegistryPortImpl: RegistryPort over the registry's own repository (see registry_port.hpp for
// the contract). Built in src/app/ and in tests; other contexts see only RegistryPort.

#include "core/clock.hpp"
#include "core/random.hpp"
#include "domain/registry/police_alert.hpp"
#include "domain/registry/registry_port.hpp"
#include "storage/journal_repository.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

class RegistryPortImpl final : public RegistryPort {
 public:
  RegistryPortImpl(const storage::RegistryRepository& repo,
                   const storage::JournalRepository& journal, const Clock& clock, Random& random)
      : repo_(repo), alerts_(repo, journal, clock, random), clock_(clock) {}

  Result<std::optional<storage::ItemRecord>> FindItem(storage::Session& s,
                                                      const std::string& item_id) const override;
  Result<std::optional<std::string>> FindItemByIdentifier(storage::Session& s,
                                                          const std::string& kind,
                                                          const std::string& value) const override;
  Result<std::vector<std::pair<std::string, std::string>>> IdentifiersOfItem(
      storage::Session& s, const std::string& item_id) const override;
  Result<std::vector<storage::ItemRecord>> ItemsOfOrganisation(storage::Session& s,
                                                               const std::string& organisation_id,
                                                               const std::string& before_id,
                                                               const std::string& identifier,
                                                               int64_t limit) const override;
  Result<std::vector<storage::ItemRecord>> ItemsRegisteredInRegion(storage::Session& s,
                                                                   const std::string& region_prefix,
                                                                   const std::string& after_id,
                                                                   int64_t limit) const override {
    return repo_.ItemsRegisteredInRegion(s, region_prefix, after_id, limit);
  }
  Result<std::vector<std::string>> ItemsOfReceipt(
      storage::Session& s, const std::string& region_prefix, std::optional<int64_t> number,
      const std::string& acquisition_id) const override {
    return repo_.ItemsOfReceipt(s, region_prefix, number, acquisition_id);
  }
  Status AddIdentifier(storage::Session& s, const std::string& item_id, const std::string& kind,
                       const std::string& value) const override;
  Result<std::vector<storage::AcquisitionRecord>> AcquisitionsOfItem(
      storage::Session& s, const std::string& item_id) const override;
  Result<std::vector<storage::AcquisitionRecord>> AcquisitionsOfOutlet(storage::Session& s,
                                                                       const std::string& outlet_id,
                                                                       int64_t from,
                                                                       int64_t to) const override;
  Result<std::optional<std::string>> RaiseAlert(storage::Session& s,
                                                const identity::Principal& actor,
                                                const std::string& item_id,
                                                const AlertSignal& signal) const override;

 private:
  const storage::RegistryRepository& repo_;
  PoliceAlerts alerts_;
  const Clock& clock_;
};

}  // namespace recirc::registry
