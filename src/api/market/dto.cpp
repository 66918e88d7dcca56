// The market DTOs' mapping from and to the domain (offer terms, publication, best offers).
#include "api/market/dto.hpp"
#include "api/market/auction_dto.hpp"

namespace recirc::api::dto {

market::OfferTerms NewOffer::ToDomain() const {
  market::OfferTerms t;
  t.item_id = item_id;
  if (sale_mode) t.sale_mode = *sale_mode;
  t.channel = channel;
  t.outlet_id = outlet_id;
  t.title = title;
  t.description = description.value_or("");
  t.price_fen = price_fen;
  t.warranty_months = warranty_months;
  t.return_days = return_days;
  if (best_offer) {
    t.best_offer.enabled = best_offer->enabled;
    t.best_offer.auto_accept_fen = best_offer->auto_accept_fen;
    t.best_offer.auto_decline_fen = best_offer->auto_decline_fen;
  }
  return t;
}

Result<market::auction::AuctionTerms> NewAuctionTerms::ToDomain(int64_t start_fen) const {
  constexpr int64_t kMaxMinutes = int64_t{24} * 60;
  const int64_t soft_close = soft_close_minutes.value_or(0);
  const int64_t extension = extension_minutes.value_or(0);
  if (soft_close < 0 || soft_close > kMaxMinutes) {
    return Error::InvalidArgument("auction.soft_close_minutes",
                                  "auction.soft_close_minutes: 0 to 1440");
  }
  if (extension < 0 || extension > kMaxMinutes) {
    return Error::InvalidArgument("auction.extension_minutes",
                                  "auction.extension_minutes: 0 to 1440");
  }
  market::auction::AuctionTerms t;
  t.start_fen = start_fen;
  t.reserve_fen = reserve_fen;
  t.buy_it_now_fen = buy_it_now_fen;
  t.ends_at = FromUnixMillis(ends_at.unix_ms);
  t.soft_close.window = std::chrono::minutes(soft_close);
  t.soft_close.extension = std::chrono::minutes(extension);
  if (hard_stop) t.soft_close.hard_stop = FromUnixMillis(hard_stop->unix_ms);
  return t;
}

AuctionState AuctionState::From(const market::AuctionView& v) {
  AuctionState out;
  out.offer_id = v.offer_id;
  out.phase = v.phase;
  out.price_fen = v.price_fen;
  out.bid_count = v.bid_count;
  out.min_next_fen = v.min_next_fen;
  out.ends_at = {v.ends_at};
  out.reserve_met = v.reserve_met;
  if (v.buy_it_now_fen) out.buy_it_now_fen.emplace(*v.buy_it_now_fen);
  if (v.winning) out.winning.emplace(*v.winning);
  if (v.your_max_fen) out.your_max_fen.emplace(*v.your_max_fen);
  if (v.your_bid_seq) out.your_bid_seq.emplace(*v.your_bid_seq);
  if (v.order_id) out.order_id.emplace(*v.order_id);
  out.label = v.label;
  return out;
}

PublishResult PublishResult::From(const market::PublishResult& r) {
  PublishResult out{Offer::From(r.offer), std::nullopt};
  if (r.block) out.block = ListingBlock::From(*r.block);
  return out;
}

BestOffer BestOffer::From(const storage::BestOfferRecord& b) {
  return {b.id,
          b.offer_id,
          b.buyer_ref,
          b.amount_fen,
          b.counter_fen,
          recirc::ToString(b.status),
          Time{b.expires_at},
          Time{b.created_at}};
}

MyBestOffer MyBestOffer::From(const storage::BuyerBestOfferRecord& r) {
  MyBestOffer out;
  static_cast<BestOffer&>(out) = BestOffer::From(r.best);
  out.offer_title = r.offer_title;
  out.offer_price_fen = r.offer_price_fen;
  return out;
}

ProhibitedRules ProhibitedRules::From(const market::ProhibitedRules& set) {
  ProhibitedRules out;
  out.version = set.version();
  for (const auto& r : set.rules()) {
    ProhibitedRule rule{r.id,
                        r.basis,
                        r.categories,
                        r.channels,
                        {r.keywords_zh, r.keywords_en},
                        std::nullopt,
                        {r.reason_zh, r.reason_en}};
    if (!r.signal.empty()) rule.signal = r.signal;
    out.rules.push_back(std::move(rule));
  }
  return out;
}

OrderPhoto OrderPhoto::From(const storage::OrderPhotoRecord& r) {
  return {r.sha256,
          "sha256:" + r.sha256,
          r.stage,
          r.media_type,
          r.size_bytes,
          Time{r.created_at},
          "/api/v1/orders/" + r.order_id + "/photos/" + r.sha256};
}

}  // namespace recirc::api::dto
