#include "domain/registry/registry_port_impl.hpp"

#include <boost/json.hpp>

#include "domain/registry/item_fields.hpp"

namespace recirc::registry {

Result<std::optional<storage::ItemRecord>> RegistryPortImpl::FindItem(
    storage::Session& s, const std::string& item_id) const {
  return repo_.FindItem(s, item_id);
}

Result<std::optional<std::string>> RegistryPortImpl::FindItemByIdentifier(
    storage::Session& s, const std::string& kind, const std::string& value) const {
  return repo_.FindItemByIdentifier(s, kind, value);
}

Result<std::vector<std::pair<std::string, std::string>>> RegistryPortImpl::IdentifiersOfItem(
    storage::Session& s, const std::string& item_id) const {
  return repo_.IdentifiersOfItem(s, item_id);
}

Result<std::vector<storage::ItemRecord>> RegistryPortImpl::ItemsOfOrganisation(
    storage::Session& s, const std::string& organisation_id, const std::string& before_id,
    const std::string& identifier, int64_t limit) const {
  std::string value = identifier;
  // An IMEI as registration stores it; any other value (a serial) as given.
  if (auto imei = NormaliseItemIdentifier("imei", identifier, "imei")) value = *imei;
  return repo_.ItemsOfOrganisation(s, organisation_id, before_id, value, limit);
}

Status RegistryPortImpl::AddIdentifier(storage::Session& s, const std::string& item_id,
                                       const std::string& kind, const std::string& value) const {
  return repo_.InsertIdentifier(s, kind, value, item_id);
}

Result<std::vector<storage::AcquisitionRecord>> RegistryPortImpl::AcquisitionsOfItem(
    storage::Session& s, const std::string& item_id) const {
  return repo_.AcquisitionsOfItem(s, item_id);
}

Result<std::vector<storage::AcquisitionRecord>> RegistryPortImpl::AcquisitionsOfOutlet(
    storage::Session& s, const std::string& outlet_id, int64_t from, int64_t to) const {
  return repo_.ListAcquisitions(s, outlet_id, from, to);
}

Result<std::optional<std::string>> RegistryPortImpl::RaiseAlert(storage::Session& s,
                                                                const identity::Principal& actor,
                                                                const std::string& item_id,
                                                                const AlertSignal& signal) const {
  RECIRC_TRY(auto acquisitions, repo_.AcquisitionsOfItem(s, item_id));
  if (acquisitions.empty()) return std::optional<std::string>();
  const auto& last = acquisitions.back();
  boost::json::array reasons{
      {{"signal", signal.signal}, {"weight", signal.weight}, {"detail", signal.detail}}};
  RECIRC_TRY(auto alert, alerts_.Raise(s, actor,
                                       {last.id, item_id, last.region_code, signal.weight,
                                        boost::json::serialize(reasons), AlertHold::kNone},
                                       ToUnixMillis(clock_.Now())));
  return std::optional<std::string>(alert.id);
}

}  // namespace recirc::registry
