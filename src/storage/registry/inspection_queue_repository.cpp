// RegistryRepository: the items of a region for the inspectors' queue and their lookup by receipt.
// Same SQL on both dialects; region prefixes are matched with substr, not LIKE, so no pattern
// characters need escaping.
#include "storage/registry/registry_repository.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {

Result<std::vector<ItemRecord>> RegistryRepository::ItemsRegisteredInRegion(
    Session& s, const std::string& region_prefix, const std::string& after_id,
    int64_t limit) const {
  constexpr std::string_view kSql =
      "SELECT i.id, i.category, i.brand, i.model, i.status, i.created_at FROM items i "
      "WHERE i.status <> 'seized' AND i.id > $3 AND EXISTS (SELECT 1 FROM acquisitions a "
      "WHERE a.item_id = i.id AND substr(a.region_code, 1, $1) = $2) ORDER BY i.id LIMIT $4";
  return MapRows<ItemRecord>(
      s.Query(kSql, {static_cast<int64_t>(region_prefix.size()), region_prefix, after_id, limit}),
      [](const Row& r) {
        return ItemRecord{r.Text(0),
                          r.Text(1),
                          r.Text(2),
                          r.Text(3),
                          ParseStored<registry::ItemStatus>(r.Text(4), "items.status"),
                          r.Int(5)};
      });
}

Result<std::vector<std::string>> RegistryRepository::ItemsOfReceipt(
    Session& s, const std::string& region_prefix, std::optional<int64_t> number,
    const std::string& acquisition_id) const {
  constexpr std::string_view kSql =
      "SELECT DISTINCT item_id FROM acquisitions WHERE substr(region_code, 1, $1) = $2 AND "
      "(($3 = 1 AND number = $4) OR ($3 = 0 AND id = $5)) ORDER BY item_id LIMIT 50";
  return MapRows<std::string>(
      s.Query(kSql, {static_cast<int64_t>(region_prefix.size()), region_prefix,
                     int64_t{number ? 1 : 0}, number.value_or(0), acquisition_id}),
      [](const Row& r) { return r.Text(0); });
}

}  // namespace recirc::storage
