// IdentityRepository: outlets of a region with their organisation's name (the police's outlet
// directory). Same SQL on both dialects.
#include "storage/identity/identity_repository.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {

Result<std::vector<OutletDirectoryRecord>> IdentityRepository::OutletsInRegion(
    Session& s, const std::string& region_prefix) const {
  // The prefix is matched with substr, not LIKE, so no pattern characters need escaping.
  constexpr std::string_view kSql =
      "SELECT o.id, o.organisation_id, o.name, o.region_code, o.address, o.created_at, o.status, "
      "g.name FROM outlets o JOIN organisations g ON g.id = o.organisation_id "
      "WHERE substr(o.region_code, 1, $1) = $2 ORDER BY o.region_code, o.name, o.id LIMIT 1000";
  return MapRows<OutletDirectoryRecord>(
      s.Query(kSql, {static_cast<int64_t>(region_prefix.size()), region_prefix}), [](const Row& r) {
        return OutletDirectoryRecord{
            {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5),
             ParseStored<identity::AccountStatus>(r.Text(6), "outlets.status")},
            r.Text(7)};
      });
}

}  // namespace recirc::storage
