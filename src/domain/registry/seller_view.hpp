#pragma once
// SellerView: who sold an item, as each role may see it.
// - The shop that registered it sees masked values (张*丰, 110105********002X, 138****8000).
// - Police of the outlet's jurisdiction may see the full values, only with a stated reason, and
//   each full view is written to the append-only access audit (who, when, why) in the same
//   transaction as the read, so there is no full view without its audit record.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/principal.hpp"
#include "storage/registry/registry_repository.hpp"

namespace recirc::registry {

struct SellerDetails {
  std::string kind;
  std::string name;
  std::optional<std::string> id_type;
  std::optional<std::string> id_number;
  std::optional<std::string> credit_code;
  std::optional<std::string> phone;
  std::optional<std::string> address;
  std::string origin_statement;
  bool masked = true;
  // An agent acting for the seller, when there is one.
  std::optional<std::string> agent_name;
  std::optional<std::string> agent_id_type;
  std::optional<std::string> agent_id_number;
  std::optional<std::string> agent_phone;
  std::optional<std::string> agent_authority;
};

// Masks for display: names keep the first and last character, ID numbers the first 6 and last
// 4, phones the first 3 and last 4, addresses the first 6 characters. Counts code points.
std::string MaskName(std::string_view name);
std::string MaskIdNumber(std::string_view id);
std::string MaskPhone(std::string_view phone);
std::string MaskAddress(std::string_view address);

class SellerViewService {
 public:
  SellerViewService(storage::Database& db, const storage::RegistryRepository& repo,
                    const crypto::FieldCipher& cipher, const Clock& clock, Random& random)
      : db_(db), repo_(repo), cipher_(cipher), clock_(clock), random_(random) {}

  // The registering organisation's masked view.
  Result<SellerDetails> Masked(const identity::Principal& actor, const AcquisitionId& acquisition);
  // The police's full view; `reason` (at least 10 characters) goes into the access audit.
  Result<SellerDetails> Full(const identity::Principal& actor, const AcquisitionId& acquisition,
                             const std::string& reason);
  // The full values for sealing to the city's key at once (federation_port.hpp), inside the
  // caller's read; nobody views them here, so nothing is audited. Errors as Full's.
  Result<SellerDetails> ForTransfer(storage::Session& s,
                                    const storage::AcquisitionRecord& acquisition) const;

 private:
  Result<SellerDetails> Decrypt(storage::Session& s, const storage::PartyRecord& p,
                                const storage::AcquisitionRecord& a) const;

  storage::Database& db_;
  const storage::RegistryRepository& repo_;
  const crypto::FieldCipher& cipher_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace recirc::registry
