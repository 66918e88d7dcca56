#include "domain/identity/identity_port.hpp"

namespace recirc::identity {

Result<std::optional<storage::OutletRecord>> IdentityPortImpl::FindOutlet(
    storage::Session& s, const std::string& outlet_id) const {
  return repo_.FindOutlet(s, outlet_id);
}

Result<std::optional<storage::UserRecord>> IdentityPortImpl::FindUser(
    storage::Session& s, const std::string& user_id) const {
  RECIRC_TRY(auto user, repo_.FindUser(s, user_id));
  if (user) user->password_hash.clear();
  return user;
}

Result<bool> IdentityPortImpl::IsLicensedAuctioneer(storage::Session& s,
                                                    const std::string& organisation_id) const {
  RECIRC_TRY(auto licence, repo_.AuctionLicence(s, organisation_id));
  return licence.has_value() && !licence->empty();
}

Result<bool> IdentityPortImpl::OrganisationActive(storage::Session& s,
                                                  const std::string& organisation_id) const {
  RECIRC_TRY(auto organisation, repo_.FindOrganisation(s, organisation_id));
  return organisation && organisation->status == AccountStatus::kActive;
}

Result<std::optional<std::string>> IdentityPortImpl::OrganisationName(
    storage::Session& s, const std::string& organisation_id) const {
  RECIRC_TRY(auto organisation, repo_.FindOrganisation(s, organisation_id));
  if (!organisation) return std::optional<std::string>();
  return std::optional<std::string>(organisation->name);
}

Result<SuspendedSellers> IdentityPortImpl::Suspended(storage::Session& s) const {
  SuspendedSellers out;
  RECIRC_TRY(out.organisations, repo_.SuspendedOrganisationIds(s));
  RECIRC_TRY(out.outlets, repo_.SuspendedOutletIds(s));
  return out;
}

}  // namespace recirc::identity
