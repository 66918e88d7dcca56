#include "domain/market/auction_history.hpp"

#include <boost/json.hpp>
#include <set>

#include "domain/market/auction_service.hpp"
#include "domain/market/events.hpp"
#include "domain/market/offer.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;

Status Append(storage::Session& s, const MarketContext& c, const EventType& type,
              const storage::OfferRecord& offer, const std::string& actor_id,
              const json::object& payload) {
  RECIRC_TRY(int64_t seq, c.journal.Append(s, {type, offer.item_id, offer.organisation_id, actor_id,
                                               json::serialize(payload)}));
  (void)seq;
  return Ok();
}

}  // namespace

Result<std::string> AuctionLabel(storage::Session& s, const MarketContext& c,
                                 const std::string& organisation_id) {
  RECIRC_TRY(bool licensed, c.identity.IsLicensedAuctioneer(s, organisation_id));
  return std::string(licensed ? kLabelAuction : kLabelBidding);
}

Status AppendAuctionOpened(storage::Session& s, const MarketContext& c,
                           const identity::Principal& actor, const storage::OfferRecord& offer) {
  RECIRC_TRY(auction::AuctionTerms terms, ParseAuctionTerms(offer.mode_terms));
  RECIRC_TRY(std::string label, AuctionLabel(s, c, offer.organisation_id));
  const json::object payload{{"offer_id", offer.id},
                             {"start_band", PriceBand(terms.start_fen)},
                             {"ends_at", ToUnixMillis(terms.ends_at)},
                             {"label", label}};
  return Append(s, c, events::kItemAuctionOpened, offer, actor.user_id, payload);
}

Status AppendAuctionClosed(storage::Session& s, const MarketContext& c,
                           const storage::OfferRecord& offer, const std::string& outcome,
                           const auction::AuctionState& state, std::span<const auction::Bid> bids) {
  std::set<std::string_view> bidders;
  for (const auto& b : bids) {
    if (!b.retracted) bidders.insert(b.bidder);
  }
  RECIRC_TRY(std::string label, AuctionLabel(s, c, offer.organisation_id));
  json::object payload{{"offer_id", offer.id},
                       {"outcome", outcome},
                       {"bidders", static_cast<int64_t>(bidders.size())},
                       {"bid_count", state.bid_count},
                       {"label", label}};
  if (outcome == "sold" || outcome == "bought_now") {
    payload["price_band"] = PriceBand(state.price_fen);
  }
  return Append(s, c, events::kItemAuctionClosed, offer, identity::Principal::System().user_id,
                payload);
}

}  // namespace recirc::market
