// The market DTOs' mapping from and to the domain (offer terms, publication, best offers).
#include "api/market/dto.hpp"

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
