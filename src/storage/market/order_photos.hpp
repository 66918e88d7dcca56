#pragma once
// A photo of an order's dispatch or of a return (migration 0018, order_photos). The bytes are in
// the content-addressed photo store (storage::PhotoFiles); this is the row that ties them to the
// order and the stage. Queries: MarketRepository (order_photo_repository.cpp).

#include <cstdint>
#include <string>

namespace recirc::storage {

struct OrderPhotoRecord {
  std::string order_id;
  std::string stage;   // dispatch, return
  std::string sha256;  // of the image, lower-case hex
  std::string media_type;
  int64_t size_bytes = 0;
  std::string uploaded_by;  // user id
  int64_t created_at = 0;
};

}  // namespace recirc::storage
