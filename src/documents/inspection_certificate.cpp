#include "documents/inspection_certificate.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <fmt/format.h>

#include <boost/json.hpp>

#include <chrono>
#include <memory>

#include "core/clock.hpp"
#include "documents/labels.hpp"

namespace recirc::documents {
namespace {

namespace json = boost::json;

constexpr double kWidth = 595.0;  // A4 in points
constexpr double kHeight = 842.0;
constexpr double kMargin = 48.0;
constexpr const char* kFont = "WenQuanYi Micro Hei";

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return "";
}

const json::object& Obj(const json::object& o, std::string_view key) {
  static const json::object kEmpty;  // NOLINT: a constant, not state
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_object() ? v->as_object() : kEmpty;
}

std::string Bilingual(const json::object& text) {
  return Str(text, "zh") + " / " + Str(text, "en");
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays out text top-down on pages, starting a new page when one is full.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  void Text(const std::string& text, double size, bool bold = false, double indent = 0,
            double width = kWidth - 2 * kMargin) {
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    PangoFontDescription* font = pango_font_description_from_string(kFont);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_width(layout, static_cast<int>((width - indent) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
    int w = 0;
    int h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    if (y_ + h > kHeight - kMargin) {
      cairo_show_page(cr_);
      y_ = kMargin;
    }
    cairo_move_to(cr_, kMargin + indent, y_);
    pango_cairo_show_layout(cr_, layout);
    y_ += h + size * 0.35;
    pango_font_description_free(font);
    g_object_unref(layout);
  }
  // Two columns: a field name and its value.
  void Row(const std::string& name, const std::string& value) {
    const double top = y_;
    Text(name, 9.5, false, 0, 210);
    const double after_name = y_;
    y_ = top;
    Text(value, 9.5, true, 215);
    y_ = std::max(y_, after_name);
  }
  void Gap(double h) { y_ += h; }
  double y() const { return y_; }

 private:
  cairo_t* cr_;
  double y_ = kMargin;
};

void DrawQr(cairo_t* cr, const std::string& url, double x, double y, double size) {
  QRcode* qr = QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == nullptr) return;
  const double cell = size / (qr->width + 8);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width; ++c) {
      if (qr->data[r * qr->width + c] & 1) {
        cairo_rectangle(cr, x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
      }
    }
  }
  cairo_fill(cr);
  QRcode_free(qr);
}

std::string ResultText(const json::value& v, const inspection::Check* check) {
  if (v.is_int64()) {
    return std::to_string(v.as_int64()) + (check != nullptr ? " " + check->unit : "");
  }
  if (!v.is_string()) return "";
  std::string s(v.as_string());
  if (s == "pass") return "合格 / Pass";
  if (s == "fail") return "不合格 / Fail";
  if (s.starts_with("sha256:")) return s.substr(0, 19) + "…";
  if (const inspection::LocalText* name = check != nullptr ? check->OptionName(s) : nullptr) {
    return fmt::format("{} / {}", name->zh, name->en);
  }
  return s;
}

// "2026-12-01 18:00 (UTC+8)" for an RFC 3339 time; the text as given when it is not a time.
std::string ChinaTimeText(const std::string& rfc3339) {
  TimePoint t;
  if (!ParseRfc3339(rfc3339, t)) return rfc3339;
  return ChinaTime(t) + " (UTC+8)";
}

std::string VerdictText(std::string_view v) {
  if (v == "genuine") return "正品 / Genuine";
  if (v == "counterfeit") return "假冒 / Counterfeit";
  return "无法判断 / Cannot determine";
}

}  // namespace

Result<std::string> InspectionCertificatePdf(const CertificateInput& in) {
  std::string pdf;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(Append, &pdf, kWidth, kHeight), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  const json::object& r = in.report;
  const json::object& item = Obj(r, "item");
  const json::object& body = Obj(r, "inspection_body");
  const inspection::Checklist* c = in.checklist;

  Writer w(cr.get());
  w.Text("二手商品检测报告证书", 20, true, 0, kWidth - 2 * kMargin - 140);
  w.Text("Inspection Report Certificate", 15, true, 0, kWidth - 2 * kMargin - 140);
  DrawQr(cr.get(), in.verify_url, kWidth - kMargin - 130, kMargin - 10, 130);
  w.Text("扫码或访问以下地址核验 / Scan or open to verify:", 8.5, false, 0,
         kWidth - 2 * kMargin - 140);
  w.Text(in.verify_url, 8.5, false, 0, kWidth - 2 * kMargin - 140);
  w.Gap(std::max(0.0, kMargin + 125 - w.y()));

  w.Row("报告编号 / Report ID", Str(r, "id"));
  w.Row("检测时间 / Inspected at", ChinaTimeText(Str(r, "inspected_at")));
  w.Row("检测机构 / Inspection body", Str(body, "name"));
  w.Row("物品编号 / Item ID", Str(item, "id"));
  w.Row("品类 / Category", c != nullptr ? c->name.zh + " / " + c->name.en : Str(item, "category"));
  w.Row("品牌 / Brand", Str(item, "brand"));
  w.Row("型号 / Model", Str(item, "model"));
  w.Row("检测清单版本 / Checklist version",
        Str(Obj(r, "checklist"), "category") + " v" + Str(Obj(r, "checklist"), "version"));
  w.Gap(6);

  w.Text("等级 / Grade", 13, true);
  for (const auto& [scale, g] : Obj(r, "grade")) {
    if (!g.is_object()) continue;
    const inspection::Scale* s = c != nullptr ? c->FindScale(scale) : nullptr;
    const std::string name = s != nullptr ? s->name.zh + " / " + s->name.en : std::string(scale);
    w.Row(name, Str(g.as_object(), "value") + "  " + Bilingual(Obj(g.as_object(), "name")));
    if (const auto* because = g.as_object().if_contains("because");
        because && because->is_array()) {
      for (const auto& b : because->as_array()) {
        if (b.is_object()) w.Text("· " + Bilingual(b.as_object()), 8.5, false, 215);
      }
    }
  }
  w.Gap(6);

  // In the checklist's order (the inspector's), then any result the checklist does not know.
  w.Text("检测项目 / Checks", 13, true);
  const json::object& results = Obj(r, "results");
  if (c != nullptr) {
    for (const auto& check : c->checks) {
      if (const json::value* v = results.if_contains(check.id)) {
        w.Row(check.name.zh + " / " + check.name.en, ResultText(*v, &check));
      }
    }
  }
  for (const auto& [id, v] : results) {
    if (c == nullptr || c->FindCheck(id) == nullptr) w.Row(std::string(id), ResultText(v, nullptr));
  }
  w.Gap(6);

  w.Text("已知缺陷 / Known defects", 13, true);
  const json::value* defects = r.if_contains("defects");
  if (defects == nullptr || !defects->is_array() || defects->as_array().empty()) {
    w.Text("无 / None", 9.5);
  } else {
    for (const auto& d : defects->as_array()) {
      if (d.is_string()) w.Text("· " + std::string(d.as_string()), 9.5);
    }
  }
  if (const auto* a = r.if_contains("authenticity"); a != nullptr && a->is_object()) {
    w.Gap(6);
    w.Text("真伪鉴定 / Authenticity", 13, true);
    w.Row("结论 / Verdict", VerdictText(Str(a->as_object(), "verdict")));
    w.Row("依据 / Evidence", Str(a->as_object(), "evidence"));
  }
  w.Gap(10);
  w.Text("电子签名 / Signature (Ed25519)", 11, true);
  w.Text(in.signature, 8);
  w.Text("验证公钥 / Verifier key", 11, true);
  w.Text(in.verifier_key, 8);
  w.Text(
      "本证书是已签名报告的打印件；以在线核验结果为准。/ This certificate renders the signed "
      "report; the online verification is authoritative.",
      8);
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

#if defined(__SANITIZE_ADDRESS__)
// fontconfig, pango and glib keep their font caches for the life of the process by design (the
// default font map is never freed); LeakSanitizer would report them at every exit of a process
// that drew a PDF. Only these libraries' allocations are exempt.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libfontconfig.so\nleak:libpango-1.0.so\nleak:libpangoft2-1.0.so\n"
         "leak:libpangocairo-1.0.so\nleak:libglib-2.0.so\nleak:libgobject-2.0.so\n"
         "leak:libharfbuzz.so\nleak:libcairo.so\n";
}
#endif
