#include "tlog/tiles.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <memory>
#include <utility>

namespace recirc::tlog {
namespace {

constexpr std::string_view kTilePrefix = "tile/";
constexpr std::string_view kEntriesSegment = "entries";
constexpr std::string_view kPartialSuffix = ".p";

// Hashes at tree level 8*level in a tree of `size` leaves (0 once the shift passes 64 bits).
uint64_t HashesAtTileLevel(uint64_t size, int level) {
  int shift = level * kTileHeight;
  return shift >= 64 ? 0 : size >> shift;
}

uint16_t WidthOf(uint64_t tile_index, uint64_t hashes) {
  uint64_t start = tile_index * kTileWidth;
  return static_cast<uint16_t>(std::min<uint64_t>(kTileWidth, hashes - start));
}

Error BadPath(std::string_view path, const std::string& why) {
  return Error::InvalidArgument("path", "bad tile path \"" + std::string(path) + "\": " + why);
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A decimal number with no sign, no leading zero and at most `max`.
bool ParseCanonical(std::string_view s, uint64_t max, uint64_t& out) {
  if (!AllDigits(s) || (s.size() > 1 && s[0] == '0')) {
    return false;
  }
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && out <= max;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (true) {
    std::size_t next = s.find(sep, pos);
    parts.push_back(s.substr(pos, next == std::string_view::npos ? next : next - pos));
    if (next == std::string_view::npos) {
      return parts;
    }
    pos = next + 1;
  }
}

}  // namespace

bool Tile::IsValid() const {
  return level <= kMaxTileLevel && width >= 1 && width <= kTileWidth &&
         (kind == TileKind::kHashes || level == 0);
}

std::string TilePath(const Tile& tile) {
  std::string path(kTilePrefix);
  path +=
      tile.kind == TileKind::kEntries ? std::string(kEntriesSegment) : std::to_string(tile.level);
  std::vector<unsigned> groups;
  uint64_t n = tile.index;
  do {
    groups.push_back(static_cast<unsigned>(n % 1000));
    n /= 1000;
  } while (n > 0);
  for (std::size_t i = groups.size(); i-- > 0;) {
    char group[5];
    std::snprintf(group, sizeof group, "%03u", groups[i]);
    path += i > 0 ? "/x" : "/";
    path += group;
  }
  if (!tile.IsFull()) {
    path += std::string(kPartialSuffix) + "/" + std::to_string(tile.width);
  }
  return path;
}

Result<Tile> ParseTilePath(std::string_view path) {
  if (!path.starts_with(kTilePrefix)) {
    return BadPath(path, "does not start with tile/");
  }
  std::vector<std::string_view> parts = Split(path.substr(kTilePrefix.size()), '/');
  if (parts.size() < 2) {
    return BadPath(path, "no tile index");
  }
  Tile tile;
  if (parts[0] == kEntriesSegment) {
    tile.kind = TileKind::kEntries;
  } else {
    uint64_t level = 0;
    if (!ParseCanonical(parts[0], kMaxTileLevel, level)) {
      return BadPath(path, "level must be 0-63 without leading zeros");
    }
    tile.level = static_cast<uint8_t>(level);
  }
  std::span<std::string_view> groups(parts.begin() + 1, parts.end());
  if (groups.size() >= 2 && groups[groups.size() - 2].ends_with(kPartialSuffix)) {
    uint64_t width = 0;
    if (!ParseCanonical(groups.back(), kTileWidth - 1, width) || width == 0) {
      return BadPath(path, "partial width must be 1-255 without leading zeros");
    }
    tile.width = static_cast<uint16_t>(width);
    groups = groups.first(groups.size() - 1);
    groups.back().remove_suffix(kPartialSuffix.size());
  }
  uint64_t index = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::string_view group = groups[i];
    bool last = i + 1 == groups.size();
    if (!last) {
      if (!group.starts_with('x')) {
        return BadPath(path, "index groups but the last need an x");
      }
      group.remove_prefix(1);
    }
    if (group.size() != 3 || !AllDigits(group)) {
      return BadPath(path, "index groups must be exactly 3 digits");
    }
    if (i == 0 && !last && group == "000") {
      return BadPath(path, "index has a leading zero group");
    }
    unsigned value =
        static_cast<unsigned>((group[0] - '0') * 100 + (group[1] - '0') * 10 + (group[2] - '0'));
    if (index > (UINT64_MAX - value) / 1000) {
      return BadPath(path, "index above 2^64-1");
    }
    index = index * 1000 + value;
  }
  tile.index = index;
  return tile;
}

std::vector<LevelTiles> TreeTiles(uint64_t size) {
  std::vector<LevelTiles> levels;
  for (int level = 0;; ++level) {
    uint64_t hashes = HashesAtTileLevel(size, level);
    if (hashes == 0) {
      break;
    }
    levels.push_back({static_cast<uint8_t>(level), hashes / kTileWidth,
                      static_cast<uint16_t>(hashes % kTileWidth)});
  }
  return levels;
}

std::vector<Tile> NewTiles(uint64_t old_size, uint64_t new_size) {
  std::vector<Tile> tiles;
  for (int level = 0;; ++level) {
    uint64_t old_hashes = HashesAtTileLevel(old_size, level);
    uint64_t new_hashes = HashesAtTileLevel(new_size, level);
    if (new_hashes <= old_hashes) {
      break;  // higher levels change even less
    }
    for (uint64_t n = old_hashes / kTileWidth; n <= (new_hashes - 1) / kTileWidth; ++n) {
      tiles.push_back({TileKind::kHashes, static_cast<uint8_t>(level), n, WidthOf(n, new_hashes)});
    }
  }
  std::sort(tiles.begin(), tiles.end());
  return tiles;
}

Result<TileSpan> LocateSubtree(const SubtreeId& id, uint64_t size) {
  int tile_level = id.level / kTileHeight;
  int rest = id.level % kTileHeight;
  // (index + 1) * 2^level <= size, written so that it cannot overflow.
  if (id.level >= 64 || id.index >= (size >> id.level)) {
    return Error::InvalidArgument("subtree", "subtree is not complete within the tree size");
  }
  uint64_t first = id.index << rest;  // position of its first hash at tree level 8*tile_level
  uint64_t tile_index = first / kTileWidth;
  TileSpan span;
  span.tile = {TileKind::kHashes, static_cast<uint8_t>(tile_level), tile_index,
               WidthOf(tile_index, HashesAtTileLevel(size, tile_level))};
  span.offset = static_cast<uint16_t>(first % kTileWidth);
  span.count = static_cast<uint16_t>(1u << rest);
  return span;
}

std::vector<Tile> TilesForSubtrees(std::span<const SubtreeId> ids, uint64_t size) {
  std::vector<Tile> tiles;
  for (const SubtreeId& id : ids) {
    auto span = LocateSubtree(id, size);
    if (span) {
      tiles.push_back(span->tile);
    }
  }
  std::sort(tiles.begin(), tiles.end());
  tiles.erase(std::unique(tiles.begin(), tiles.end()), tiles.end());
  return tiles;
}

std::vector<uint8_t> EncodeHashTile(std::span<const Hash> hashes) {
  std::vector<uint8_t> data;
  data.reserve(hashes.size() * kHashSize);
  for (const Hash& hash : hashes) {
    data.insert(data.end(), hash.begin(), hash.end());
  }
  return data;
}

Result<std::vector<Hash>> DecodeHashTile(std::span<const uint8_t> data, uint16_t width) {
  if (data.size() != std::size_t{width} * kHashSize) {
    return Error::InvalidArgument("tile", "a tile of width " + std::to_string(width) + " has " +
                                              std::to_string(width * kHashSize) + " bytes, got " +
                                              std::to_string(data.size()));
  }
  std::vector<Hash> hashes(width);
  for (std::size_t i = 0; i < width; ++i) {
    std::copy_n(data.data() + i * kHashSize, kHashSize, hashes[i].begin());
  }
  return hashes;
}

SubtreeHashFn TileSubtreeReader(Sha256& sha, uint64_t size, ReadTileFn read_tile) {
  // std::function must be copyable, so the cache lives behind a shared_ptr.
  auto cache = std::make_shared<std::map<std::pair<uint8_t, uint64_t>, std::vector<uint8_t>>>();
  return
      [&sha, size, read_tile = std::move(read_tile), cache](const SubtreeId& id) -> Result<Hash> {
        RECIRC_TRY(TileSpan span, LocateSubtree(id, size));
        auto key = std::make_pair(span.tile.level, span.tile.index);
        auto it = cache->find(key);
        if (it == cache->end()) {
          RECIRC_TRY(std::vector<uint8_t> data, read_tile(span.tile));
          if (data.size() % kHashSize != 0 || data.size() > kTileWidth * kHashSize ||
              data.size() < std::size_t{span.tile.width} * kHashSize) {
            return Error::Internal("stored tile " + TilePath(span.tile) + " has " +
                                   std::to_string(data.size()) + " bytes");
          }
          it = cache->emplace(key, std::move(data)).first;
        }
        std::span<const uint8_t> bytes(it->second);
        std::vector<Hash> hashes(span.count);
        for (std::size_t i = 0; i < span.count; ++i) {
          std::copy_n(bytes.data() + (span.offset + i) * kHashSize, kHashSize, hashes[i].begin());
        }
        return RootFromLeafHashes(sha, hashes);
      };
}

Status AppendToEntryBundle(std::vector<uint8_t>& bundle, std::span<const uint8_t> entry) {
  if (entry.size() > kMaxEntrySize) {
    return Error::InvalidArgument(
        "entry", "an entry is at most 65535 bytes, got " + std::to_string(entry.size()));
  }
  bundle.push_back(static_cast<uint8_t>(entry.size() >> 8));
  bundle.push_back(static_cast<uint8_t>(entry.size()));
  bundle.insert(bundle.end(), entry.begin(), entry.end());
  return Ok();
}

Result<std::vector<std::vector<uint8_t>>> DecodeEntryBundle(std::span<const uint8_t> bundle) {
  std::vector<std::vector<uint8_t>> entries;
  std::size_t pos = 0;
  while (pos < bundle.size()) {
    if (bundle.size() - pos < 2) {
      return Error::InvalidArgument("bundle",
                                    "entry length cut off at byte " + std::to_string(pos));
    }
    std::size_t length = (std::size_t{bundle[pos]} << 8) | bundle[pos + 1];
    pos += 2;
    if (bundle.size() - pos < length) {
      return Error::InvalidArgument("bundle", "entry cut off at byte " + std::to_string(pos));
    }
    entries.emplace_back(bundle.data() + pos, bundle.data() + pos + length);
    pos += length;
  }
  return entries;
}

}  // namespace recirc::tlog
