#include "domain/market/after_sales.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "core/id.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/market/events.hpp"
#include "domain/market/order_photos.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;
using identity::Permission;

Error Rule(std::string_view rule, const std::string& text) { return RuleError(rule, text); }

constexpr int64_t kDayMs = int64_t{24} * 60 * 60 * 1000;
// Warranty months are counted as 30 days each.
constexpr int64_t kMonthMs = 30 * kDayMs;

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& x : v) a.push_back(json::string(x));
  return a;
}

std::vector<std::string> FromJson(const json::value& v) {
  std::vector<std::string> out;
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_string()) out.emplace_back(x.as_string());
  }
  return out;
}

Status AppendItem(storage::Session& s, const MarketContext& c, const identity::Principal& actor,
                  const storage::OrderRecord& o, const EventType& type,
                  const json::object& payload) {
  RECIRC_TRY(int64_t seq, c.journal.Append(s, {type, o.item_id, o.organisation_id, actor.user_id,
                                               json::serialize(payload)}));
  (void)seq;
  return Ok();
}

// The event that opens an after-sale case of `kind`.
const EventType& RequestedEvent(AfterSaleKind kind) {
  switch (kind) {
    case AfterSaleKind::kReturn:
      return events::kItemReturnRequested;
    case AfterSaleKind::kWarranty:
      return events::kItemWarrantyRequested;
    case AfterSaleKind::kDispute:
      break;
  }
  return events::kItemDisputeRequested;
}

}  // namespace

std::vector<std::string> SerialDifferences(const std::vector<std::string>& dispatched,
                                           const std::vector<std::string>& returned) {
  std::vector<std::string> a = dispatched, b = returned, out;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

Result<OrderId> OrderOf(const storage::AfterSaleRecord& r) {
  return OrderId::Parse(r.order_id, "order_id");
}

Result<storage::AfterSaleRecord> AfterSalesService::Open(const identity::Principal& actor,
                                                         const OrderId& order_id,
                                                         AfterSaleKind kind, json::object details,
                                                         bool flagged) {
  const EventType& requested = RequestedEvent(kind);
  storage::AfterSaleRecord r{Id::Generate(c_.clock, c_.random).ToString(),
                             order_id.ToString(),
                             kind,
                             AfterSaleStatus::kOpen,
                             "",
                             flagged,
                             ToUnixMillis(c_.clock.Now()),
                             std::nullopt};
  const int64_t now = r.created_at;
  RECIRC_TRY(
      auto order,
      orders_.Mutate(actor, order_id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
        if (!ActsForBuyer(actor, o)) {
          return Error::PermissionDenied("not_your_order: after-sales requests are the buyer's");
        }
        if (!o.received_at ||
            (o.state != OrderState::kReceived && o.state != OrderState::kSettled)) {
          return Rule("order_state",
                      "the order is " + ToString(o.state) + "; after-sales start once received");
        }
        if (kind == AfterSaleKind::kReturn) {
          if (o.state != OrderState::kReceived) {
            return Rule("order_state",
                        "the order is " + ToString(o.state) + "; returns end at settlement");
          }
          RECIRC_TRY(auto earlier, c_.repo.AfterSalesOf(s, o.id));
          for (const auto& e : earlier) {
            if (e.kind == AfterSaleKind::kReturn && e.status == AfterSaleStatus::kRefused) {
              return Rule("return_refused",
                          "a return of this order was refused; open a dispute instead");
            }
          }
          if (now - *o.received_at > o.return_days * kDayMs) {
            return Rule("return_window_closed",
                        "returns are taken within " + std::to_string(o.return_days) + " days");
          }
          const json::value dispatch = json::parse(o.dispatch.value_or("{}"));
          const auto differences = SerialDifferences(
              FromJson(dispatch.as_object().contains("serials") ? dispatch.as_object().at("serials")
                                                                : json::value()),
              FromJson(details.at("serials")));
          // The return's photos are its buyer's uploads; shown beside the dispatch's (no image
          // similarity is computed): a return without photos of an item dispatched with some
          // is flagged photos_missing.
          const auto returned_photos = FromJson(details.at("photos"));
          RECIRC_CHECK(CheckOrderPhotoRefs(s, c_.repo, o.id, kStageReturn, returned_photos));
          const auto dispatch_photos =
              FromJson(dispatch.as_object().contains("photos") ? dispatch.as_object().at("photos")
                                                               : json::value());
          const bool photos_missing = returned_photos.empty() && !dispatch_photos.empty();
          flagged = !differences.empty() || photos_missing;
          r.flagged = flagged;
          details["serial_differences"] = Strings(differences);
          details["dispatch_photos"] = Strings(dispatch_photos);
          details["photos_missing"] = photos_missing;
          o.state = OrderState::kReturnRequested;
        } else if (kind == AfterSaleKind::kWarranty) {
          if (now - *o.received_at > o.warranty_months * kMonthMs) {
            return Rule(
                "warranty_expired",
                "the warranty was " + std::to_string(o.warranty_months) + " months from receipt");
          }
        } else if (kind == AfterSaleKind::kDispute) {
          if (o.state == OrderState::kSettled &&
              now - *o.received_at > o.warranty_months * kMonthMs) {
            return Rule("dispute_too_late", "disputes after settlement run within the warranty");
          }
        }
        r.details = json::serialize(details);
        RECIRC_CHECK(c_.repo.InsertAfterSale(s, r));
        json::object event{{"after_sale_id", r.id}, {"kind", ToString(kind)}};
        if (kind == AfterSaleKind::kReturn) {
          event["serial_mismatch"] = !details.at("serial_differences").as_array().empty();
          event["photos_missing"] = details.at("photos_missing");
        }
        return AppendItem(s, c_, actor, o, requested, event);
      }));
  (void)order;
  return r;
}

Result<storage::AfterSaleRecord> AfterSalesService::RequestReturn(const identity::Principal& actor,
                                                                  const OrderId& order_id,
                                                                  const ReturnInput& in) {
  if (in.serials.empty()) {
    return Error::InvalidArgument("serials", "the serials read from the returned item");
  }
  for (size_t i = 0; i < in.photos.size(); ++i) {
    RECIRC_CHECK(CheckPhotoRef(in.photos[i], "photos[" + std::to_string(i) + "]"));
  }
  RECIRC_CHECK(identity::CheckText(in.reason, "reason", 2000));
  return Open(
      actor, order_id, AfterSaleKind::kReturn,
      {{"serials", Strings(in.serials)}, {"photos", Strings(in.photos)}, {"reason", in.reason}},
      false);
}

Result<storage::AfterSaleRecord> AfterSalesService::ClaimWarranty(const identity::Principal& actor,
                                                                  const OrderId& order_id,
                                                                  const std::string& fault) {
  RECIRC_CHECK(identity::CheckText(fault, "fault", 2000));
  return Open(actor, order_id, AfterSaleKind::kWarranty, {{"fault", fault}}, false);
}

Result<storage::AfterSaleRecord> AfterSalesService::OpenDispute(const identity::Principal& actor,
                                                                const OrderId& order_id,
                                                                const InspectionReportId& report_id,
                                                                const std::string& claim) {
  RECIRC_CHECK(identity::CheckText(claim, "claim", 2000));
  RECIRC_TRY(auto order, orders_.Get(actor, order_id));
  auto report = reports_.Get(report_id);
  if (!report || report->report.at("item").at("id") != json::value(order.item_id)) {
    return Error::InvalidArgument("report_id", "report_id names an inspection report of the item");
  }
  return Open(actor, order_id, AfterSaleKind::kDispute,
              {{"report_id", report_id.ToString()}, {"claim", claim}}, false);
}

Result<storage::AfterSaleRecord> AfterSalesService::AcceptReturn(const identity::Principal& actor,
                                                                 const AfterSaleId& id,
                                                                 Money refund, bool override_flag) {
  const int64_t refund_fen = refund.fen();
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot accept returns");
  }
  RECIRC_TRY(auto found, storage::ReadValue<std::optional<storage::AfterSaleRecord>>(
                             c_.db, [&](storage::Session& s) {
                               return c_.repo.FindAfterSale(s, id.ToString());
                             }));
  if (!found || found->kind != AfterSaleKind::kReturn)
    return Error::NotFound("return " + id.ToString() + " not found");
  storage::AfterSaleRecord r = *found;
  RECIRC_TRY(auto order_id, OrderOf(r));
  RECIRC_TRY(
      auto order,
      orders_.Mutate(actor, order_id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
        if (!actor.InOrganisation(o.organisation_id)) return Error::NotFound("return not found");
        RECIRC_TRY(auto current, c_.repo.FindAfterSale(s, id.ToString()));
        if (current->status != AfterSaleStatus::kOpen) {
          return Error::Conflict("return_not_open: the return is " + ToString(current->status));
        }
        if (current->flagged && !override_flag) {
          const json::object flags = json::parse(current->details).as_object();
          const auto* missing = flags.if_contains("photos_missing");
          const auto* serials = flags.if_contains("serial_differences");
          const bool only_photos =
              missing && missing->is_bool() && missing->as_bool() &&
              (!serials || !serials->is_array() || serials->as_array().empty());
          if (only_photos) {
            return Rule("photos_missing",
                        "the return has no photos but the dispatch record has; check the item "
                        "in person and accept with override_flag, or refuse");
          }
          return Rule("serial_mismatch",
                      "the returned serials differ from the dispatch record; check the item in "
                      "person and accept with override_flag, or refuse");
        }
        if (refund_fen != o.paid_fen - o.refunded_fen) {
          return Error::InvalidArgument(
              "refund_fen",
              "the return refunds " + std::to_string(o.paid_fen - o.refunded_fen) + " fen");
        }
        r.status = AfterSaleStatus::kAccepted;
        r.decided_at = ToUnixMillis(c_.clock.Now());
        RECIRC_CHECK(c_.repo.UpdateAfterSale(s, r));
        return orders_.RefundLocked(s, actor, o, Money::Fen(o.paid_fen - o.refunded_fen));
      }));
  (void)order;
  return r;
}

Result<storage::AfterSaleRecord> AfterSalesService::SettleDispute(
    const identity::Principal& actor, const AfterSaleId& id,
    const InspectionReportId& reinspection_report_id, const std::string& outcome) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot settle disputes");
  }
  if (outcome != "refund" && outcome != "uphold_sale") {
    return Error::InvalidArgument("outcome", "outcome is refund or uphold_sale");
  }
  RECIRC_TRY(auto found, storage::ReadValue<std::optional<storage::AfterSaleRecord>>(
                             c_.db, [&](storage::Session& s) {
                               return c_.repo.FindAfterSale(s, id.ToString());
                             }));
  if (!found || found->kind != AfterSaleKind::kDispute)
    return Error::NotFound("dispute " + id.ToString() + " not found");
  // Another organisation's dispute is not found before any report is looked at.
  RECIRC_TRY(auto disputed_id, OrderOf(*found));
  RECIRC_TRY(auto disputed, orders_.Get(actor, disputed_id));
  if (!ActsForSeller(actor, disputed))
    return Error::NotFound("dispute " + id.ToString() + " not found");
  json::object details = json::parse(found->details).as_object();
  RECIRC_TRY(auto disputed_report,
             InspectionReportId::Parse(details.at("report_id").as_string(), "report_id"));
  auto diff = reports_.Compare(reinspection_report_id, disputed_report);
  if (!diff) {
    Error e = diff.error();
    e.field = "reinspection_report_id";
    return e;
  }
  json::array differences;
  for (const auto& d : *diff) {
    differences.push_back(
        {{"what", d.what}, {"id", d.id}, {"before", d.before}, {"after", d.after}});
  }
  details["reinspection_report_id"] = reinspection_report_id.ToString();
  details["differences"] = differences;
  details["outcome"] = outcome;
  storage::AfterSaleRecord r = *found;
  RECIRC_TRY(auto order_id, OrderOf(r));
  RECIRC_TRY(
      auto order,
      orders_.Mutate(actor, order_id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
        if (!actor.InOrganisation(o.organisation_id)) return Error::NotFound("dispute not found");
        RECIRC_TRY(auto current, c_.repo.FindAfterSale(s, id.ToString()));
        if (current->status != AfterSaleStatus::kOpen)
          return Rule("dispute_not_open", "the dispute is " + ToString(current->status));
        r.status = AfterSaleStatus::kResolved;
        r.details = json::serialize(details);
        r.decided_at = ToUnixMillis(c_.clock.Now());
        RECIRC_CHECK(c_.repo.UpdateAfterSale(s, r));
        RECIRC_CHECK(AppendItem(s, c_, actor, o, events::kItemDisputeSettled,
                                {{"after_sale_id", r.id},
                                 {"outcome", outcome},
                                 {"differences", static_cast<int64_t>(differences.size())}}));
        if (outcome == "refund")
          return orders_.RefundLocked(s, actor, o, Money::Fen(o.paid_fen - o.refunded_fen));
        return Ok();
      }));
  (void)order;
  return r;
}

Result<std::vector<storage::AfterSaleRecord>> AfterSalesService::OfOrder(
    const identity::Principal& actor, const OrderId& order_id) {
  RECIRC_TRY(auto order, orders_.Get(actor, order_id));
  return storage::ReadValue<std::vector<storage::AfterSaleRecord>>(
      c_.db, [&](storage::Session& s) { return c_.repo.AfterSalesOf(s, order.id); });
}

}  // namespace recirc::market
