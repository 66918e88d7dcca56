// Tile paths (tlog/tiles.hpp): ParseTilePath must never crash and accepts only the canonical
// form, so a parsed path formats back to itself. The same bytes are also read as a hash tile
// and an entry bundle, which must round-trip through their encoders.
#include <algorithm>
#include <string>

#include "fuzz_check.hpp"
#include "tlog/tiles.hpp"

using namespace recirc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  if (auto tile = tlog::ParseTilePath(text)) {
    FUZZ_CHECK(tile->IsValid());
    FUZZ_CHECK(tlog::TilePath(*tile) == text);
  } else {
    FUZZ_CHECK(tile.error().field == "path");
  }
  const std::span<const uint8_t> bytes(data, size);
  if (size % 32 == 0 && size >= 32 && size <= 32 * tlog::kTileWidth) {
    const auto width = static_cast<uint16_t>(size / 32);
    FUZZ_CHECK(!tlog::DecodeHashTile(bytes, static_cast<uint16_t>(width - 1)).has_value());
    if (auto hashes = tlog::DecodeHashTile(bytes, width)) {
      FUZZ_CHECK(hashes->size() == width);
      const auto again = tlog::EncodeHashTile(*hashes);
      FUZZ_CHECK(std::equal(again.begin(), again.end(), bytes.begin(), bytes.end()));
    }
  }
  if (size >= 8) {
    // The first 8 bytes as a tree size: its tiles, level by level, must cover every leaf.
    uint64_t tree = 0;
    for (int i = 0; i < 8; ++i) tree = tree << 8 | data[i];
    uint64_t hashes_at_level = tree;
    for (const auto& level : tlog::TreeTiles(tree)) {
      FUZZ_CHECK(level.full_count * tlog::kTileWidth + level.partial_width == hashes_at_level);
      hashes_at_level /= tlog::kTileWidth;
    }
  }
  if (auto entries = tlog::DecodeEntryBundle(bytes)) {
    std::vector<uint8_t> bundle;
    for (const auto& e : *entries) FUZZ_CHECK(tlog::AppendToEntryBundle(bundle, e).has_value());
    FUZZ_CHECK(bundle == std::vector<uint8_t>(bytes.begin(), bytes.end()));
  }
  return 0;
}
