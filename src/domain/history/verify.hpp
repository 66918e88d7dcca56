#pragma once
// Offline checks of what the log hands out, needing only the log's verifier key: a tlog-proof
// file with its entry, a passport (an item's leaves with inclusion proofs and the checkpoint),
// and a full audit of a log from its checkpoint, hash tiles and entry bundles. Every failure is
// InvalidArgument or Unauthenticated with a message that says where (which event, leaf index,
// tile or line).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tlog/checkpoint.hpp"
#include "tlog/note.hpp"

namespace recirc::history {

struct VerifiedLeaf {
  uint64_t index = 0;
  std::string entry;
};

struct VerifyReport {
  tlog::Checkpoint checkpoint;
  std::string item_id;  // passports only
  std::vector<VerifiedLeaf> leaves;
};

// A tlog-proof@v1 file and the leaf it proves.
Result<VerifyReport> VerifyProofFile(std::string_view proof_file, std::string_view entry,
                                     const tlog::Verifier& log_key);
// A passport document (GET /api/v1/items/{id}/passport): every event's inclusion proof, that
// every leaf names the item, and that the leaves chain ("prev") without a hidden event.
Result<VerifyReport> VerifyPassport(std::string_view passport_json, const tlog::Verifier& log_key);

// Reads a path below the log's prefix ("checkpoint", "tile/0/000.p/5"); NotFound for a 404.
using FetchFn = std::function<Result<std::string>(const std::string& path)>;

struct AuditReport {
  tlog::Checkpoint checkpoint;
  std::string checkpoint_note;
  uint64_t tiles_checked = 0;
};

// Fetches the checkpoint and every hash tile and entry bundle of its tree, recomputes every
// hash from the entries, and checks the tiles, the root and the signature; then, if a
// previously seen checkpoint is given (a signed note), that the log still contains that tree.
Result<AuditReport> AuditLog(const FetchFn& fetch, const tlog::Verifier& log_key,
                             const std::optional<std::string>& previous_checkpoint);

}  // namespace recirc::history
