#pragma once
// How an order reaches its buyer, chosen at checkout: delivery (recipient, phone, address with a
// region code) or pick-up at the selling outlet. The recipient, phone and address are personal
// data: sealed with the node's data keys exactly like sellers' (FieldCipher, through the narrow
// PersonalDataSeal), readable only by the selling shop and the buyer (OrderService::DeliveryOf),
// and erased by the retention job (OrderService::EraseDeliveriesBefore).

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/market/market_repository.hpp"
#include "storage/market/order_deliveries.hpp"

namespace recirc::market {

// Seals and opens personal data under the data keys; `context` binds a value to its place.
class PersonalDataSeal {
 public:
  virtual ~PersonalDataSeal() = default;
  virtual Result<std::string> Seal(std::string_view plaintext, std::string_view context) const = 0;
  virtual Result<std::string> Open(std::string_view stored, std::string_view context) const = 0;
  // The key new values are sealed under (re-encryption after a rotation compares with it).
  virtual std::string CurrentKeyId() const = 0;
};

// The seal over the same FieldCipher (and data.key) the registry uses for sellers.
class FieldCipherSeal final : public PersonalDataSeal {
 public:
  FieldCipherSeal(const crypto::FieldCipher& cipher, Random& random)
      : cipher_(cipher), random_(random) {}
  Result<std::string> Seal(std::string_view plaintext, std::string_view context) const override {
    return cipher_.Encrypt(plaintext, context, random_);
  }
  Result<std::string> Open(std::string_view stored, std::string_view context) const override {
    return cipher_.Decrypt(stored, context);
  }
  std::string CurrentKeyId() const override { return cipher_.current_key_id(); }

 private:
  const crypto::FieldCipher& cipher_;
  Random& random_;
};

inline constexpr std::string_view kDeliveryModeDelivery = "delivery";
inline constexpr std::string_view kDeliveryModePickup = "pickup";

struct DeliveryInput {
  std::string mode;  // delivery, pickup
  std::optional<std::string> recipient;
  std::optional<std::string> phone;  // 11-digit mainland mobile number
  std::optional<std::string> address;
  std::optional<std::string> region_code;  // 6 digits (GB/T 2260)
};

// The details as the shop and the buyer read them; erased after the retention period.
struct DeliveryDetails {
  std::string mode;
  std::optional<std::string> recipient;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::optional<std::string> region_code;
  bool erased = false;
};

// Field checks (no database); errors name the field (delivery.phone, delivery.address, …).
Status ValidateDelivery(const DeliveryInput& in);
Result<storage::OrderDeliveryRecord> SealDelivery(const PersonalDataSeal& seal,
                                                  const std::string& order_id,
                                                  const DeliveryInput& in, int64_t now);
Result<DeliveryDetails> OpenDelivery(const PersonalDataSeal& seal,
                                     const storage::OrderDeliveryRecord& r);

// Key rotation (after `recirc keys rotate`): re-seals every delivery field not yet under the
// seal's current key, a batch per transaction; returns how many deliveries were re-sealed.
Result<int64_t> ReencryptDeliveries(storage::Database& db, const storage::MarketRepository& repo,
                                    const PersonalDataSeal& seal, int64_t batch_size = 500);
// Deliveries with a field still under an older key (0: the old keys are no longer needed).
Result<int64_t> DeliveriesUnderOldKeys(storage::Database& db, const storage::MarketRepository& repo,
                                       const PersonalDataSeal& seal);

}  // namespace recirc::market
