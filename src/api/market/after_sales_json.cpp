#include "api/market/after_sales_json.hpp"

#include "api/market/dto.hpp"

namespace recirc::api {

namespace dto {

AfterSale AfterSale::From(const storage::AfterSaleRecord& a) {
  std::optional<Time> decided;
  if (a.decided_at) decided = Time{*a.decided_at};
  return {a.id,
          a.order_id,
          a.kind,
          a.status,
          a.flagged,
          boost::json::parse(a.details),
          Time{a.created_at},
          decided};
}

}  // namespace dto

boost::json::object AfterSaleJson(const storage::AfterSaleRecord& a) {
  return boost::json::value_from(dto::AfterSale::From(a)).as_object();
}

}  // namespace recirc::api
