#pragma once
// The keys a node runs with, read from <data_dir>/keys (app/keys.hpp) and held to the keys its
// database was made with (docs/security.md "Keys belong to the database").
//
// The database records its keys (node_keys): the log key's verifier key, and a fingerprint of
// each data key (by key id) and of the index key. On start:
//   - an empty database (no record, no checkpoint, no encrypted field): missing key files are
//     created (as `recirc keys init` does) and the keys are recorded;
//   - a database with a record: the key files must hold the recorded keys. A data key that is
//     not recorded yet (`recirc keys rotate`) is recorded; a recorded one absent from data.key
//     is forgotten only if no stored value is still encrypted under it;
//   - a database with data but no record (made before the record existed): the key files must
//     exist, the log key must have signed the latest checkpoint and the data and index keys must
//     open a stored party; then they are recorded.
// Otherwise FailedPrecondition naming each missing or different key (log key, field cipher key,
// index key) and the folder looked in; nothing is written, to the database or the folder.

#include <filesystem>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"
#include "tlog/note.hpp"

namespace recirc::app {

struct NodeKeys {
  crypto::FieldCipher cipher;
  crypto::BlindIndex index;
  tlog::Signer log;
  tlog::Signer witness;
};

// `origin` names a log key created for an empty database. Call after migrating.
Result<NodeKeys> LoadNodeKeys(storage::Database& db, const std::filesystem::path& data_dir,
                              const std::string& origin, const Clock& clock, Random& random);

}  // namespace recirc::app
