#include "documents/item_picture.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

namespace recirc::documents {
namespace {

constexpr const char* kFont = "WenQuanYi Micro Hei";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Centred text at height `y`, wrapped to the picture's width less margins.
void Centred(cairo_t* cr, const std::string& text, double size, bool bold, double y) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string(kFont);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_width(layout, (kItemPictureWidth - 48) * PANGO_SCALE);
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  cairo_move_to(cr, 24, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

}  // namespace

Result<std::string> ItemPicturePng(const ItemPicture& picture) {
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, kItemPictureWidth, kItemPictureHeight);
  cairo_t* cr = cairo_create(surface);
  const double r = ((picture.colour >> 16) & 0xFF) / 255.0;
  const double g = ((picture.colour >> 8) & 0xFF) / 255.0;
  const double b = (picture.colour & 0xFF) / 255.0;
  cairo_set_source_rgb(cr, r, g, b);
  cairo_paint(cr);
  // A lighter card in the middle, like a product shot on a plain background.
  cairo_set_source_rgb(cr, 0.5 + r / 2, 0.5 + g / 2, 0.5 + b / 2);
  cairo_rectangle(cr, 24, 60, kItemPictureWidth - 48, kItemPictureHeight - 120);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
  Centred(cr, picture.title, 40, true, 120);
  Centred(cr, picture.subtitle, 20, false, 190);
  cairo_set_source_rgb(cr, 1, 1, 1);
  Centred(cr, picture.label, 14, false, kItemPictureHeight - 44);
  std::string png;
  const cairo_status_t written = cairo_surface_write_to_png_stream(surface, Append, &png);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  if (written != CAIRO_STATUS_SUCCESS) {
    return Error::Internal(std::string("cannot draw the item picture: ") +
                           cairo_status_to_string(written));
  }
  return png;
}

}  // namespace recirc::documents
