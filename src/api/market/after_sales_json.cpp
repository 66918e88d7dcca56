#include "api/market/after_sales_json.hpp"

#include "api/market/after_sales_dto.hpp"
#include "api/market/dto.hpp"

namespace recirc::api {

namespace dto {

AfterSale AfterSale::From(const storage::AfterSaleRecord& a) {
  std::optional<Time> decided;
  if (a.decided_at) decided = Time{*a.decided_at};
  return {a.id,
          a.order_id,
          recirc::ToString(a.kind),
          recirc::ToString(a.status),
          a.flagged,
          boost::json::parse(a.details),
          Time{a.created_at},
          decided};
}

namespace {
std::optional<Time> OptTime(const std::optional<int64_t>& ms) {
  if (!ms) return std::nullopt;
  return Time{*ms};
}
}  // namespace

Offer Offer::From(const storage::OfferRecord& o) {
  Offer out;
  out.id = o.id;
  out.item_id = o.item_id;
  out.organisation_id = o.organisation_id;
  out.sale_mode = recirc::ToString(o.sale_mode);
  out.channel = recirc::ToString(o.channel);
  out.outlet_id = o.outlet_id;
  out.title = o.title;
  out.description = o.description;
  out.price_fen = o.price_fen;
  out.warranty_months = o.warranty_months;
  out.return_days = o.return_days;
  out.best_offer.enabled = o.best_offer;
  out.best_offer.auto_accept_fen = o.auto_accept_fen;
  out.best_offer.auto_decline_fen = o.auto_decline_fen;
  out.mode_terms = boost::json::parse(o.mode_terms);
  out.status = recirc::ToString(o.status);
  out.disclosure_version = o.disclosure_version;
  out.created_at = Time{o.created_at};
  out.published_at = OptTime(o.published_at);
  return out;
}

ListingBlock ListingBlock::From(const storage::ListingBlockRecord& b) {
  return {b.id,
          b.offer_id,
          b.item_id,
          b.organisation_id,
          b.region_code,
          b.rule_id,
          b.reason,
          recirc::ToString(b.status),
          b.appeal,
          OptTime(b.appealed_at),
          b.decision_note,
          OptTime(b.decided_at),
          Time{b.created_at}};
}

Order Order::From(const storage::OrderRecord& o) {
  Order out;
  out.id = o.id;
  out.offer_id = o.offer_id;
  out.item_id = o.item_id;
  out.organisation_id = o.organisation_id;
  if (!o.buyer_ref.empty()) {
    out.buyer_ref = o.buyer_ref;
  } else {
    out.buyer_user_id = o.created_by;
  }
  out.price_fen = o.price_fen;
  out.disclosure_version = o.disclosure_version;
  out.disclosure_accepted_at = Time{o.disclosure_accepted_at};
  out.provider = o.provider;
  out.simulated = o.provider == "simulated";
  out.payment_ref = o.payment_ref;
  out.state = recirc::ToString(o.state);
  out.paid_fen = o.paid_fen;
  out.refunded_fen = o.refunded_fen;
  if (o.dispatch) out.dispatch = boost::json::parse(*o.dispatch);
  out.received_at = OptTime(o.received_at);
  out.warranty_months = o.warranty_months;
  out.return_days = o.return_days;
  out.created_at = Time{o.created_at};
  return out;
}

}  // namespace dto

boost::json::object AfterSaleJson(const storage::AfterSaleRecord& a) {
  return boost::json::value_from(dto::AfterSale::From(a)).as_object();
}

}  // namespace recirc::api
