#include "domain/history/sequencer.hpp"

#include <map>

#include "domain/history/leaf.hpp"
#include "tlog/checkpoint.hpp"
#include "tlog/tiles.hpp"

namespace recirc::history {
namespace {

std::string ToString(std::span<const uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// The hashes of one tile level from the start of the old partial tile onwards.
struct LevelHashes {
  uint64_t base = 0;  // index (within the level) of hashes[0]
  std::vector<tlog::Hash> hashes;
};

}  // namespace

Status Sequencer::Publish(storage::Session& s, uint64_t size, const tlog::Hash& root) {
  RECIRC_TRY(std::string body, tlog::FormatCheckpoint({signer_.name(), size, root, {}}));
  RECIRC_TRY(std::string note, tlog::Sign(body, std::span(&signer_, 1)));
  return repo_.InsertCheckpoint(
      s, {static_cast<int64_t>(size), ToString(root), note, ToUnixMillis(clock_.Now())});
}

Status Sequencer::PublishInitial(storage::Session& s) {
  RECIRC_TRY(auto latest, repo_.LatestCheckpoint(s));
  if (latest) return Ok();
  RECIRC_TRY(int64_t size, repo_.Size(s));
  if (size != 0) return Error::Internal("the log has entries but no checkpoint");
  return Publish(s, 0, tlog::EmptyRoot());
}

Status Sequencer::Reset(storage::Session& s) {
  RECIRC_TRY(auto latest, repo_.LatestCheckpoint(s));
  if (latest && latest->size > 0) {
    return Error::FailedPrecondition(
        "the transparency log has published a checkpoint of size " + std::to_string(latest->size) +
        "; it can only grow (a rebuilt tree would be a fork to every verifier)");
  }
  return repo_.ClearTree(s);
}

Status Sequencer::Apply(storage::Session& s, std::span<const storage::EventRecord> events) {
  std::vector<const storage::EventRecord*> items;
  std::vector<std::string> item_ids;
  for (const auto& e : events) {
    if (!IsPublicEvent(e)) continue;
    items.push_back(&e);
    item_ids.push_back(e.aggregate_id);
  }
  if (items.empty()) return Ok();
  tlog::Sha256 sha;  // per batch: Apply may run on several threads (one runner each)

  RECIRC_TRY(int64_t old_size_signed, repo_.Size(s));
  const auto old_size = static_cast<uint64_t>(old_size_signed);
  RECIRC_TRY(auto heads, repo_.LastLeafOf(s, item_ids));
  std::vector<storage::TlogEntryRecord> entries;
  entries.reserve(items.size());
  LevelHashes level0;
  level0.base = old_size / tlog::kTileWidth * tlog::kTileWidth;
  // Level by level, from the old partial tile (read back) plus what this batch adds.
  auto load_partial = [&](uint8_t level, uint64_t count, LevelHashes& out) -> Status {
    out.base = count / tlog::kTileWidth * tlog::kTileWidth;
    const auto width = static_cast<uint16_t>(count % tlog::kTileWidth);
    if (width == 0) return Ok();
    RECIRC_TRY(auto data, repo_.Tile(s, level, static_cast<int64_t>(count / tlog::kTileWidth)));
    if (!data || data->size() < size_t{width} * tlog::kHashSize) {
      return Error::Internal("tlog: tile " + std::to_string(level) + "/" +
                             std::to_string(count / tlog::kTileWidth) + " is missing or short");
    }
    RECIRC_TRY(out.hashes, tlog::DecodeHashTile(
                               tlog::AsBytes(data->substr(0, width * tlog::kHashSize)), width));
    return Ok();
  };
  RECIRC_CHECK(load_partial(0, old_size, level0));
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& e = *items[i];
    const int64_t index = old_size_signed + static_cast<int64_t>(i);
    std::optional<int64_t> prev;
    if (auto it = heads.find(e.aggregate_id); it != heads.end()) prev = it->second;
    RECIRC_TRY(std::string leaf, MakeLeaf(e, prev));
    heads[e.aggregate_id] = index;
    level0.hashes.push_back(sha.LeafHash(tlog::AsBytes(leaf)));
    entries.push_back({index, e.aggregate_id, e.seq, std::move(leaf)});
  }
  RECIRC_CHECK(repo_.InsertEntries(s, entries));
  const uint64_t new_size = old_size + items.size();

  std::vector<LevelHashes> levels{std::move(level0)};
  for (uint8_t level = 0;; ++level) {
    const LevelHashes& below = levels[level];
    uint64_t old_count = old_size;
    for (int l = 0; l <= level; ++l) old_count /= tlog::kTileWidth;
    uint64_t new_count = new_size;
    for (int l = 0; l <= level; ++l) new_count /= tlog::kTileWidth;
    if (new_count == 0) break;
    LevelHashes above;
    RECIRC_CHECK(load_partial(static_cast<uint8_t>(level + 1), old_count, above));
    // Hashes old_count .. new_count-1 of the level above: roots of full tiles below.
    for (uint64_t j = old_count; j < new_count; ++j) {
      const size_t start = j * tlog::kTileWidth - below.base;
      above.hashes.push_back(
          tlog::RootFromLeafHashes(sha, std::span(below.hashes).subspan(start, tlog::kTileWidth)));
    }
    levels.push_back(std::move(above));
  }

  std::map<std::pair<uint8_t, uint64_t>, std::string> written;
  for (const tlog::Tile& tile : tlog::NewTiles(old_size, new_size)) {
    const LevelHashes& lh = levels.at(tile.level);
    const size_t start = tile.index * tlog::kTileWidth - lh.base;
    const auto bytes = tlog::EncodeHashTile(std::span(lh.hashes).subspan(start, tile.width));
    std::string data = ToString(bytes);
    RECIRC_CHECK(repo_.PutTile(s, tile.level, static_cast<int64_t>(tile.index), tile.width, data));
    written[{tile.level, tile.index}] = std::move(data);
  }

  auto read_tile = [&](const tlog::Tile& t) -> Result<std::vector<uint8_t>> {
    std::string data;
    if (auto it = written.find({t.level, t.index}); it != written.end()) {
      data = it->second;
    } else {
      RECIRC_TRY(auto stored, repo_.Tile(s, t.level, static_cast<int64_t>(t.index)));
      if (!stored) return Error::NotFound("tile " + tlog::TilePath(t));
      data = std::move(*stored);
    }
    return std::vector<uint8_t>(data.begin(), data.end());
  };
  RECIRC_TRY(tlog::Hash root,
             tlog::TreeRoot(sha, new_size, tlog::TileSubtreeReader(sha, new_size, read_tile)));
  return Publish(s, new_size, root);
}

}  // namespace recirc::history
