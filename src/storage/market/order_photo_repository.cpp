// MarketRepository: the order photos (migration 0018). Same SQL on both dialects.
#include "storage/market/market_repository.hpp"
#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO order_photos (order_id, stage, sha256, media_type, size_bytes, uploaded_by, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (order_id, stage, sha256) DO NOTHING";
constexpr std::string_view kColumns =
    "SELECT order_id, stage, sha256, media_type, size_bytes, uploaded_by, created_at "
    "FROM order_photos ";

OrderPhotoRecord ToOrderPhoto(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5), r.Int(6)};
}

}  // namespace

Result<bool> MarketRepository::InsertOrderPhoto(Session& s, const OrderPhotoRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute(kInsert, {r.order_id, r.stage, r.sha256, r.media_type,
                                            r.size_bytes, r.uploaded_by, r.created_at}));
  return n > 0;
}

Result<std::vector<OrderPhotoRecord>> MarketRepository::OrderPhotos(
    Session& s, const std::string& order_id) const {
  return MapRows<OrderPhotoRecord>(
      s.Query(std::string(kColumns) + "WHERE order_id = $1 ORDER BY created_at, stage, sha256",
              {order_id}),
      ToOrderPhoto);
}

Result<std::optional<OrderPhotoRecord>> MarketRepository::FindOrderPhoto(
    Session& s, const std::string& order_id, const std::string& stage,
    const std::string& sha256) const {
  return MapOptional<OrderPhotoRecord>(
      s.QueryOptional(std::string(kColumns) + "WHERE order_id = $1 AND stage = $2 AND sha256 = $3",
                      {order_id, stage, sha256}),
      ToOrderPhoto);
}

}  // namespace recirc::storage
