#include "api/consignment/dto.hpp"

namespace recirc::api::dto {

Consignor Consignor::From(const consignment::ConsignorView& v) {
  Consignor c;
  c.id = v.id;
  c.kind = v.kind;
  c.name_masked = v.name_masked;
  if (v.id_number_masked) c.id_number_masked = *v.id_number_masked;
  if (v.credit_code) c.credit_code = *v.credit_code;
  if (v.phone_masked) c.phone_masked = *v.phone_masked;
  c.balances = {v.balances.payable, v.balances.cash, v.balances.commission, v.balances.fees};
  c.created_at = Time{v.created_at};
  return c;
}

Result<consignment::Agreement> AgreementTerms::ToDomain() const {
  consignment::Agreement a;
  for (const auto& t : split) a.split.push_back({t.from_fen, t.consignor_percent});
  a.period_days = period_days;
  a.grace_days = grace_days.value_or(0);
  RECIRC_TRY(a.expiry_action,
             consignment::ParseExpiryAction(expiry_action, "agreement.expiry_action"));
  a.convert_price_fen = convert_price_fen;
  for (const auto& m : markdowns.value_or(std::vector<MarkdownStep>{})) {
    a.markdowns.push_back({m.after_days, m.percent});
  }
  a.do_not_discount = do_not_discount.value_or(false);
  a.minimum_payout_fen = minimum_payout_fen.value_or(0);
  a.sale_fee_fen = sale_fee_fen.value_or(0);
  return a;
}

AgreementTerms AgreementTerms::From(const consignment::Agreement& a) {
  AgreementTerms t;
  for (const auto& s : a.split) t.split.push_back({s.from_fen, s.consignor_percent});
  t.period_days = a.period_days;
  t.grace_days = a.grace_days;
  t.expiry_action = std::string(consignment::ExpiryActionName(a.expiry_action));
  t.convert_price_fen = a.convert_price_fen;
  t.markdowns.emplace();
  for (const auto& m : a.markdowns) t.markdowns->push_back({m.after_days, m.percent});
  t.do_not_discount = a.do_not_discount;
  t.minimum_payout_fen = a.minimum_payout_fen;
  t.sale_fee_fen = a.sale_fee_fen;
  return t;
}

Result<consignment::IntakeInput> NewConsignment::ToDomain() const {
  consignment::IntakeInput in;
  in.consignor_id = consignor_id;
  in.outlet_id = outlet_id;
  in.channel = channel.value_or("store");
  in.person_matches_id = person_matches_id;
  in.origin_statement = origin_statement;
  in.list_price_fen = list_price_fen;
  RECIRC_TRY(in.agreement, agreement.ToDomain());
  in.item.category = item.category;
  in.item.brand = item.brand;
  in.item.model = item.model;
  for (const auto& i : item.identifiers.value_or(std::vector<ConsignedIdentifier>{})) {
    in.item.identifiers.emplace_back(i.kind, i.value);
  }
  in.item.colour = item.colour;
  in.item.condition = item.condition;
  in.item.quantity = item.quantity.value_or(1);
  return in;
}

ConsignmentAgreement ConsignmentAgreement::From(const consignment::AgreementView& v) {
  ConsignmentAgreement a;
  a.id = v.id;
  a.consignor_id = v.consignor_id;
  a.item_id = v.item_id;
  a.acquisition_id = v.acquisition_id;
  a.terms = AgreementTerms::From(v.terms);
  a.list_price_fen = v.list_price_fen;
  a.markdown_percent = v.markdown_percent;
  a.current_price_fen = v.current_price_fen;
  a.status = v.status;
  a.intake_at = Time{v.intake_at};
  if (v.closed_at) a.closed_at = Time{*v.closed_at};
  return a;
}

ConsignorStatement ConsignorStatement::From(const consignment::Statement& s) {
  ConsignorStatement out;
  out.consignor = Consignor::From(s.consignor);
  for (const auto& a : s.agreements) out.agreements.push_back(ConsignmentAgreement::From(a));
  for (const auto& e : s.entries) {
    LedgerEntry le;
    le.id = e.id;
    le.kind = e.kind;
    if (e.agreement_id) le.agreement_id = *e.agreement_id;
    le.created_at = Time{e.created_at};
    for (const auto& p : e.postings) le.postings.push_back({p.account, p.amount_fen});
    out.entries.push_back(std::move(le));
  }
  return out;
}

}  // namespace recirc::api::dto
