#include "api/registry/police_dto.hpp"

#include <boost/json/parse.hpp>

namespace recirc::api::dto {

Seller Seller::From(const registry::SellerDetails& d) {
  Seller out{d.kind,        d.name,  d.origin_statement, d.masked,    d.id_type, d.id_number,
             d.credit_code, d.phone, d.address,          std::nullopt};
  if (d.agent_name) {
    out.agent = SellerAgentView{d.agent_name, d.agent_id_type, d.agent_id_number, d.agent_phone,
                                d.agent_authority};
  }
  return out;
}

AccessAuditEntry AccessAuditEntry::From(const registry::AccessAuditView& v) {
  const auto& e = v.entry;
  return {e.id,
          e.viewer_id,
          v.viewer_username,
          v.viewer_display_name,
          e.viewer_organisation_id,
          e.acquisition_id,
          e.reason,
          Time{e.viewed_at},
          {v.item.category, v.item.brand, v.item.model},
          {v.acquisition.outlet_id, v.acquisition.number, v.acquisition.region_code}};
}

NearMiss NearMiss::From(const registry::NearMissView& v) {
  const auto& e = v.near_miss;
  NearMiss out{e.id,
               e.acquisition_id,
               e.item_id,
               e.region_code,
               e.score,
               boost::json::parse(e.reasons),
               Time{e.created_at},
               {v.item.category, v.item.brand, v.item.model, {}},
               {v.acquisition.outlet_id, v.acquisition.number}};
  for (const auto& [kind, value] : v.identifiers) out.item.identifiers.push_back({kind, value});
  return out;
}

Photo Photo::From(const storage::PhotoRecord& r) {
  return {r.sha256,
          r.kind,
          r.media_type,
          r.size_bytes,
          r.encrypted,
          Time{r.created_at},
          "/api/v1/acquisitions/" + r.acquisition_id + "/photos/" + r.sha256};
}

}  // namespace recirc::api::dto
