#include "tlog/tiles.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace recirc::tlog {

void PrintTo(const Tile& tile, std::ostream* os) {
  *os << (tile.IsValid() ? TilePath(tile) : "invalid tile");
}
void PrintTo(const LevelTiles& l, std::ostream* os) {
  *os << "{level " << int{l.level} << ", full " << l.full_count << ", partial " << l.partial_width
      << "}";
}

namespace {

constexpr TileKind kH = TileKind::kHashes;
constexpr TileKind kE = TileKind::kEntries;

TEST(TilePath, ExamplesFromTheSpec) {
  EXPECT_EQ(TilePath({kH, 0, 1234067, 256}), "tile/0/x001/x234/067");
  EXPECT_EQ(TilePath({kH, 0, 0, 256}), "tile/0/000");
  EXPECT_EQ(TilePath({kH, 1, 67, 17}), "tile/1/067.p/17");
  EXPECT_EQ(TilePath({kH, 63, 1000, 1}), "tile/63/x001/000.p/1");
  EXPECT_EQ(TilePath({kE, 0, 1234067, 255}), "tile/entries/x001/x234/067.p/255");
  EXPECT_EQ(TilePath({kH, 2, UINT64_MAX, 256}), "tile/2/x018/x446/x744/x073/x709/x551/615");
}

TEST(TilePath, ParseInvertsFormat) {
  for (TileKind kind : {kH, kE}) {
    for (uint8_t level : {0, 1, 9, 10, 63}) {
      if (kind == kE && level != 0) continue;
      for (uint64_t index : {uint64_t{0}, uint64_t{1}, uint64_t{999}, uint64_t{1000},
                             uint64_t{1234067}, uint64_t{999999999}, UINT64_MAX}) {
        for (uint16_t width : {1, 2, 112, 255, 256}) {
          Tile tile{kind, level, index, width};
          auto parsed = ParseTilePath(TilePath(tile));
          ASSERT_TRUE(parsed.has_value()) << TilePath(tile) << ": " << parsed.error().message;
          EXPECT_EQ(*parsed, tile);
        }
      }
    }
  }
}

TEST(TilePath, ParseRejectsNonCanonicalForms) {
  const char* kBad[] = {
      "tile/00/000",
      "tile/01/000",
      "tile/64/000",
      "tile/-1/000",
      "tile/+1/000",
      "tile/0/67",
      "tile/0/0067",
      "tile/0/x000/067",
      "tile/0/001/234",
      "tile/0/x001/x234",
      "tile/0/xx01/234",
      "tile/0/000.p/0",
      "tile/0/000.p/256",
      "tile/0/000.p/07",
      "tile/0/000.p/",
      "tile/0/000.p",
      "tile/0/000.p/1/2",
      "tile/0/000/",
      "tile/0/",
      "tile/0",
      "tile/",
      "tiles/0/000",
      "/tile/0/000",
      "tile/0/ 12",
      "tile/0/+12",
      "tile/Entries/000",
      "tile/entries/000.p/256",
      "tile/0/x018/x446/x744/x073/x709/x551/616",  // 2^64
      "tile/0/000.P/5",
      "tile/0/000.p/+5",
      "tile/8/000.p/5 ",
  };
  for (const char* path : kBad) {
    auto tile = ParseTilePath(path);
    EXPECT_FALSE(tile.has_value()) << path << " parsed as " << TilePath(*tile);
    if (!tile) {
      EXPECT_EQ(tile.error().field, "path");
    }
  }
}

TEST(TreeTiles, SizesAtTheEdges) {
  EXPECT_TRUE(TreeTiles(0).empty());
  EXPECT_EQ(TreeTiles(1), (std::vector<LevelTiles>{{0, 0, 1}}));
  EXPECT_EQ(TreeTiles(255), (std::vector<LevelTiles>{{0, 0, 255}}));
  // The spec: size 256 is a full level-0 tile and a level-1 partial of width 1.
  EXPECT_EQ(TreeTiles(256), (std::vector<LevelTiles>{{0, 1, 0}, {1, 0, 1}}));
  EXPECT_EQ(TreeTiles(257), (std::vector<LevelTiles>{{0, 1, 1}, {1, 0, 1}}));
  EXPECT_EQ(TreeTiles(65536 + 3), (std::vector<LevelTiles>{{0, 256, 3}, {1, 1, 0}, {2, 0, 1}}));
  // The spec's example: 273 full + 112, one full + 17, and 1 at level 2.
  EXPECT_EQ(TreeTiles(70000), (std::vector<LevelTiles>{{0, 273, 112}, {1, 1, 17}, {2, 0, 1}}));
  EXPECT_EQ(TreeTiles(UINT64_MAX).size(), 8u);  // 64 bits = 8 levels of 8
}

// Every tile (full and partial) of a tree, from TreeTiles.
std::set<Tile> AllTiles(uint64_t size) {
  std::set<Tile> tiles;
  for (const LevelTiles& level : TreeTiles(size)) {
    for (uint64_t n = 0; n < level.full_count; ++n) tiles.insert({kH, level.level, n, 256});
    if (level.partial_width > 0) {
      tiles.insert({kH, level.level, level.full_count, level.partial_width});
    }
  }
  return tiles;
}

TEST(TreeTiles, NewTilesAreWhatGrowthAdds) {
  EXPECT_EQ(NewTiles(256, 257), (std::vector<Tile>{{kH, 0, 1, 1}}));
  EXPECT_EQ(NewTiles(255, 256), (std::vector<Tile>{{kH, 0, 0, 256}, {kH, 1, 0, 1}}));
  EXPECT_TRUE(NewTiles(300, 300).empty());
  const uint64_t kSizes[] = {0,   1,   2,   200,   255,   256,   257,
                             511, 512, 700, 65535, 65536, 65539, 70000};
  for (uint64_t old_size : kSizes) {
    for (uint64_t new_size : kSizes) {
      if (new_size < old_size) continue;
      std::set<Tile> before = AllTiles(old_size);
      std::vector<Tile> want;
      for (const Tile& tile : AllTiles(new_size)) {
        if (!before.contains(tile)) want.push_back(tile);
      }
      EXPECT_EQ(NewTiles(old_size, new_size), want) << old_size << " -> " << new_size;
    }
  }
}

TEST(LocateSubtree, FindsTheTileAndTheSpan) {
  auto leaf = LocateSubtree({0, 300}, 1000);
  ASSERT_TRUE(leaf.has_value());
  EXPECT_EQ(leaf->tile, (Tile{kH, 0, 1, 256}));
  EXPECT_EQ(leaf->offset, 44);
  EXPECT_EQ(leaf->count, 1);
  auto partial = LocateSubtree({3, 1}, 20);  // leaves 8..15 from the 20-wide level-0 tile
  ASSERT_TRUE(partial.has_value());
  EXPECT_EQ(partial->tile, (Tile{kH, 0, 0, 20}));
  EXPECT_EQ(partial->offset, 8);
  EXPECT_EQ(partial->count, 8);
  auto level8 = LocateSubtree({8, 2}, 1000);
  ASSERT_TRUE(level8.has_value());
  EXPECT_EQ(level8->tile, (Tile{kH, 1, 0, 3}));
  EXPECT_EQ(level8->offset, 2);
  EXPECT_EQ(level8->count, 1);
  auto level9 = LocateSubtree({9, 0}, 600);
  ASSERT_TRUE(level9.has_value());
  EXPECT_EQ(level9->tile, (Tile{kH, 1, 0, 2}));
  EXPECT_EQ(level9->count, 2);
  EXPECT_FALSE(LocateSubtree({0, 1000}, 1000).has_value());
  EXPECT_FALSE(LocateSubtree({9, 1}, 1000).has_value());  // leaves 512..1023 are not all there
  EXPECT_FALSE(LocateSubtree({63, 1}, UINT64_MAX).has_value());
}

TEST(Tiles, HashTileEncoding) {
  Sha256 sha;
  std::vector<Hash> hashes = {sha.LeafHash(AsBytes("a")), sha.LeafHash(AsBytes("b"))};
  std::vector<uint8_t> data = EncodeHashTile(hashes);
  ASSERT_EQ(data.size(), 64u);
  auto decoded = DecodeHashTile(data, 2);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, hashes);
  EXPECT_FALSE(DecodeHashTile(data, 1).has_value());
  EXPECT_FALSE(DecodeHashTile(std::span(data).first(63), 2).has_value());
}

TEST(Tiles, EntryBundles) {
  std::vector<std::vector<uint8_t>> entries = {{}, {1, 2, 3}, std::vector<uint8_t>(65535, 9)};
  std::vector<uint8_t> bundle;
  for (const auto& entry : entries) ASSERT_TRUE(AppendToEntryBundle(bundle, entry).has_value());
  EXPECT_EQ(bundle.size(), 2 + 5 + 2 + 65535u);
  EXPECT_EQ(std::vector<uint8_t>(bundle.begin() + 2, bundle.begin() + 7),
            (std::vector<uint8_t>{0, 3, 1, 2, 3}));
  auto decoded = DecodeEntryBundle(bundle);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, entries);
  EXPECT_FALSE(AppendToEntryBundle(bundle, std::vector<uint8_t>(65536)).has_value());
  EXPECT_FALSE(DecodeEntryBundle(std::span(bundle).first(1)).has_value());  // length cut
  EXPECT_FALSE(DecodeEntryBundle(std::span(bundle).first(6)).has_value());  // entry cut
  EXPECT_TRUE(DecodeEntryBundle({}).has_value());
}

}  // namespace
}  // namespace recirc::tlog
