#pragma once
// LogService: everything the public reads of the item-history log need — the latest signed
// checkpoint, hash tiles and entry bundles exactly as C2SP tlog-tiles serves them, the log's
// verifier key, an item's passport (its leaves with inclusion proofs against the latest
// checkpoint) and a C2SP tlog-proof@v1 file per leaf. Public by design: no personal data is in
// the log (leaf.hpp). Thread-safe (each call uses its own hashing context).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "domain/history/proof_file.hpp"
#include "storage/database.hpp"
#include "storage/history/tlog_repository.hpp"
#include "storage/history/witness_repository.hpp"
#include "tlog/hash.hpp"
#include "tlog/tiles.hpp"

namespace recirc::history {

struct TileBytes {
  std::string data;
  bool full = false;  // a full tile never changes
};

struct PassportEvent {
  uint64_t index = 0;
  std::string leaf;  // the entry bytes (canonical JSON)
  std::vector<tlog::Hash> proof;
};

struct Passport {
  std::string item_id;
  uint64_t tree_size = 0;
  std::string checkpoint;  // signed note
  std::vector<PassportEvent> events;
};

class LogService {
 public:
  LogService(storage::Database& db, const storage::TlogRepository& repo, std::string vkey,
             const storage::WitnessRepository* witnesses = nullptr)
      : db_(db), repo_(repo), vkey_(std::move(vkey)), witnesses_(witnesses) {}

  const std::string& VerifierKey() const { return vkey_; }
  // The latest signed checkpoint with the witnesses' cosignatures received so far (signature
  // lines after the log's); NotFound before the first.
  Result<std::string> Checkpoint();
  // `path` is "tile/…" as in tlog-tiles; NotFound for a malformed path or a tile beyond the tree.
  Result<TileBytes> Tile(std::string_view path);
  // NotFound if the item has no leaf in the latest checkpoint.
  Result<Passport> ItemPassport(const ItemId& item);
  // The tlog-proof@v1 file for leaf `index` of `item_id`; NotFound unless that leaf is the item's.
  Result<std::string> ProofFile(const ItemId& item, uint64_t index);

 private:
  // The latest checkpoint, its note with the stored cosignatures appended.
  Result<storage::TlogCheckpointRecord> Latest(storage::Session& s);
  Result<std::vector<tlog::Hash>> Proof(storage::Session& s, tlog::Sha256& sha, uint64_t index,
                                        uint64_t size);

  storage::Database& db_;
  const storage::TlogRepository& repo_;
  std::string vkey_;
  const storage::WitnessRepository* witnesses_;
};

}  // namespace recirc::history
