// The access audit seen by the police who supervise a jurisdiction (PoliceService, fourth part).
// Only a police supervisor (permission police.audit) sees it, not the officers whose views it
// records: every full view made of registrations in the jurisdiction of the supervisor's
// organisation, so a city bureau's supervisor oversees the views its district officers made.
#include "domain/registry/police.hpp"

namespace recirc::registry {

Result<std::vector<AccessAuditView>> PoliceService::AccessAudit(const identity::Principal& actor,
                                                                std::optional<int64_t> from,
                                                                std::optional<int64_t> to) {
  if (!actor.Has(identity::Permission::kPoliceAudit) ||
      (actor.kind != identity::OrganisationKind::kPolice && !actor.SeesAllOrganisations())) {
    return Error::PermissionDenied("only police supervisors see the access audit");
  }
  const std::string prefix =
      actor.SeesAllOrganisations() ? "" : JurisdictionPrefix(actor.organisation.region_code);
  return storage::ReadValue<std::vector<AccessAuditView>>(
      db_, [&](storage::Session& s) -> Result<std::vector<AccessAuditView>> {
        RECIRC_TRY(auto entries,
                   repo_.AccessAuditInRegion(s, prefix, from.value_or(0), to.value_or(INT64_MAX)));
        std::vector<AccessAuditView> out;
        out.reserve(entries.size());
        for (auto& e : entries) {
          RECIRC_TRY(auto acquisition, repo_.FindAcquisition(s, e.acquisition_id));
          if (!acquisition) return Error::Internal("audit entry " + e.id + " lost its record");
          RECIRC_TRY(auto item, repo_.FindItem(s, acquisition->item_id));
          if (!item) return Error::Internal("audit entry " + e.id + " lost its item");
          RECIRC_TRY(auto viewer, identity_.FindUser(s, e.viewer_id));
          AccessAuditView v{std::move(e), "", "", std::move(*item), std::move(*acquisition)};
          if (viewer) {
            v.viewer_username = viewer->username;
            v.viewer_display_name = viewer->display_name;
          }
          out.push_back(std::move(v));
        }
        return out;
      });
}

}  // namespace recirc::registry
