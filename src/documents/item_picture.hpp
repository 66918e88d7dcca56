#pragma once
// A small PNG picture of an item for demo content: a coloured card with the item's model and a
// line of text, drawn with cairo and Pango (no photograph, no download). The same input gives the
// same bytes, so photos made from it are stored once (they are content-addressed).

#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace recirc::documents {

struct ItemPicture {
  std::string title;           // large: the model, e.g. "iPhone 13"
  std::string subtitle;        // smaller: e.g. "手机 · 128GB 蓝色"
  uint32_t colour = 0x3A7BD5;  // background, 0xRRGGBB
  std::string label;           // small corner label, e.g. "DEMO 演示图片"
};

inline constexpr int kItemPictureWidth = 480;
inline constexpr int kItemPictureHeight = 360;

Result<std::string> ItemPicturePng(const ItemPicture& picture);

}  // namespace recirc::documents
