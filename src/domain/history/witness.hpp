#pragma once
// The witness role of a node (C2SP tlog-witness v1.0.0): for each configured log (origin and
// verifier key) it remembers the latest checkpoint it cosigned, and cosigns a new one only if
// the log's signature verifies and a consistency proof shows the old tree is a prefix of the
// new one. So no log can show two different histories to two parties who both check this
// witness's cosignature.
//
// add-checkpoint request body: "old <size>\n", up to 63 base64 consistency-proof hashes (one per
// line), an empty line, then the signed checkpoint. Outcomes (the route maps them to the
// spec's statuses): cosigned (200, the cosignature line); kConflict with the size the witness
// knows (409, text/x.tlog.size); NotFound for an unknown origin (404); Unauthenticated when the
// log's signature is missing or bad (403); FailedPrecondition for a proof that does not verify
// (422); InvalidArgument for a malformed request (400).

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"
#include "storage/history/witness_repository.hpp"
#include "tlog/cosignature.hpp"
#include "tlog/hash.hpp"
#include "tlog/note.hpp"

namespace recirc::history {

struct WitnessedLog {
  std::string origin;
  tlog::Verifier key;
};

struct AddCheckpointRequest {
  uint64_t old_size = 0;
  std::vector<tlog::Hash> proof;
  std::string checkpoint;  // signed note
};
// InvalidArgument("body") naming the line at fault.
Result<AddCheckpointRequest> ParseAddCheckpoint(std::string_view body);
std::string FormatAddCheckpoint(const AddCheckpointRequest& request);

struct AddCheckpointAnswer {
  bool conflict = false;  // the old size is not the witness's: known_size says what it is
  uint64_t known_size = 0;
  std::string cosignature;  // "— <witness> <base64>\n" when cosigned
};

class WitnessService {
 public:
  WitnessService(storage::Database& db, const storage::WitnessRepository& repo,
                 tlog::CosignatureSigner signer, std::vector<WitnessedLog> logs, const Clock& clock)
      : db_(db), repo_(repo), signer_(std::move(signer)), logs_(std::move(logs)), clock_(clock) {}

  const std::string& name() const { return signer_.name(); }
  std::string VerifierKey() const { return signer_.VerifierKey(); }
  bool HasLogs() const { return !logs_.empty(); }

  Result<AddCheckpointAnswer> AddCheckpoint(std::string_view body);

 private:
  storage::Database& db_;
  const storage::WitnessRepository& repo_;
  tlog::CosignatureSigner signer_;
  std::vector<WitnessedLog> logs_;
  const Clock& clock_;
};

}  // namespace recirc::history
