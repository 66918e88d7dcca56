#pragma once
// SQL for witnesses (migration 0012): the cosignatures our log received (tlog_cosignatures) and,
// when this node witnesses other logs, the latest checkpoint it cosigned per origin
// (witness_checkpoints).

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct CosignatureRecord {
  int64_t size = 0;
  std::string witness;  // the witness key's name
  std::string line;     // "— <name> <base64>\n"
  int64_t created_at = 0;
};

struct WitnessedCheckpoint {
  std::string origin;
  int64_t size = 0;
  std::string root;  // base64
  std::string note;  // the signed checkpoint as received
  int64_t updated_at = 0;
};

class WitnessRepository {
 public:
  // Our log: the cosignatures of the checkpoint of `size`, by witness name.
  Result<std::vector<CosignatureRecord>> Cosignatures(Session& s, int64_t size) const;
  // Stores (or replaces) a witness's cosignature of the checkpoint of `size`.
  Status PutCosignature(Session& s, const CosignatureRecord& c) const;

  // As a witness: the latest checkpoint cosigned for `origin`.
  Result<std::optional<WitnessedCheckpoint>> Latest(Session& s, const std::string& origin) const;
  // Replaces the stored checkpoint of c.origin only if its size is still `old_size` (or, for
  // old_size 0, if there is none or it has size 0). False if another request got there first.
  Result<bool> Advance(Session& s, int64_t old_size, const WitnessedCheckpoint& c) const;
};

}  // namespace recirc::storage
