#pragma once
// An English auction in the item's public history, and the name it may be sold under.
//
// item.auction_opened (written when the auction's offer is published) and item.auction_closed
// (written by AuctionService when it ends the auction) are public leaves (events.hpp): the start
// and the hammer price only as bands (PriceBand), the number of distinct bidders and of standing
// bids, the label; never a bidder, a maximum or the reserve. Both run inside the caller's
// transaction, next to the state change they record.
//
// The label (DOMAIN.md "Business formats"): "auction" (拍卖) only when the operator organisation
// is recorded as a licensed auction enterprise (IdentityPort::IsLicensedAuctioneer), otherwise
// "bidding" (竞价).

#include <span>
#include <string>
#include <string_view>

#include "domain/market/auction_engine.hpp"
#include "domain/market/offer_service.hpp"

namespace recirc::market {

inline constexpr std::string_view kLabelAuction = "auction";  // 拍卖
inline constexpr std::string_view kLabelBidding = "bidding";  // 竞价

Result<std::string> AuctionLabel(storage::Session& s, const MarketContext& c,
                                 const std::string& organisation_id);

// `offer` is an english_auction offer being published by `actor`.
Status AppendAuctionOpened(storage::Session& s, const MarketContext& c,
                           const identity::Principal& actor, const storage::OfferRecord& offer);

// `outcome` is the auction row's (sold, unsold, bought_now, item_held, not_published); the price
// band is written only when the item was sold (sold, bought_now).
Status AppendAuctionClosed(storage::Session& s, const MarketContext& c,
                           const storage::OfferRecord& offer, const std::string& outcome,
                           const auction::AuctionState& state, std::span<const auction::Bid> bids);

}  // namespace recirc::market
