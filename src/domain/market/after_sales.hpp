#pragma once
// After-sales: returns within the offer's return window (the returned item's serials compared
// with the dispatch record: any difference is flagged for the operator — swapped-item and
// empty-box fraud; a return without photos when the dispatch had some is flagged photos_missing,
// and the dispatch's photos are copied beside the return's for the operator), warranty claims
// within the agreed warranty, and disputes that the operator settles by a re-inspection compared
// with the recorded report. Time limits run from the order's received_at by the injected clock.

#include <optional>
#include <string>
#include <vector>

#include "domain/inspection/report_service.hpp"
#include "domain/market/order_service.hpp"

namespace recirc::market {

struct ReturnInput {
  std::vector<std::string> serials;  // as read from the item that came back
  std::vector<std::string> photos;   // sha256:<hex> of photos uploaded at stage return
  std::string reason;
};

class AfterSalesService {
 public:
  AfterSalesService(const MarketContext& c, OrderService& orders,
                    inspection::InspectionService& reports)
      : c_(c), orders_(orders), reports_(reports) {}

  Result<storage::AfterSaleRecord> RequestReturn(const identity::Principal& actor,
                                                 const std::string& order_id,
                                                 const ReturnInput& in);
  // The operator accepts the return when the item is back: full refund. A flagged return cannot
  // be accepted without `override_flag` (the operator checked the difference in person).
  // `refund_fen` confirms the refund (all that was paid and not yet refunded).
  Result<storage::AfterSaleRecord> AcceptReturn(const identity::Principal& actor,
                                                const std::string& id, int64_t refund_fen,
                                                bool override_flag);
  Result<storage::AfterSaleRecord> ClaimWarranty(const identity::Principal& actor,
                                                 const std::string& order_id,
                                                 const std::string& fault);
  // A dispute names the report the sale relied on; it is settled by a re-inspection report
  // (resolution: the reports' differences, computed by the inspection service, are stored).
  Result<storage::AfterSaleRecord> OpenDispute(const identity::Principal& actor,
                                               const std::string& order_id,
                                               const std::string& report_id,
                                               const std::string& claim);
  // outcome: refund (full refund) or uphold_sale. The re-inspection report is compared with the
  // disputed one and the differences are stored with the decision.
  Result<storage::AfterSaleRecord> SettleDispute(const identity::Principal& actor,
                                                 const std::string& id,
                                                 const std::string& reinspection_report_id,
                                                 const std::string& outcome);
  Result<std::vector<storage::AfterSaleRecord>> OfOrder(const identity::Principal& actor,
                                                        const std::string& order_id);

 private:
  Result<storage::AfterSaleRecord> Open(const identity::Principal& actor,
                                        const std::string& order_id, const std::string& kind,
                                        boost::json::object details, bool flagged);
  const MarketContext& c_;
  OrderService& orders_;
  inspection::InspectionService& reports_;
};

// Serials that differ between dispatch and return (each side's extra ones), sorted.
std::vector<std::string> SerialDifferences(const std::vector<std::string>& dispatched,
                                           const std::vector<std::string>& returned);

}  // namespace recirc::market
