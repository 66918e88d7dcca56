#pragma once
// SQL for the upkeep of personal data: re-encryption under a new data key (key rotation) and
// erasure after the retention period. Updates are compare-and-swap on the old ciphertext, so a
// concurrent writer is never overwritten: a row that changed meanwhile is simply skipped and
// picked up again by the next pass.

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::storage {

// The encrypted fields of one registration and its parties.
struct SealedAcquisition {
  std::string id;
  std::string seller_id;
  std::optional<std::string> agent_id;
  std::string origin_statement_enc;
  std::optional<std::string> agent_authority_enc;
};

struct ExpiredAcquisition {
  std::string id;
  std::string seller_id;
  std::optional<std::string> agent_id;
};

class PersonalDataRepository {
 public:
  // Parties after `after_id` (id order) with a field not made under `key_prefix` ("v1:<id>:").
  Result<std::vector<PartyRecord>> PartiesNotUnder(Session& s, const std::string& key_prefix,
                                                   const std::string& after_id,
                                                   int64_t limit) const;
  Result<std::vector<SealedAcquisition>> AcquisitionsNotUnder(Session& s,
                                                              const std::string& key_prefix,
                                                              const std::string& after_id,
                                                              int64_t limit) const;
  // Replaces the ciphertexts if they are still `old`'s; false if the row changed meanwhile.
  Result<bool> SwapPartyCiphertexts(Session& s, const PartyRecord& old,
                                    const PartyRecord& fresh) const;
  Result<bool> SwapAcquisitionCiphertexts(Session& s, const SealedAcquisition& old,
                                          const SealedAcquisition& fresh) const;
  // How many values are not yet under the key (0: the old keys are no longer needed).
  Result<int64_t> CountNotUnder(Session& s, const std::string& key_prefix) const;

  Result<std::vector<ExpiredAcquisition>> ExpiredAcquisitions(Session& s, int64_t before,
                                                              int64_t limit) const;
  // Erases the parties' personal fields and the statement; the registration, its item and its
  // facts (region, category, time, price) stay for the statistics.
  Status Erase(Session& s, const ExpiredAcquisition& a, int64_t at) const;
};

}  // namespace recirc::storage
