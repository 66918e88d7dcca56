#include "documents/item_label.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace recirc::documents {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr const char* kFont = "WenQuanYi Micro Hei";
constexpr int kQuietModules = 2;  // around the code, inside the label's own margin

constexpr std::array<LabelSize, 5> kSizes = {{
    {"40x30", 40, 30},
    {"50x30", 50, 30},
    {"60x40", 60, 40},
    {"100x50", 100, 50},
    {"100x70", 100, 70},
}};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct Line {
  std::string text;
  double size;  // points, before scaling to fit
  bool bold;
  bool nowrap = false;  // one line, never broken (the short id)
};

using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

Layout MakeLayout(cairo_t* cr, const Line& line, double scale, double width) {
  Layout layout(pango_cairo_create_layout(cr), g_object_unref);
  PangoFontDescription* font = pango_font_description_from_string(kFont);
  pango_font_description_set_absolute_size(font, line.size * scale * PANGO_SCALE);
  pango_font_description_set_weight(font, line.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), line.nowrap ? -1 : static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout.get(), line.text.c_str(), static_cast<int>(line.text.size()));
  return layout;
}

// Whether the lines fit `width` x `height` at `scale`, with a small gap after each line.
bool Fits(cairo_t* cr, const std::vector<Line>& lines, double scale, double width, double height) {
  double h = 0;
  for (const auto& line : lines) {
    int pw = 0;
    int ph = 0;
    pango_layout_get_pixel_size(MakeLayout(cr, line, scale, width).get(), &pw, &ph);
    if (pw > width + 1) return false;  // pixel sizes are rounded up
    h += ph + line.size * scale * 0.2;
  }
  return h <= height;
}

Status DrawQr(cairo_t* cr, const std::string& url, double x, double y, double side) {
  QRcode* qr = QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == nullptr) return Error::Internal("the QR code could not be encoded");
  const double cell = side / (qr->width + 2 * kQuietModules);
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width; ++c) {
      if (qr->data[r * qr->width + c] & 1) {
        cairo_rectangle(cr, x + (c + kQuietModules) * cell, y + (r + kQuietModules) * cell, cell,
                        cell);
      }
    }
  }
  cairo_fill(cr);
  QRcode_free(qr);
  return Ok();
}

}  // namespace

std::span<const LabelSize> LabelSizes() { return kSizes; }

Result<LabelSize> FindLabelSize(std::string_view name) {
  for (const auto& s : kSizes) {
    if (s.name == name) return s;
  }
  std::string known;
  for (const auto& s : kSizes) known += (known.empty() ? "" : ", ") + std::string(s.name);
  return Error::InvalidArgument("size", "unknown label size '" + std::string(name) +
                                            "'; the sizes are (width x height, mm): " + known);
}

std::string ShortItemId(std::string_view item_id) {
  const std::string_view tail = item_id.size() > 8 ? item_id.substr(item_id.size() - 8) : item_id;
  if (tail.size() < 8) return std::string(tail);
  return std::string(tail.substr(0, 4)) + "-" + std::string(tail.substr(4));
}

Result<std::string> ItemLabelPdf(const LabelInput& in, const LabelSize& size) {
  const double width = size.width_mm * kPointsPerMm;
  const double height = size.height_mm * kPointsPerMm;
  const double margin = 2.0 * kPointsPerMm;
  std::string pdf;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(Append, &pdf, width, height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);

  // The QR code fills the label's height on the left, but leaves at least 40% of the width for
  // the words.
  const double side = std::min(height - 2 * margin, (width - 2 * margin) * 0.6);
  RECIRC_CHECK(DrawQr(cr.get(), in.url, margin, (height - side) / 2, side));

  const double text_x = margin + side + margin / 2;
  const double text_width = width - text_x - margin;
  const double base = std::clamp(height / 12.0, 6.0, 11.0);  // points
  std::vector<Line> lines = {
      {ShortItemId(in.item_id), base * 1.5, true, true},
      {in.category, base, false},
      {in.model, base, true},
  };
  if (size.width_mm >= 60) lines.push_back({in.item_id, base * 0.7, false});
  lines.push_back({"扫码验证 Scan to verify", base * 0.75, false});
  lines.push_back({in.origin, base * 0.7, false});
  // The largest scale at which every line fits the text column.
  double scale = 1.0;
  while (scale > 0.3 && !Fits(cr.get(), lines, scale, text_width, height - 2 * margin)) {
    scale *= 0.9;
  }
  double y = margin;
  for (const auto& line : lines) {
    Layout layout = MakeLayout(cr.get(), line, scale, text_width);
    cairo_move_to(cr.get(), text_x, y);
    pango_cairo_show_layout(cr.get(), layout.get());
    int pw = 0;
    int ph = 0;
    pango_layout_get_pixel_size(layout.get(), &pw, &ph);
    y += ph + line.size * scale * 0.2;
  }
  cairo_show_page(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error::Internal(std::string("PDF rendering failed: ") +
                           cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  surface.reset();
  return pdf;
}

}  // namespace recirc::documents
