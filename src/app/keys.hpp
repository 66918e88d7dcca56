#pragma once
// Key files of a node, in <data_dir>/keys/ (directory 0700, files 0600):
//   log.key   the transparency log's Ed25519 signing key, as a C2SP signed-note private key
//             string; its name is the log's origin ("recirc.example/log").
//   data.key  the keys that encrypt personal data fields: "<key id>:<64 hex digits>" lines, the
//             last one current (crypto::FieldCipher::FromKeyFile);
//   witness.key the Ed25519 key this node cosigns other logs' checkpoints with when it is a
//             witness ([[witness.log]]), in the same string form as log.key; its name is the
//             witness's name ("recirc.example/witness", `recirc keys init --witness-name`);
//   index.key the blind-index key for exact look-ups of personal data (64 hex digits).
// `recirc keys init` creates what is missing and never overwrites (a node creates them itself
// only on an empty database: app/node_keys.hpp); `recirc keys show` prints
// the log's verifier key and the witness's cosignature key, which are public and go to
// witnesses, logs and verifiers.

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/random.hpp"

namespace recirc::app {

struct KeyInitReport {
  std::vector<std::string> created;
  std::vector<std::string> kept;
};

inline constexpr std::string_view kDefaultWitnessName = "recirc.example/witness";

Result<KeyInitReport> InitKeys(const std::filesystem::path& data_dir, const std::string& origin,
                               Random& random,
                               const std::string& witness_name = std::string(kDefaultWitnessName));
// Appends a new key line "k<N+1>:<hex>" to data.key (atomically); returns the new key id.
Result<std::string> RotateDataKey(const std::filesystem::path& data_dir, Random& random);
Result<std::string> LogVerifierKey(const std::filesystem::path& data_dir);
// The witness key's cosignature/v1 verifier key ("name+id+base64(0x04 || key)").
Result<std::string> WitnessVerifierKey(const std::filesystem::path& data_dir);

}  // namespace recirc::app
