#pragma once
// C2SP tlog-tiles v0.1.0: tile paths, which tiles a tree has, and how proofs are answered from
// stored tiles.
//
// A hash tile at level L, index N holds the hashes of the complete subtrees of 256^L leaves
// number N*256 .. N*256+255 (level 0: leaf hashes), concatenated, 32 bytes each. A tile is full
// at 256 hashes; the rightmost tile of a level is partial, with width floor(size/256^L) mod 256,
// and is never empty. Entry bundles mirror the level-0 tiles and hold the entries themselves,
// each as a big-endian uint16 length and its bytes.

#include "core/error.hpp"
#include "tlog/hash.hpp"
#include "tlog/merkle.hpp"

#include <compare>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace recirc::tlog {

inline constexpr uint16_t kTileWidth = 256;   // hashes in a full tile
inline constexpr int kTileHeight = 8;         // tree levels per tile level: 256 = 2^8
inline constexpr uint8_t kMaxTileLevel = 63;  // the path format's limit
inline constexpr std::size_t kMaxEntrySize = 65535;

enum class TileKind { kHashes, kEntries };

struct Tile {
  TileKind kind = TileKind::kHashes;
  uint8_t level = 0;            // 0-63; always 0 for entry bundles
  uint64_t index = 0;           // N in the path
  uint16_t width = kTileWidth;  // 1-256; 256 means a full tile (no .p/ suffix)

  bool IsFull() const { return width == kTileWidth; }
  bool IsValid() const;
  friend bool operator==(const Tile&, const Tile&) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted comparison
  friend auto operator<=>(const Tile&, const Tile&) = default;
};

// "tile/<L>/<N>[.p/<W>]" or "tile/entries/<N>[.p/<W>]", without the log's URL prefix; N in
// 3-digit groups, all but the last prefixed with "x" (1234067 -> "x001/x234/067").
// Precondition: tile.IsValid().
std::string TilePath(const Tile& tile);

// Inverse of TilePath, accepting only the canonical form: InvalidArgument("path") for a wrong
// prefix, L with a leading zero or above 63, a group that is not exactly 3 digits or lacks (or
// has) its "x", a redundant leading "x000" group, an index above 2^64-1, and W with a leading
// zero or outside 1-255 (so a full tile never carries .p/).
Result<Tile> ParseTilePath(std::string_view path);

// The hash tiles of one level of a tree: full tiles 0 .. full_count-1 and, if partial_width is
// not 0, a partial tile of that width at index full_count.
struct LevelTiles {
  uint8_t level = 0;
  uint64_t full_count = 0;
  uint16_t partial_width = 0;
  friend bool operator==(const LevelTiles&, const LevelTiles&) = default;
};

// Every level of the tree of `size` leaves that holds at least one hash, bottom up (empty for
// size 0). Entry bundles are the same as level 0.
std::vector<LevelTiles> TreeTiles(uint64_t size);

// The hash tiles that exist at new_size but not, with the same width, at old_size: what a
// sequencer must write after growing the tree. Sorted. Requires old_size <= new_size.
std::vector<Tile> NewTiles(uint64_t old_size, uint64_t new_size);

// Where a complete subtree's hash comes from in the tree of `size` leaves: the subtree of level
// 8*L + r is the Merkle root of `count` = 2^r consecutive hashes of a level-L tile.
struct TileSpan {
  Tile tile;  // with its width in the tree of `size`
  uint16_t offset = 0;
  uint16_t count = 0;
};
// InvalidArgument("subtree") if the subtree is not complete within `size`.
Result<TileSpan> LocateSubtree(const SubtreeId& id, uint64_t size);

// The distinct tiles (sorted) needed to hash the given subtrees, for example
// TilesForSubtrees(InclusionProofSubtrees(i, n), n). Subtrees outside `size` are skipped.
std::vector<Tile> TilesForSubtrees(std::span<const SubtreeId> ids, uint64_t size);

// Stored hash tile contents: the hashes concatenated.
std::vector<uint8_t> EncodeHashTile(std::span<const Hash> hashes);
// InvalidArgument("tile") unless data is exactly width * 32 bytes.
Result<std::vector<Hash>> DecodeHashTile(std::span<const uint8_t> data, uint16_t width);

// Reads a stored tile's bytes. May return a wider tile of the same level and index than asked
// for (the first hashes of a tile never change as it fills up); NotFound if it has none.
using ReadTileFn = std::function<Result<std::vector<uint8_t>>(const Tile&)>;

// A SubtreeHashFn for the tree of `size` leaves that reads hash tiles through `read_tile`, so
// InclusionProof, ConsistencyProof and TreeRoot can be answered from storage. Each tile is read
// at most once per returned function. `sha` must outlive the function and is used from it.
SubtreeHashFn TileSubtreeReader(Sha256& sha, uint64_t size, ReadTileFn read_tile);

// Entry bundles. Appends one entry; InvalidArgument("entry") above kMaxEntrySize bytes.
Status AppendToEntryBundle(std::vector<uint8_t>& bundle, std::span<const uint8_t> entry);
// InvalidArgument("bundle") if a length or entry is cut off.
Result<std::vector<std::vector<uint8_t>>> DecodeEntryBundle(std::span<const uint8_t> bundle);

}  // namespace recirc::tlog
