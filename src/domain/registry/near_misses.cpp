// Near misses for the police (PoliceService, fifth part): screenings whose signals fired below
// the alert threshold, so the police of a jurisdiction see what almost raised an alert (a seller
// whose identity was not checked, a price far below the reference, a story that does not fit)
// and can spot patterns across shops. The shop is never told.
#include <cstdint>

#include "domain/registry/police.hpp"
#include "storage/registry/near_miss_repository.hpp"

namespace recirc::registry {

Result<std::vector<NearMissView>> PoliceService::NearMisses(const identity::Principal& actor,
                                                            std::optional<int64_t> from,
                                                            std::optional<int64_t> to) {
  if (!actor.Has(identity::Permission::kPoliceRead) ||
      (actor.kind != identity::OrganisationKind::kPolice && !actor.SeesAllOrganisations())) {
    return Error::PermissionDenied("only the police see near misses");
  }
  const std::string prefix =
      actor.SeesAllOrganisations() ? "" : JurisdictionPrefix(actor.organisation.region_code);
  const storage::NearMissRepository near_misses;
  return storage::ReadValue<std::vector<NearMissView>>(
      db_, [&](storage::Session& s) -> Result<std::vector<NearMissView>> {
        RECIRC_TRY(auto records,
                   near_misses.InRegion(s, prefix, from.value_or(0), to.value_or(INT64_MAX), 500));
        std::vector<NearMissView> out;
        out.reserve(records.size());
        for (auto& r : records) {
          RECIRC_TRY(auto item, repo_.FindItem(s, r.item_id));
          RECIRC_TRY(auto acquisition, repo_.FindAcquisition(s, r.acquisition_id));
          if (!item || !acquisition)
            return Error::Internal("near miss " + r.id + " lost its records");
          RECIRC_TRY(auto identifiers, repo_.IdentifiersOfItem(s, r.item_id));
          out.push_back(
              {std::move(r), std::move(*item), std::move(*acquisition), std::move(identifiers)});
        }
        return out;
      });
}

}  // namespace recirc::registry
