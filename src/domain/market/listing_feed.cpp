#include "domain/market/listing_feed.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "domain/inspection/events.hpp"
#include "domain/market/events.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;

bool HasNonAscii(const std::string& text) {
  for (const unsigned char ch : text) {
    if (ch >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::string LatestGrade(std::span<const storage::EventRecord> item_events) {
  std::string grade = "ungraded";
  for (const auto& e : item_events) {
    if (e.type != inspection::events::kItemInspected.name) continue;
    boost::system::error_code ec;
    const json::value p = json::parse(e.payload, ec);
    if (ec || !p.is_object()) continue;
    const json::value* g = p.as_object().if_contains("grade");
    if (g == nullptr || !g->is_object() || g->as_object().empty()) continue;
    std::string joined;
    for (const auto& [scale, value] : g->as_object()) {
      if (!joined.empty()) joined += "/";
      joined += value.is_string() ? std::string(value.as_string()) : json::serialize(value);
    }
    grade = joined;
  }
  return grade;
}

Status AppendListingPublished(storage::Session& s, const MarketContext& c,
                              const identity::Principal& actor, const storage::OfferRecord& offer,
                              const storage::ItemRecord& item) {
  RECIRC_TRY(auto events, c.journal.ForAggregate(s, "item", offer.item_id));
  std::string region = actor.organisation.region_code;
  if (offer.outlet_id) {
    RECIRC_TRY(auto outlet, c.identity.FindOutlet(s, *offer.outlet_id));
    if (outlet) region = outlet->region_code;
  }
  // One text field per language: the operator writes the title in one of them.
  const bool zh = HasNonAscii(offer.title) || HasNonAscii(offer.description);
  json::object doc{{"listing_id", offer.id},
                   {zh ? "title_zh" : "title_en", offer.title},
                   {zh ? "description_zh" : "description_en", offer.description},
                   {"item_id", offer.item_id},
                   {"brand", item.brand},
                   {"model", item.model},
                   {"category", item.category},
                   {"region_code", region},
                   {"grade", LatestGrade(events)},
                   {"price_fen", offer.price_fen},
                   {"sale_mode", ToString(offer.sale_mode)},
                   {"channel", ToString(offer.channel)},
                   {"published_at", FormatRfc3339(c.clock.Now())},
                   {"organisation_id", offer.organisation_id}};
  if (offer.outlet_id) doc["outlet_id"] = *offer.outlet_id;
  RECIRC_TRY(int64_t seq,
             c.journal.Append(s, {events::kListingPublished, offer.id, offer.organisation_id,
                                  actor.user_id, json::serialize(doc)}));
  (void)seq;
  return Ok();
}

Status AppendListingClosed(storage::Session& s, const MarketContext& c,
                           const identity::Principal& actor, const storage::OfferRecord& offer,
                           const std::string& reason) {
  const json::object payload{{"listing_id", offer.id}, {"reason", reason}};
  RECIRC_TRY(int64_t seq,
             c.journal.Append(s, {events::kListingClosed, offer.id, offer.organisation_id,
                                  actor.user_id, json::serialize(payload)}));
  (void)seq;
  return Ok();
}

}  // namespace recirc::market
