// The access audit seen by the police who supervise a jurisdiction (PoliceService, fourth part).
// There is no separate supervisor role yet: an officer who may act (police.act) sees the full
// views made of registrations in the jurisdiction of their organisation, so a city bureau
// oversees the views its district officers made.
#include "domain/registry/police.hpp"

namespace recirc::registry {

Result<std::vector<storage::AccessAuditRecord>> PoliceService::AccessAudit(
    const identity::Principal& actor, std::optional<int64_t> from, std::optional<int64_t> to) {
  if (!actor.Has(identity::Permission::kPoliceAct) ||
      (actor.kind != identity::OrganisationKind::kPolice && !actor.SeesAllOrganisations())) {
    return Error::PermissionDenied("only the police supervise the access audit");
  }
  const std::string prefix =
      actor.SeesAllOrganisations() ? "" : JurisdictionPrefix(actor.organisation.region_code);
  return storage::ReadValue<std::vector<storage::AccessAuditRecord>>(db_, [&](storage::Session& s) {
    return repo_.AccessAuditInRegion(s, prefix, from.value_or(0), to.value_or(INT64_MAX));
  });
}

}  // namespace recirc::registry
