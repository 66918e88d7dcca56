#pragma once
// The JSON of an after-sales case, shared by the market routes (requests, returns accepted,
// disputes) and the after-sales decision routes.
#include <boost/json.hpp>

#include "storage/market/market_repository.hpp"

namespace recirc::api {

// dto::AfterSale (api/market/dto.hpp): {id, order_id, kind, status, flagged, details,
// created_at, decided_at}. `details` is the
// case's own record: what the buyer asked for and, once decided, the decision (a refused
// return's refusal_reason; a warranty claim's outcome, note, refund_fen, completion_note,
// completed_at; a dispute's outcome and differences).
boost::json::object AfterSaleJson(const storage::AfterSaleRecord& a);

}  // namespace recirc::api
