#include "api/registry/dto.hpp"

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

}  // namespace recirc::api::dto
