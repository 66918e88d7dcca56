#pragma once
// Photos of an order's dispatch and of a return (DOMAIN.md "Orders and after-sales": the returned
// item's identifiers and photos are compared with the dispatch record).
// - The bytes are checked and stored as acquisition photos are (registry/image_upload.hpp: the
//   type sniffed, the Content-Type agreeing, 8 MiB, SHA-256 content addressing in PhotoFiles).
// - stage dispatch: the selling organisation's market.manage staff, while the order is paid and
//   not yet dispatched. stage return: the order's buyer (the account that placed it; for an order
//   placed at the counter for a buyer_ref, the seller's staff acting for that buyer), while a
//   return may be requested (received, inside the return window).
// - Seen by the seller's staff and the order's buyer only; to anyone else the order does not
//   exist. Never public, never in the journal (a dispatch or return names only the hashes).
// - The bytes must decode as an image (registry::CheckDecodedImage), and an order holds at most
//   kMaxOrderPhotosPerStage distinct photos per stage (more: 409 rule too_many_photos, naming
//   photo); the same bytes again are not a new photo.
// - A dispatch's and a return's photos[i] must each be a photo uploaded to that order at that
//   stage (CheckOrderPhotoRefs), else 422 naming photos[i].

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/market/offer_service.hpp"
#include "storage/photo_files.hpp"

namespace recirc::market {

inline constexpr std::string_view kStageDispatch = "dispatch";
inline constexpr std::string_view kStageReturn = "return";
// Distinct photos per order and stage: enough for every side of an item and its packaging, and a
// bound on the disk one order may take (12 x 8 MiB per stage).
inline constexpr size_t kMaxOrderPhotosPerStage = 12;

struct OrderPhotoUpload {
  std::optional<std::string> stage;         // dispatch, return (query parameter)
  std::optional<std::string> content_type;  // the request's Content-Type header
  std::string_view bytes;
};

struct StoredOrderPhoto {
  storage::OrderPhotoRecord record;
  bool created = false;  // false when these bytes were already there for this order and stage
};

struct OrderPhotoBytes {
  storage::OrderPhotoRecord record;
  std::string bytes;
};

class OrderPhotoService {
 public:
  OrderPhotoService(const MarketContext& c, storage::PhotoFiles files)
      : c_(c), files_(std::move(files)) {}

  Result<StoredOrderPhoto> Upload(const identity::Principal& actor, const OrderId& order,
                                  const OrderPhotoUpload& upload);
  // Both stages, oldest first.
  Result<std::vector<storage::OrderPhotoRecord>> List(const identity::Principal& actor,
                                                      const OrderId& order);
  Result<OrderPhotoBytes> Get(const identity::Principal& actor, const OrderId& order,
                              const std::string& sha256);

 private:
  const MarketContext& c_;
  storage::PhotoFiles files_;
};

// Inside the caller's transaction: every refs[i] ("sha256:<hex>", format already checked) is a
// photo of `order_id` uploaded at `stage`; otherwise FailedPrecondition naming photos[i].
Status CheckOrderPhotoRefs(storage::Session& s, const storage::MarketRepository& repo,
                           const std::string& order_id, std::string_view stage,
                           const std::vector<std::string>& refs);

}  // namespace recirc::market
