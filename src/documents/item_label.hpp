#pragma once
// The printed label of an item: a QR code of the item's public page (`<base>/items/<id>`, where
// the browser verifies the item's history against the transparency log), the item's short id,
// its category and model, and the log's origin. Public facts only: nothing about the seller,
// the price or the staff. Drawn with cairo (PDF surface, one page of exactly the label's size),
// pango (WenQuanYi Micro Hei) and libqrencode, like the inspection certificate.

#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::documents {

struct LabelSize {
  std::string_view name;  // "50x30": width x height in millimetres
  double width_mm = 0;
  double height_mm = 0;
};

// The common thermal-label sizes recirc draws (width x height, landscape).
std::span<const LabelSize> LabelSizes();
// The size named `name`, or InvalidArgument naming the field `size` and the known sizes.
Result<LabelSize> FindLabelSize(std::string_view name);
inline constexpr std::string_view kDefaultLabelSize = "50x30";

struct LabelInput {
  std::string item_id;
  std::string url;       // what the QR code holds: the item's public page
  std::string category;  // in words, for example "手机 Phone"
  std::string model;     // brand and model, for example "Apple iPhone 13"
  std::string origin;    // the transparency log's origin, for example "recirc.example/log"
};

// The short form printed large on the label: the last eight characters of the id in two groups
// ("01KBX…7QK3M9PZ" → "7QK3-M9PZ"); the id itself is in the QR code and, on larger labels, in
// small print.
std::string ShortItemId(std::string_view item_id);

Result<std::string> ItemLabelPdf(const LabelInput& in, const LabelSize& size);

}  // namespace recirc::documents
