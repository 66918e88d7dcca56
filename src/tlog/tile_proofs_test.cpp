// Proofs answered from stored tiles must equal proofs from the whole tree, and read exactly the
// tiles TilesForSubtrees predicts.

#include "tlog/merkle.hpp"
#include "tlog/tiles.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace recirc::tlog {
namespace {

// 257 full level-0 tiles and a partial, a full and a partial level-1 tile, a level-2 partial.
constexpr uint64_t kSize = 65536 + 300;

class StoredTree {
 public:
  StoredTree() {
    levels_.emplace_back();
    for (uint64_t i = 0; i < kSize; ++i) {
      levels_[0].push_back(sha_.LeafHash(AsBytes("entry " + std::to_string(i))));
    }
    while (levels_.back().size() > 1) {
      const std::vector<Hash>& below = levels_.back();
      std::vector<Hash> above;
      for (std::size_t i = 0; i + 1 < below.size(); i += 2) {
        above.push_back(sha_.NodeHash(below[i], below[i + 1]));
      }
      levels_.push_back(std::move(above));
    }
    // What a log of kSize stores: every full tile and the partial tile of each level.
    for (const LevelTiles& level : TreeTiles(kSize)) {
      const std::vector<Hash>& hashes = levels_[level.level * kTileHeight];
      for (uint64_t n = 0; n <= level.full_count; ++n) {
        uint64_t begin = n * kTileWidth;
        uint64_t end = std::min<uint64_t>(begin + kTileWidth, hashes.size());
        if (begin >= end) continue;
        stored_[{level.level, n}] = EncodeHashTile(std::span(hashes).subspan(begin, end - begin));
      }
    }
  }

  Sha256& sha() { return sha_; }

  // The whole-tree answer: every complete subtree hash, straight from memory.
  SubtreeHashFn FromMemory() {
    return [this](const SubtreeId& id) -> Result<Hash> { return levels_[id.level][id.index]; };
  }

  // The storage answer for a tree of `size`, recording which tiles were read.
  SubtreeHashFn FromTiles(uint64_t size, std::set<Tile>* read) {
    return TileSubtreeReader(
        sha_, size, [this, read](const Tile& tile) -> Result<std::vector<uint8_t>> {
          read->insert(tile);
          auto it = stored_.find({tile.level, tile.index});
          if (it == stored_.end() || it->second.size() < tile.width * kHashSize) {
            return Error::NotFound("no tile " + TilePath(tile));
          }
          return it->second;  // may be wider than asked: a full tile for an old partial one
        });
  }

 private:
  Sha256 sha_;
  std::vector<std::vector<Hash>> levels_;  // levels_[k][i]: subtree {k, i}
  std::map<std::pair<uint8_t, uint64_t>, std::vector<uint8_t>> stored_;
};

TEST(TileProofs, MatchTheWholeTreeAndReadThePredictedTiles) {
  StoredTree tree;
  Sha256& sha = tree.sha();
  const uint64_t kSizes[] = {1, 2, 3, 255, 256, 257, 1000, 65535, 65536, 65537, kSize};
  for (uint64_t size : kSizes) {
    std::set<Tile> read;
    auto root = TreeRoot(sha, size, tree.FromTiles(size, &read));
    ASSERT_TRUE(root.has_value()) << size << ": " << root.error().message;
    EXPECT_EQ(*root, *TreeRoot(sha, size, tree.FromMemory())) << size;
    std::vector<Tile> root_tiles = TilesForSubtrees(RootSubtrees(size), size);
    EXPECT_EQ(read, std::set<Tile>(root_tiles.begin(), root_tiles.end())) << size;

    for (uint64_t index :
         {uint64_t{0}, uint64_t{1}, uint64_t{255}, uint64_t{256}, size / 2, size - 1}) {
      if (index >= size) continue;
      read.clear();
      auto proof = InclusionProof(sha, index, size, tree.FromTiles(size, &read));
      ASSERT_TRUE(proof.has_value()) << index << " in " << size << ": " << proof.error().message;
      EXPECT_EQ(*proof, *InclusionProof(sha, index, size, tree.FromMemory()));
      std::vector<Tile> predicted = TilesForSubtrees(InclusionProofSubtrees(index, size), size);
      EXPECT_EQ(read, std::set<Tile>(predicted.begin(), predicted.end()))
          << index << " in " << size;
      Hash leaf = *tree.FromMemory()({0, index});
      EXPECT_TRUE(VerifyInclusion(sha, index, size, leaf, *proof, *root).has_value());
    }
    for (uint64_t old_size : kSizes) {
      if (old_size > size) continue;
      read.clear();
      auto proof = ConsistencyProof(sha, old_size, size, tree.FromTiles(size, &read));
      ASSERT_TRUE(proof.has_value()) << old_size << " to " << size;
      EXPECT_EQ(*proof, *ConsistencyProof(sha, old_size, size, tree.FromMemory()));
      std::vector<Tile> predicted =
          TilesForSubtrees(ConsistencyProofSubtrees(old_size, size), size);
      EXPECT_EQ(read, std::set<Tile>(predicted.begin(), predicted.end()));
      Hash old_root = *TreeRoot(sha, old_size, tree.FromMemory());
      EXPECT_TRUE(VerifyConsistency(sha, old_size, size, *proof, old_root, *root).has_value());
    }
  }
}

TEST(TileProofs, StorageProblemsBecomeErrors) {
  Sha256 sha;
  SubtreeHashFn missing =
      TileSubtreeReader(sha, 1000, [](const Tile& tile) -> Result<std::vector<uint8_t>> {
        return Error::NotFound("no tile " + TilePath(tile));
      });
  auto proof = InclusionProof(sha, 5, 1000, missing);
  ASSERT_FALSE(proof.has_value());
  EXPECT_EQ(proof.error().code, ErrorCode::kNotFound);

  SubtreeHashFn short_tile = TileSubtreeReader(
      sha, 1000,
      [](const Tile&) -> Result<std::vector<uint8_t>> { return std::vector<uint8_t>(31); });
  auto root = TreeRoot(sha, 1000, short_tile);
  ASSERT_FALSE(root.has_value());
  EXPECT_EQ(root.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace recirc::tlog
