#include "storage/registry/photo_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO acquisition_photos (acquisition_id, sha256, kind, media_type, size_bytes, "
    "encrypted, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (acquisition_id, sha256) DO NOTHING";
constexpr std::string_view kColumns =
    "SELECT acquisition_id, sha256, kind, media_type, size_bytes, encrypted, uploaded_by, "
    "created_at FROM acquisition_photos ";

PhotoRecord ToPhoto(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5) != 0, r.Text(6), r.Int(7)};
}

}  // namespace

Result<bool> PhotoRepository::Insert(Session& s, const PhotoRecord& r) const {
  RECIRC_TRY(int64_t n,
             s.Execute(kInsert, {r.acquisition_id, r.sha256, r.kind, r.media_type, r.size_bytes,
                                 int64_t{r.encrypted ? 1 : 0}, r.uploaded_by, r.created_at}));
  return n > 0;
}

Result<std::vector<PhotoRecord>> PhotoRepository::OfAcquisition(
    Session& s, const std::string& acquisition_id) const {
  return MapRows<PhotoRecord>(
      s.Query(std::string(kColumns) + "WHERE acquisition_id = $1 ORDER BY created_at, sha256",
              {acquisition_id}),
      ToPhoto);
}

Result<std::optional<PhotoRecord>> PhotoRepository::Find(Session& s,
                                                         const std::string& acquisition_id,
                                                         const std::string& sha256) const {
  return MapOptional<PhotoRecord>(
      s.QueryOptional(std::string(kColumns) + "WHERE acquisition_id = $1 AND sha256 = $2",
                      {acquisition_id, sha256}),
      ToPhoto);
}

}  // namespace recirc::storage
