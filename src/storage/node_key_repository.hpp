#pragma once
// SQL for the keys a database was made with (node_keys, docs/security.md "Keys belong to the
// database"), and the questions asked of a database that has no such record yet (made before
// the record existed): does it hold anything a key made?

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

// kind: "log" (key_id: the key's name; fingerprint: its verifier key), "data" (key_id: "k1"...)
// or "index" (key_id: "index"); for the secret keys the fingerprint is a keyed hash, never the key.
struct NodeKeyRecord {
  std::string kind;
  std::string key_id;
  std::string fingerprint;
  int64_t created_at = 0;
};

// A stored party's encrypted name and phone with the phone's blind index (to try keys on).
struct SealedParty {
  std::string id;
  std::string name_enc;
  std::optional<std::string> phone_enc;
  std::optional<std::string> phone_index;
};

class NodeKeyRepository {
 public:
  // Every recorded key, by kind then key id.
  Result<std::vector<NodeKeyRecord>> All(Session& s) const;
  Status Insert(Session& s, const NodeKeyRecord& r) const;
  Status Delete(Session& s, const std::string& kind, const std::string& key_id) const;

  // True if the database holds a signed checkpoint or an encrypted field.
  Result<bool> HoldsKeyedData(Session& s) const;
  // True if a stored value was encrypted under data key `key_id` (parties, registrations and
  // inspection bodies' keys).
  Result<bool> UsesDataKey(Session& s, const std::string& key_id) const;
  // A stored party, one with a phone if there is one.
  Result<std::optional<SealedParty>> AnySealedParty(Session& s) const;
};

}  // namespace recirc::storage
