#include "api/registry/dto.hpp"

#include <boost/json/parse.hpp>

namespace recirc::api::dto {

registry::AcquisitionInput NewAcquisition::ToDomain() const {
  registry::AcquisitionInput in;
  in.outlet_id = outlet_id;
  in.kind = kind;
  in.channel = channel;
  in.price_fen = price_fen;
  in.payment_method = payment_method;
  in.person_matches_id = person_matches_id;
  in.origin_statement = origin_statement;
  in.origin_acquired_year = origin_acquired_year;
  in.seller = {seller.kind,        seller.name,  seller.id_type, seller.id_number,
               seller.credit_code, seller.phone, seller.address, std::nullopt};
  if (seller.agent) {
    const Agent& a = *seller.agent;
    in.seller.agent =
        registry::AgentInput{a.name, a.id_type, a.id_number, a.phone, a.address, a.authority};
  }
  in.item.category = item.category;
  in.item.brand = item.brand;
  in.item.model = item.model;
  if (item.identifiers)
    in.item.identifiers.assign(item.identifiers->begin(), item.identifiers->end());
  in.item.colour = item.colour;
  in.item.condition = item.condition;
  in.item.quantity = item.quantity.value_or(1);
  return in;
}

AcquisitionReceipt AcquisitionReceipt::From(const registry::AcquisitionReceipt& r) {
  return {
      r.id, r.number, r.item_id, recirc::ToString(r.status), r.photo_required, Time{r.created_at}};
}

registry::WatchlistInput NewWatchlistEntry::ToDomain() const {
  registry::WatchlistInput in;
  in.identifier_kind = identifier_kind;
  in.identifier_value = identifier_value;
  if (status) in.status = *status;
  in.note = note;
  return in;
}

OwnWatchlistEntry OwnWatchlistEntry::From(const storage::WatchlistRecord& e) {
  return {
      e.id,   e.source,          e.identifier_kind, e.identifier_value, recirc::ToString(e.status),
      e.note, Time{e.created_at}};
}

Alert Alert::From(const storage::AlertRecord& a) {
  Alert out;
  out.id = a.id;
  out.acquisition_id = a.acquisition_id;
  out.item_id = a.item_id;
  out.region_code = a.region_code;
  out.score = a.score;
  out.reasons = boost::json::parse(a.reasons);
  out.status = recirc::ToString(a.status);
  out.created_at = Time{a.created_at};
  if (a.decided_at) out.decided_at = Time{*a.decided_at};
  out.decision_note = a.decision_note;
  return out;
}

Alert Alert::From(const registry::AlertView& v) {
  Alert out = From(v.alert);
  std::vector<ItemIdentifier> identifiers;
  for (const auto& [kind, value] : v.identifiers) identifiers.push_back({kind, value});
  out.item.emplace(AlertItem{v.item.category, v.item.brand, v.item.model,
                             recirc::ToString(v.item.status), std::move(identifiers)});
  out.acquisition.emplace(AlertAcquisition{v.acquisition.organisation_id, v.acquisition.outlet_id,
                                           v.outlet_name, v.acquisition.number, v.acquisition.kind,
                                           v.acquisition.price_fen});
  return out;
}

}  // namespace recirc::api::dto
