#pragma once
// PersonalDataService: the upkeep of sellers' personal data.
//
// Re-encryption (key rotation): after `recirc keys rotate` has appended a new current key to
// data.key, every encrypted field not yet made under it is decrypted with its old key and
// encrypted again, in batches of their own transactions. It is resumable (a run starts over from
// whatever is still under an old key) and safe with concurrent writers (each row is swapped only
// if its ciphertext is still the one read). The old keys must stay in data.key until Remaining()
// is 0 on every node.
//
// Retention: personal data of registrations older than the retention period (at least 2 years,
// DOMAIN.md) is erased; the registrations themselves stay, so counts by region, category and
// month do not change.

#include "core/clock.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/registry/personal_data_repository.hpp"

namespace recirc::registry {

inline constexpr int64_t kMinRetentionYears = 2;

struct ReencryptReport {
  int64_t parties = 0;       // rows re-encrypted
  int64_t acquisitions = 0;  // rows re-encrypted
  int64_t skipped = 0;       // changed by someone else meanwhile: picked up by the next run
};

// The instant `years` calendar years before `now` (29 February falls back to 28 February).
int64_t YearsBefore(int64_t now_ms, int64_t years);

class PersonalDataService {
 public:
  PersonalDataService(storage::Database& db, const crypto::FieldCipher& cipher, const Clock& clock,
                      Random& random)
      : db_(db), cipher_(cipher), clock_(clock), random_(random) {}

  Result<ReencryptReport> Reencrypt(int64_t batch_size = 500);
  // Values not yet under the current key.
  Result<int64_t> Remaining();
  // Erases the personal data of registrations older than `retention_years`; returns how many.
  Result<int64_t> EraseExpired(int64_t retention_years, int64_t batch_size = 500);

 private:
  Result<std::optional<std::string>> Renew(const std::optional<std::string>& stored,
                                           const std::string& context) const;

  storage::Database& db_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
  Random& random_;
  storage::PersonalDataRepository repo_;
};

}  // namespace recirc::registry
