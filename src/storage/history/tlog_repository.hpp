#pragma once
// SQL for the item-history transparency log: entries (leaves), hash tiles and checkpoints.
// Only the tlog sequencer writes here; the log routes read. Bytes in, bytes out: the Merkle
// logic lives in src/tlog and src/domain/history.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct TlogEntryRecord {
  int64_t index = 0;  // leaf index
  std::string item_id;
  int64_t journal_seq = 0;
  std::string data;  // the leaf bytes (canonical JSON)
};

struct TlogCheckpointRecord {
  int64_t size = 0;
  std::string root;  // 32 bytes
  std::string note;  // the signed checkpoint
  int64_t created_at = 0;
};

class TlogRepository {
 public:
  // Number of entries (the next leaf index).
  Result<int64_t> Size(Session& s) const;
  // The last leaf index of each of the given items that has one.
  Result<std::map<std::string, int64_t>> LastLeafOf(Session& s,
                                                    std::span<const std::string> item_ids) const;
  Status InsertEntries(Session& s, std::span<const TlogEntryRecord> entries) const;
  // Entries with from <= index < to, in order.
  Result<std::vector<TlogEntryRecord>> Entries(Session& s, int64_t from, int64_t to) const;
  Result<std::vector<TlogEntryRecord>> EntriesOfItem(Session& s, const std::string& item_id) const;
  Result<std::optional<TlogEntryRecord>> Entry(Session& s, int64_t index) const;

  // The stored bytes of hash tile (level, index) at its latest width.
  Result<std::optional<std::string>> Tile(Session& s, int level, int64_t index) const;
  Status PutTile(Session& s, int level, int64_t index, int width, const std::string& data) const;

  Status InsertCheckpoint(Session& s, const TlogCheckpointRecord& c) const;
  Result<std::optional<TlogCheckpointRecord>> LatestCheckpoint(Session& s) const;
  Result<std::optional<TlogCheckpointRecord>> CheckpointOfSize(Session& s, int64_t size) const;
  // Every checkpoint, oldest first (tests and audits).
  Result<std::vector<TlogCheckpointRecord>> Checkpoints(Session& s) const;

  // Removes entries and tiles (never checkpoints: the sequencer refuses a reset once one exists).
  Status ClearTree(Session& s) const;
};

}  // namespace recirc::storage
