// RegistryRepository: the items a shop registered, for its inventory list (newest item first).
// Same SQL on both dialects.
#include "storage/registry/registry_repository.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {

Result<std::vector<ItemRecord>> RegistryRepository::ItemsOfOrganisation(
    Session& s, const std::string& organisation_id, const std::string& before_id,
    const std::string& identifier, int64_t limit) const {
  const std::string sql =
      "SELECT i.id, i.category, i.brand, i.model, i.status, i.created_at FROM items i WHERE "
      "EXISTS (SELECT 1 FROM acquisitions a WHERE a.item_id = i.id AND a.organisation_id = $1) "
      "AND ($2 = '' OR i.id < $2) AND ($3 = '' OR EXISTS (SELECT 1 FROM item_identifiers x "
      "WHERE x.item_id = i.id AND x.value = $3)) ORDER BY i.id DESC LIMIT $4";
  return MapRows<ItemRecord>(
      s.Query(sql, {organisation_id, before_id, identifier, limit}), [](const Row& r) {
        return ItemRecord{r.Text(0),
                          r.Text(1),
                          r.Text(2),
                          r.Text(3),
                          ParseStored<registry::ItemStatus>(r.Text(4), "items.status"),
                          r.Int(5)};
      });
}

}  // namespace recirc::storage
