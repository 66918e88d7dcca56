#include "domain/history/log_service.hpp"

#include "tlog/merkle.hpp"

namespace recirc::history {
namespace {

// Whether `tile` (with its requested width) exists in the tree of `size` leaves.
bool InTree(const tlog::Tile& tile, uint64_t size) {
  uint64_t count = size;  // hashes at the tile's level
  for (int l = 0; l < tile.level; ++l) count /= tlog::kTileWidth;
  const uint64_t full = count / tlog::kTileWidth;
  if (tile.index < full) return true;
  return tile.index == full && tile.width <= count % tlog::kTileWidth;
}

}  // namespace

Result<storage::TlogCheckpointRecord> LogService::Latest(storage::Session& s) {
  RECIRC_TRY(auto latest, repo_.LatestCheckpoint(s));
  if (!latest) return Error::NotFound("the log has no checkpoint yet");
  if (witnesses_ != nullptr) {
    RECIRC_TRY(auto cosignatures, witnesses_->Cosignatures(s, latest->size));
    for (const auto& c : cosignatures) latest->note += c.line;
  }
  return std::move(*latest);
}

Result<std::string> LogService::Checkpoint() {
  return storage::ReadValue<std::string>(db_, [&](storage::Session& s) -> Result<std::string> {
    RECIRC_TRY(auto latest, Latest(s));
    return latest.note;
  });
}

Result<TileBytes> LogService::Tile(std::string_view path) {
  auto tile = tlog::ParseTilePath(path);
  if (!tile) return Error::NotFound("no such tile: " + tile.error().message);
  return storage::ReadValue<TileBytes>(db_, [&](storage::Session& s) -> Result<TileBytes> {
    RECIRC_TRY(auto latest, Latest(s));
    const auto size = static_cast<uint64_t>(latest.size);
    if (!InTree(*tile, size)) return Error::NotFound("tile beyond the tree");
    TileBytes out{{}, tile->IsFull()};
    if (tile->kind == tlog::TileKind::kEntries) {
      const auto from = static_cast<int64_t>(tile->index * tlog::kTileWidth);
      RECIRC_TRY(auto entries, repo_.Entries(s, from, from + tile->width));
      if (entries.size() != tile->width) return Error::Internal("tlog: entries missing");
      std::vector<uint8_t> bundle;
      for (const auto& e : entries)
        RECIRC_CHECK(tlog::AppendToEntryBundle(bundle, tlog::AsBytes(e.data)));
      out.data.assign(bundle.begin(), bundle.end());
      return out;
    }
    RECIRC_TRY(auto data, repo_.Tile(s, tile->level, static_cast<int64_t>(tile->index)));
    const size_t want = size_t{tile->width} * tlog::kHashSize;
    if (!data || data->size() < want) return Error::Internal("tlog: tile missing or short");
    out.data = data->substr(0, want);
    return out;
  });
}

Result<std::vector<tlog::Hash>> LogService::Proof(storage::Session& s, tlog::Sha256& sha,
                                                  uint64_t index, uint64_t size) {
  auto read_tile = [&](const tlog::Tile& t) -> Result<std::vector<uint8_t>> {
    RECIRC_TRY(auto stored, repo_.Tile(s, t.level, static_cast<int64_t>(t.index)));
    if (!stored) return Error::NotFound("tile " + tlog::TilePath(t));
    return std::vector<uint8_t>(stored->begin(), stored->end());
  };
  return tlog::InclusionProof(sha, index, size, tlog::TileSubtreeReader(sha, size, read_tile));
}

Result<Passport> LogService::ItemPassport(const ItemId& item) {
  const std::string item_id = item.ToString();
  return storage::ReadValue<Passport>(db_, [&](storage::Session& s) -> Result<Passport> {
    RECIRC_TRY(auto latest, Latest(s));
    const auto size = static_cast<uint64_t>(latest.size);
    RECIRC_TRY(auto entries, repo_.EntriesOfItem(s, item_id));
    Passport p{item_id, size, latest.note, {}};
    tlog::Sha256 sha;
    for (auto& e : entries) {
      const auto index = static_cast<uint64_t>(e.index);
      if (index >= size) break;
      RECIRC_TRY(auto proof, Proof(s, sha, index, size));
      p.events.push_back({index, std::move(e.data), std::move(proof)});
    }
    if (p.events.empty()) return Error::NotFound("item " + item_id + " has no public history");
    return p;
  });
}

Result<std::string> LogService::ProofFile(const ItemId& item, uint64_t index) {
  const std::string item_id = item.ToString();
  return storage::ReadValue<std::string>(db_, [&](storage::Session& s) -> Result<std::string> {
    RECIRC_TRY(auto latest, Latest(s));
    const auto size = static_cast<uint64_t>(latest.size);
    RECIRC_TRY(auto entry, repo_.Entry(s, static_cast<int64_t>(index)));
    if (!entry || entry->item_id != item_id || index >= size) {
      return Error::NotFound("item " + item_id + " has no leaf " + std::to_string(index));
    }
    tlog::Sha256 sha;
    RECIRC_TRY(auto proof, Proof(s, sha, index, size));
    return FormatProofFile(index, proof, latest.note);
  });
}

}  // namespace recirc::history
