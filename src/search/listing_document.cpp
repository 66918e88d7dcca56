#include "search/listing_document.hpp"

#include <boost/json.hpp>

#include <array>

#include "core/clock.hpp"

namespace recirc::search {
namespace {

constexpr std::array<std::string_view, 5> kSaleModes = {"fixed_price", "auction", "rental",
                                                        "consignment", "lot"};
constexpr size_t kMaxText = 4000;

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.' || c == '/' || c == '+';
    if (!ok) return false;
  }
  return true;
}

Result<std::string> Text(const boost::json::object& o, std::string_view field, bool required) {
  const auto* v = o.if_contains(field);
  if (!v || v->is_null()) {
    if (required)
      return Error::InvalidArgument(std::string(field), std::string(field) + " is required");
    return std::string();
  }
  if (!v->is_string())
    return Error::InvalidArgument(std::string(field), std::string(field) + " must be a string");
  std::string s(v->as_string());
  if (s.size() > kMaxText)
    return Error::InvalidArgument(std::string(field), std::string(field) + " is too long");
  if (required && s.empty())
    return Error::InvalidArgument(std::string(field), std::string(field) + " is required");
  return s;
}

Result<std::string> Code(const boost::json::object& o, std::string_view field) {
  RECIRC_TRY(std::string s, Text(o, field, true));
  if (!IsCode(s))
    return Error::InvalidArgument(
        std::string(field), std::string(field) + " must be a short code (letters, digits, _-./+)");
  return s;
}

}  // namespace

bool IsSaleMode(std::string_view mode) {
  for (auto m : kSaleModes)
    if (m == mode) return true;
  return false;
}

Result<ListingDocument> ListingFromJson(const boost::json::value& json) {
  if (!json.is_object()) return Error::InvalidArgument("listing", "a listing is a JSON object");
  const auto& o = json.as_object();
  ListingDocument d;
  RECIRC_TRY(d.listing_id, Code(o, "listing_id"));
  RECIRC_TRY(d.item_id, Code(o, "item_id"));
  RECIRC_TRY(d.title_zh, Text(o, "title_zh", false));
  RECIRC_TRY(d.title_en, Text(o, "title_en", false));
  if (d.title_zh.empty() && d.title_en.empty())
    return Error::InvalidArgument("title_zh", "title_zh or title_en is required");
  RECIRC_TRY(d.description_zh, Text(o, "description_zh", false));
  RECIRC_TRY(d.description_en, Text(o, "description_en", false));
  RECIRC_TRY(d.brand, Text(o, "brand", false));
  RECIRC_TRY(d.model, Text(o, "model", false));
  RECIRC_TRY(d.category, Code(o, "category"));
  RECIRC_TRY(d.region_code, Text(o, "region_code", true));
  if (d.region_code.size() != 6 ||
      d.region_code.find_first_not_of("0123456789") != std::string::npos)
    return Error::InvalidArgument("region_code", "region_code must be six digits (GB/T 2260)");
  RECIRC_TRY(d.grade, Code(o, "grade"));
  const auto* price = o.if_contains("price_fen");
  if (!price || !price->is_int64() || price->as_int64() < 0)
    return Error::InvalidArgument("price_fen", "price_fen must be a non-negative integer");
  d.price_fen = price->as_int64();
  RECIRC_TRY(d.sale_mode, Code(o, "sale_mode"));
  if (!IsSaleMode(d.sale_mode))
    return Error::InvalidArgument(
        "sale_mode", "sale_mode must be fixed_price, auction, rental, consignment or lot");
  RECIRC_TRY(d.channel, Code(o, "channel"));
  RECIRC_TRY(std::string published, Text(o, "published_at", true));
  TimePoint t;
  if (!ParseRfc3339(published, t))
    return Error::InvalidArgument("published_at", "published_at must be an RFC 3339 time");
  d.published_at = ToUnixMillis(t);
  RECIRC_TRY(d.organisation_id, Text(o, "organisation_id", false));
  RECIRC_TRY(d.outlet_id, Text(o, "outlet_id", false));
  return d;
}

boost::json::object ListingToJson(const ListingDocument& d) {
  boost::json::object o{{"listing_id", d.listing_id},
                        {"item_id", d.item_id},
                        {"title_zh", d.title_zh},
                        {"title_en", d.title_en},
                        {"description_zh", d.description_zh},
                        {"description_en", d.description_en},
                        {"brand", d.brand},
                        {"model", d.model},
                        {"category", d.category},
                        {"region_code", d.region_code},
                        {"grade", d.grade},
                        {"price_fen", d.price_fen},
                        {"sale_mode", d.sale_mode},
                        {"channel", d.channel},
                        {"published_at", FormatRfc3339(FromUnixMillis(d.published_at))}};
  if (!d.organisation_id.empty()) o["organisation_id"] = d.organisation_id;
  if (!d.outlet_id.empty()) o["outlet_id"] = d.outlet_id;
  return o;
}

}  // namespace recirc::search
