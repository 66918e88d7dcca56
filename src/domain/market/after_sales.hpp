#pragma once
// After-sales: returns within the offer's return window (the returned item's serials compared
// with the dispatch record: any difference is flagged for the operator — swapped-item and
// empty-box fraud; a return without photos when the dispatch had some is flagged photos_missing,
// and the dispatch's photos are copied beside the return's for the operator), warranty claims
// within the agreed warranty, and disputes that the operator settles by a re-inspection compared
// with the recorded report. Time limits run from the order's received_at by the injected clock.

#include <functional>
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

struct WarrantyDecision {
  std::string outcome;          // repair, replace, refund, reject
  std::string note;             // required for reject, optional otherwise
  std::optional<Money> amount;  // refund only
};

class AfterSalesService {
 public:
  AfterSalesService(const MarketContext& c, OrderService& orders,
                    inspection::InspectionService& reports)
      : c_(c), orders_(orders), reports_(reports) {}

  Result<storage::AfterSaleRecord> RequestReturn(const identity::Principal& actor,
                                                 const OrderId& order_id, const ReturnInput& in);
  // The operator accepts the return when the item is back: full refund. A flagged return cannot
  // be accepted without `override_flag` (the operator checked the difference in person).
  // `refund` confirms the refund (all that was paid and not yet refunded).
  Result<storage::AfterSaleRecord> AcceptReturn(const identity::Principal& actor,
                                                const AfterSaleId& id, Money refund,
                                                bool override_flag);
  // The operator refuses a return (the item that came back is not the one sold, or the buyer
  // damaged it): `reason` 1-500 characters, kept with the case for the buyer and the operator
  // but not in the item's public history. The order goes back to received; the buyer may then
  // open a dispute (no second return). after_sales_decisions.cpp.
  Result<storage::AfterSaleRecord> RefuseReturn(const identity::Principal& actor,
                                                const AfterSaleId& id, const std::string& reason);
  // The seller decides a warranty claim once: repair or replace (then CompleteWarranty when the
  // item is handed back), refund (through the order's refund path: `amount` defaults to
  // all that was paid and not yet refunded, never more), or reject (`note` required).
  Result<storage::AfterSaleRecord> DecideWarranty(const identity::Principal& actor,
                                                  const AfterSaleId& id, const WarrantyDecision& d);
  Result<storage::AfterSaleRecord> CompleteWarranty(const identity::Principal& actor,
                                                    const AfterSaleId& id, const std::string& note);
  Result<storage::AfterSaleRecord> ClaimWarranty(const identity::Principal& actor,
                                                 const OrderId& order_id, const std::string& fault);
  // A dispute names the report the sale relied on; it is settled by a re-inspection report
  // (resolution: the reports' differences, computed by the inspection service, are stored).
  Result<storage::AfterSaleRecord> OpenDispute(const identity::Principal& actor,
                                               const OrderId& order_id,
                                               const InspectionReportId& report_id,
                                               const std::string& claim);
  // outcome: refund (full refund) or uphold_sale. The re-inspection report is compared with the
  // disputed one and the differences are stored with the decision.
  Result<storage::AfterSaleRecord> SettleDispute(const identity::Principal& actor,
                                                 const AfterSaleId& id,
                                                 const InspectionReportId& reinspection_report_id,
                                                 const std::string& outcome);
  // The seller organisation's cases (market.manage), newest first, at most 200; `status` is one
  // of the case statuses or empty for all.
  Result<std::vector<storage::AfterSaleRecord>> OfOrganisation(const identity::Principal& actor,
                                                               const std::string& status);
  Result<std::vector<storage::AfterSaleRecord>> OfOrder(const identity::Principal& actor,
                                                        const OrderId& order_id);

 private:
  Result<storage::AfterSaleRecord> Open(const identity::Principal& actor, const OrderId& order_id,
                                        AfterSaleKind kind, boost::json::object details,
                                        bool flagged);
  // Finds the case of `kind` and runs `fn` on it and its locked order in one transaction; a
  // case of another organisation's order reads as not found. `fn` updates the case.
  using CaseFn = std::function<Status(storage::Session&, storage::OrderRecord&,
                                      storage::AfterSaleRecord&, boost::json::object&)>;
  Result<storage::AfterSaleRecord> Decide(const identity::Principal& actor, const AfterSaleId& id,
                                          AfterSaleKind kind, const CaseFn& fn);
  const MarketContext& c_;
  OrderService& orders_;
  inspection::InspectionService& reports_;
};

// The order a case belongs to, as the typed id the order service takes.
Result<OrderId> OrderOf(const storage::AfterSaleRecord& r);

// Serials that differ between dispatch and return (each side's extra ones), sorted.
std::vector<std::string> SerialDifferences(const std::vector<std::string>& dispatched,
                                           const std::vector<std::string>& returned);

}  // namespace recirc::market
