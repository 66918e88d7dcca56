#include "domain/market/delivery.hpp"

#include <algorithm>

#include "domain/identity/text.hpp"

namespace recirc::market {
namespace {

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Context(std::string_view field, const std::string& order_id) {
  return "order." + std::string(field) + ":" + order_id;
}

Result<std::optional<std::string>> SealOptional(const PersonalDataSeal& seal,
                                                const std::optional<std::string>& value,
                                                std::string_view field,
                                                const std::string& order_id) {
  if (!value) return std::optional<std::string>();
  RECIRC_TRY(std::string sealed, seal.Seal(*value, Context(field, order_id)));
  return std::optional<std::string>(std::move(sealed));
}

Result<std::optional<std::string>> OpenOptional(const PersonalDataSeal& seal,
                                                const std::optional<std::string>& stored,
                                                std::string_view field,
                                                const std::string& order_id) {
  if (!stored || stored->empty()) return std::optional<std::string>();
  RECIRC_TRY(std::string plain, seal.Open(*stored, Context(field, order_id)));
  return std::optional<std::string>(std::move(plain));
}

}  // namespace

Status ValidateDelivery(const DeliveryInput& in) {
  const bool delivery = in.mode == kDeliveryModeDelivery;
  if (!delivery && in.mode != kDeliveryModePickup) {
    return Error::InvalidArgument("delivery.mode", "delivery.mode is delivery or pickup");
  }
  if (delivery && (!in.recipient || in.recipient->empty())) {
    return Error::InvalidArgument("delivery.recipient", "a delivery names its recipient");
  }
  if (in.recipient) RECIRC_CHECK(identity::CheckText(*in.recipient, "delivery.recipient", 50));
  if (delivery && (!in.phone || in.phone->empty())) {
    return Error::InvalidArgument("delivery.phone", "a delivery gives the recipient's phone");
  }
  if (in.phone && (in.phone->size() != 11 || (*in.phone)[0] != '1' || !AllDigits(*in.phone))) {
    return Error::InvalidArgument("delivery.phone",
                                  "a mainland mobile number: 11 digits starting with 1");
  }
  if (!delivery) {
    if (in.address) {
      return Error::InvalidArgument("delivery.address",
                                    "pick-up at the outlet takes no delivery address");
    }
    if (in.region_code) {
      return Error::InvalidArgument("delivery.region_code",
                                    "pick-up at the outlet takes no region code");
    }
    return Ok();
  }
  if (!in.address || in.address->empty()) {
    return Error::InvalidArgument("delivery.address", "a delivery needs the address");
  }
  RECIRC_CHECK(identity::CheckText(*in.address, "delivery.address", 200));
  if (!in.region_code || in.region_code->size() != 6 || !AllDigits(*in.region_code)) {
    return Error::InvalidArgument("delivery.region_code",
                                  "the address's region code: 6 digits (e.g. 110105)");
  }
  return Ok();
}

Result<storage::OrderDeliveryRecord> SealDelivery(const PersonalDataSeal& seal,
                                                  const std::string& order_id,
                                                  const DeliveryInput& in, int64_t now) {
  storage::OrderDeliveryRecord r;
  r.order_id = order_id;
  r.mode = in.mode;
  RECIRC_TRY(r.recipient_enc, SealOptional(seal, in.recipient, "recipient", order_id));
  RECIRC_TRY(r.phone_enc, SealOptional(seal, in.phone, "phone", order_id));
  RECIRC_TRY(r.address_enc, SealOptional(seal, in.address, "address", order_id));
  r.region_code = in.region_code;
  r.created_at = now;
  return r;
}

Result<DeliveryDetails> OpenDelivery(const PersonalDataSeal& seal,
                                     const storage::OrderDeliveryRecord& r) {
  DeliveryDetails d;
  d.mode = r.mode;
  d.region_code = r.region_code;
  d.erased = r.erased_at.has_value();
  RECIRC_TRY(d.recipient, OpenOptional(seal, r.recipient_enc, "recipient", r.order_id));
  RECIRC_TRY(d.phone, OpenOptional(seal, r.phone_enc, "phone", r.order_id));
  RECIRC_TRY(d.address, OpenOptional(seal, r.address_enc, "address", r.order_id));
  return d;
}

namespace {

Result<std::optional<std::string>> Renew(const PersonalDataSeal& seal,
                                         const std::optional<std::string>& stored,
                                         std::string_view field, const std::string& order_id) {
  if (!stored || stored->empty() || crypto::FieldCipher::KeyIdOf(*stored) == seal.CurrentKeyId()) {
    return stored;
  }
  RECIRC_TRY(std::string plain, seal.Open(*stored, Context(field, order_id)));
  RECIRC_TRY(std::string fresh, seal.Seal(plain, Context(field, order_id)));
  return std::optional<std::string>(std::move(fresh));
}

}  // namespace

Result<int64_t> ReencryptDeliveries(storage::Database& db, const storage::MarketRepository& repo,
                                    const PersonalDataSeal& seal, int64_t batch_size) {
  const std::string prefix = "v1:" + seal.CurrentKeyId() + ":";
  int64_t done = 0;
  for (std::string after;;) {
    RECIRC_TRY(auto rows, storage::ReadValue<std::vector<storage::OrderDeliveryRecord>>(
                              db, [&](storage::Session& s) {
                                return repo.DeliveriesNotUnder(s, prefix, after, batch_size);
                              }));
    if (rows.empty()) break;
    std::vector<std::pair<storage::OrderDeliveryRecord, storage::OrderDeliveryRecord>> swaps;
    for (const auto& old : rows) {
      storage::OrderDeliveryRecord fresh = old;
      RECIRC_TRY(fresh.recipient_enc, Renew(seal, old.recipient_enc, "recipient", old.order_id));
      RECIRC_TRY(fresh.phone_enc, Renew(seal, old.phone_enc, "phone", old.order_id));
      RECIRC_TRY(fresh.address_enc, Renew(seal, old.address_enc, "address", old.order_id));
      swaps.emplace_back(old, std::move(fresh));
    }
    RECIRC_CHECK(db.Write([&](storage::Session& s) -> Status {
      for (const auto& [old, fresh] : swaps) {
        RECIRC_TRY(bool swapped, repo.SwapDeliveryCiphertexts(s, old, fresh));
        if (swapped) ++done;
      }
      return Ok();
    }));
    after = rows.back().order_id;
  }
  return done;
}

Result<int64_t> DeliveriesUnderOldKeys(storage::Database& db, const storage::MarketRepository& repo,
                                       const PersonalDataSeal& seal) {
  const std::string prefix = "v1:" + seal.CurrentKeyId() + ":";
  return storage::ReadValue<int64_t>(
      db, [&](storage::Session& s) { return repo.CountDeliveriesNotUnder(s, prefix); });
}

}  // namespace recirc::market
