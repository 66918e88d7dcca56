#include "api/registry/acquisition_dto.hpp"

namespace recirc::api::dto {

namespace json = boost::json;

namespace {
json::value Opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

registry::CorrectionInput NewCorrection::ToDomain() const {
  registry::CorrectionInput in;
  in.reason = reason;
  in.price_fen = price_fen;
  if (item) {
    in.category = item->category;
    in.brand = item->brand;
    in.model = item->model;
    in.colour = item->colour;
    in.condition = item->condition;
    in.quantity = item->quantity;
    if (item->identifiers) {
      in.identifiers.assign(item->identifiers->begin(), item->identifiers->end());
    }
  }
  return in;
}

Acquisition Acquisition::From(const registry::AcquisitionView& v) {
  Acquisition out;
  out.id = v.receipt.id;
  out.number = v.receipt.number;
  out.item_id = v.receipt.item_id;
  out.status = recirc::ToString(v.receipt.status);
  out.created_at = Time{v.receipt.created_at};
  out.outlet_id = v.outlet_id;
  out.kind = v.kind;
  out.channel = v.channel;
  out.price_fen = v.price_fen;
  out.payment_method = v.payment_method;
  out.item = {v.category, v.brand, v.model, v.colour, v.condition, v.quantity, {}};
  for (const auto& identifier : v.identifiers) {
    const std::string& kind = identifier.first;
    const std::string& value = identifier.second;
    auto slot = std::find_if(out.item.identifiers.begin(), out.item.identifiers.end(),
                             [&](const auto& kv) { return kv.first == kind; });
    if (slot == out.item.identifiers.end()) {
      out.item.identifiers.emplace_back(kind, std::vector<std::string>{});
      slot = std::prev(out.item.identifiers.end());
    }
    slot->second.push_back(value);
  }
  out.sellable = v.sellability.sellable;
  if (!v.sellability.sellable) out.not_sellable_reason = v.sellability.reason;
  for (const auto& h : v.sellability.holds) {
    HoldView hold{h.kind == registry::kScreeningHold ? "verification" : h.kind, h.active,
                  std::nullopt, std::nullopt};
    if (h.until) hold.until = Time{*h.until};
    if (h.released_at) hold.released_at = Time{*h.released_at};
    out.holds.push_back(std::move(hold));
  }
  for (const auto& c : v.corrections) {
    json::array changes;
    for (const auto& ch : c.changes) {
      changes.push_back(
          {{"field", ch.field}, {"old", Opt(ch.old_value)}, {"new", Opt(ch.new_value)}});
    }
    out.corrections.push_back(
        {c.id, v.receipt.id, c.staff_id, c.reason, std::move(changes), Time{c.created_at}});
  }
  return out;
}

AcquisitionPage AcquisitionPage::From(const registry::AcquisitionPage& page) {
  AcquisitionPage out;
  for (const auto& a : page.items) {
    out.items.push_back({a.receipt.id,
                         a.receipt.number,
                         a.receipt.item_id,
                         recirc::ToString(a.receipt.status),
                         Time{a.receipt.created_at},
                         a.outlet_id,
                         a.kind,
                         a.channel,
                         a.price_fen,
                         {a.category, a.brand, a.model}});
  }
  out.next_cursor = page.next_cursor;
  return out;
}

}  // namespace recirc::api::dto
