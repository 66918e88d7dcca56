#include "domain/identity/buyer_service.hpp"

namespace recirc::identity {

Result<storage::UserRecord> BuyerService::Register(const NewBuyer& in, const std::string& source) {
  // Every attempt counts, successful or not (LoginLimiter::Begin counts before anything else).
  if (const int64_t wait = limiter_.Begin(in.username, source); wait > 0) {
    return Error::ResourceExhausted("too many registrations; try again in " + std::to_string(wait) +
                                    " seconds");
  }
  RECIRC_TRY(auto organisation, directory_.BuyersOrganisation());
  return directory_.CreateUser(
      Principal::System(), OrganisationId::Stored(organisation.id),
      {in.username, in.display_name, std::string(RoleName(Role::kBuyer)), in.password});
}

}  // namespace recirc::identity
