#pragma once
// How an order reaches its buyer (migration 0028, order_deliveries): delivery to an address or
// pick-up at the outlet. The personal fields are FieldCipher values (the market's
// PersonalDataSeal); empty after the retention job erased them. Queries: MarketRepository
// (order_delivery_repository.cpp).

#include <cstdint>
#include <optional>
#include <string>

namespace recirc::storage {

struct OrderDeliveryRecord {
  std::string order_id;
  std::string mode;  // delivery, pickup
  std::optional<std::string> recipient_enc;
  std::optional<std::string> phone_enc;
  std::optional<std::string> address_enc;
  std::optional<std::string> region_code;
  int64_t created_at = 0;
  std::optional<int64_t> erased_at;
};

}  // namespace recirc::storage
