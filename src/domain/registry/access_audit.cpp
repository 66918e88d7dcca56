// The access audit seen by the police who supervise a jurisdiction (PoliceService, fourth part).
// Only a police supervisor (permission police.audit) sees it, not the officers whose views it
// records: every full view made of registrations in the jurisdiction of the supervisor's
// organisation, so a city bureau's supervisor oversees the views its district officers made.
#include "domain/registry/police.hpp"

namespace recirc::registry {

Result<std::vector<storage::AccessAuditRecord>> PoliceService::AccessAudit(
    const identity::Principal& actor, std::optional<int64_t> from, std::optional<int64_t> to) {
  if (!actor.Has(identity::Permission::kPoliceAudit) ||
      (actor.kind != identity::OrganisationKind::kPolice && !actor.SeesAllOrganisations())) {
    return Error::PermissionDenied("only police supervisors see the access audit");
  }
  const std::string prefix =
      actor.SeesAllOrganisations() ? "" : JurisdictionPrefix(actor.organisation.region_code);
  return storage::ReadValue<std::vector<storage::AccessAuditRecord>>(db_, [&](storage::Session& s) {
    return repo_.AccessAuditInRegion(s, prefix, from.value_or(0), to.value_or(INT64_MAX));
  });
}

}  // namespace recirc::registry
