// MarketRepository: the orders' delivery details (migration 0028). Same SQL on both dialects.
#include "storage/market/market_repository.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kColumns =
    "SELECT order_id, mode, recipient_enc, phone_enc, address_enc, region_code, created_at, "
    "erased_at FROM order_deliveries ";

OrderDeliveryRecord ToDelivery(const Row& r) {
  return {r.Text(0),    r.Text(1),    r.OptText(2), r.OptText(3),
          r.OptText(4), r.OptText(5), r.Int(6),     r.OptInt(7)};
}

}  // namespace

Status MarketRepository::InsertDelivery(Session& s, const OrderDeliveryRecord& r) const {
  return Done(s.Execute(
      "INSERT INTO order_deliveries (order_id, mode, recipient_enc, phone_enc, address_enc, "
      "region_code, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {r.order_id, r.mode, OptionalText(r.recipient_enc), OptionalText(r.phone_enc),
       OptionalText(r.address_enc), OptionalText(r.region_code), r.created_at}));
}

Result<std::optional<OrderDeliveryRecord>> MarketRepository::FindDelivery(
    Session& s, const std::string& order_id) const {
  return MapOptional<OrderDeliveryRecord>(
      s.QueryOptional(std::string(kColumns) + "WHERE order_id = $1", {order_id}), ToDelivery);
}

Result<std::vector<std::string>> MarketRepository::DeliveriesPlacedBefore(Session& s,
                                                                          int64_t before,
                                                                          int64_t limit) const {
  return MapRows<std::string>(
      s.Query("SELECT order_id FROM order_deliveries WHERE erased_at IS NULL AND created_at < $1 "
              "ORDER BY created_at, order_id LIMIT $2",
              {before, limit}),
      [](const Row& r) { return r.Text(0); });
}

Status MarketRepository::EraseDelivery(Session& s, const std::string& order_id, int64_t at) const {
  return Done(
      s.Execute("UPDATE order_deliveries SET recipient_enc = NULL, phone_enc = NULL, "
                "address_enc = NULL, erased_at = $2 WHERE order_id = $1",
                {order_id, at}));
}

}  // namespace recirc::storage

namespace recirc::storage {
namespace {

// A sealed value made under another key than `$1` (a prefix of length `$2`); erased: NULL.
std::string NotUnder(std::string_view column) {
  const std::string c(column);
  return "(" + c + " IS NOT NULL AND " + c + " <> '' AND substr(" + c + ", 1, $2) <> $1)";
}
std::string AnyNotUnder() {
  return "(" + NotUnder("recipient_enc") + " OR " + NotUnder("phone_enc") + " OR " +
         NotUnder("address_enc") + ")";
}

}  // namespace

Result<std::vector<OrderDeliveryRecord>> MarketRepository::DeliveriesNotUnder(
    Session& s, const std::string& key_prefix, const std::string& after_order_id,
    int64_t limit) const {
  return MapRows<OrderDeliveryRecord>(
      s.Query(std::string(kColumns) + "WHERE order_id > $3 AND " + AnyNotUnder() +
                  " ORDER BY order_id LIMIT $4",
              {key_prefix, static_cast<int64_t>(key_prefix.size()), after_order_id, limit}),
      ToDelivery);
}

Result<bool> MarketRepository::SwapDeliveryCiphertexts(Session& s, const OrderDeliveryRecord& old,
                                                       const OrderDeliveryRecord& fresh) const {
  RECIRC_TRY(
      int64_t changed,
      s.Execute("UPDATE order_deliveries SET recipient_enc = $2, phone_enc = $3, "
                "address_enc = $4 WHERE order_id = $1 AND recipient_enc IS NOT DISTINCT "
                "FROM $5 AND phone_enc IS NOT DISTINCT FROM $6 AND address_enc IS NOT "
                "DISTINCT FROM $7",
                {old.order_id, OptionalText(fresh.recipient_enc), OptionalText(fresh.phone_enc),
                 OptionalText(fresh.address_enc), OptionalText(old.recipient_enc),
                 OptionalText(old.phone_enc), OptionalText(old.address_enc)}));
  return changed == 1;
}

Result<int64_t> MarketRepository::CountDeliveriesNotUnder(Session& s,
                                                          const std::string& key_prefix) const {
  return FirstInt(s.QueryOne("SELECT COUNT(*) FROM order_deliveries WHERE " + AnyNotUnder(),
                             {key_prefix, static_cast<int64_t>(key_prefix.size())}, "count"));
}

}  // namespace recirc::storage
