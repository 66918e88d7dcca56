#include "api/market/after_sales_json.hpp"

#include "core/clock.hpp"

namespace recirc::api {

boost::json::object AfterSaleJson(const storage::AfterSaleRecord& a) {
  namespace json = boost::json;
  return {{"id", a.id},
          {"order_id", a.order_id},
          {"kind", a.kind},
          {"status", ToString(a.status)},
          {"flagged", a.flagged},
          {"details", json::parse(a.details)},
          {"created_at", FormatRfc3339(FromUnixMillis(a.created_at))},
          {"decided_at", a.decided_at ? json::value(FormatRfc3339(FromUnixMillis(*a.decided_at)))
                                      : json::value(nullptr)}};
}

}  // namespace recirc::api
