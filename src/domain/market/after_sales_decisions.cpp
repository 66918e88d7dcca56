// The seller's after-sales decisions: refusing a return, deciding a warranty claim (repair,
// replace, refund, reject) and completing a repair or replacement. Each runs under the order's
// row lock and re-reads the case there, so two decisions on one case give one decision and one
// Conflict. The item's public history gets the outcome only: never the buyer, the refusal
// reason or the note (free text that may name people), and a refund as a price band.
#include <boost/json.hpp>

#include <algorithm>
#include <iterator>

#include "core/clock.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/market/after_sales.hpp"
#include "domain/market/events.hpp"
#include "domain/market/offer.hpp"

namespace recirc::market {
namespace {

namespace json = boost::json;
using identity::Permission;

constexpr size_t kReasonMax = 500;
constexpr size_t kNoteMax = 2000;

Status AppendItem(storage::Session& s, const MarketContext& c, const identity::Principal& actor,
                  const storage::OrderRecord& o, const EventType& type,
                  const json::object& payload) {
  RECIRC_TRY(int64_t seq, c.journal.Append(s, {type, o.item_id, o.organisation_id, actor.user_id,
                                               json::serialize(payload)}));
  (void)seq;
  return Ok();
}

bool IsOutcome(const std::string& o) {
  return o == "repair" || o == "replace" || o == "refund" || o == "reject";
}

}  // namespace

Result<storage::AfterSaleRecord> AfterSalesService::Decide(const identity::Principal& actor,
                                                           const AfterSaleId& id,
                                                           AfterSaleKind kind, const CaseFn& fn) {
  const std::string noun =
      kind == AfterSaleKind::kWarranty ? "warranty claim" : std::string(ToString(kind));
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role cannot decide a " + noun);
  }
  RECIRC_TRY(auto found, storage::ReadValue<std::optional<storage::AfterSaleRecord>>(
                             c_.db, [&](storage::Session& s) {
                               return c_.repo.FindAfterSale(s, id.ToString());
                             }));
  if (!found || found->kind != kind)
    return Error::NotFound(noun + " " + id.ToString() + " not found");
  storage::AfterSaleRecord r = *found;
  RECIRC_TRY(auto order_id, OrderOf(r));
  RECIRC_TRY(
      auto order,
      orders_.Mutate(actor, order_id, [&](storage::Session& s, storage::OrderRecord& o) -> Status {
        if (!actor.InOrganisation(o.organisation_id)) {
          return Error::NotFound(noun + " " + id.ToString() + " not found");
        }
        // Re-read under the order's lock: a decision made meanwhile wins.
        RECIRC_TRY(auto current, c_.repo.FindAfterSale(s, id.ToString()));
        r = *current;
        json::object details = json::parse(r.details).as_object();
        RECIRC_CHECK(fn(s, o, r, details));
        r.details = json::serialize(details);
        return c_.repo.UpdateAfterSale(s, r);
      }));
  (void)order;
  return r;
}

Result<storage::AfterSaleRecord> AfterSalesService::RefuseReturn(const identity::Principal& actor,
                                                                 const AfterSaleId& id,
                                                                 const std::string& reason) {
  RECIRC_CHECK(identity::CheckText(reason, "reason", kReasonMax));
  return Decide(
      actor, id, AfterSaleKind::kReturn,
      [&](storage::Session& s, storage::OrderRecord& o, storage::AfterSaleRecord& r,
          json::object& details) -> Status {
        if (r.status != AfterSaleStatus::kOpen) {
          return Error::Conflict("return_not_open: the return is " + ToString(r.status));
        }
        if (o.state != OrderState::kReturnRequested) {
          return Error::Conflict("order_state: the order is " + ToString(o.state));
        }
        r.status = AfterSaleStatus::kRefused;
        r.decided_at = ToUnixMillis(c_.clock.Now());
        details["refusal_reason"] = reason;
        o.state = OrderState::kReceived;  // the state it had when the return was requested
        return AppendItem(s, c_, actor, o, events::kItemReturnRefused, {{"after_sale_id", r.id}});
      });
}

Result<storage::AfterSaleRecord> AfterSalesService::DecideWarranty(const identity::Principal& actor,
                                                                   const AfterSaleId& id,
                                                                   const WarrantyDecision& d) {
  if (!IsOutcome(d.outcome)) {
    return Error::InvalidArgument("outcome", "outcome is repair, replace, refund or reject");
  }
  if (d.outcome == "reject" || !d.note.empty()) {
    RECIRC_CHECK(identity::CheckText(d.note, "note", kNoteMax));
  }
  if (d.amount && d.outcome != "refund") {
    return Error::InvalidArgument("amount_fen", "amount_fen is given with outcome refund only");
  }
  if (d.amount && d.amount->fen() <= 0) {
    return Error::InvalidArgument("amount_fen", "a positive whole number of fen");
  }
  return Decide(
      actor, id, AfterSaleKind::kWarranty,
      [&](storage::Session& s, storage::OrderRecord& o, storage::AfterSaleRecord& r,
          json::object& details) -> Status {
        if (r.status != AfterSaleStatus::kOpen) {
          return Error::Conflict("warranty_claim_decided: the claim is " + ToString(r.status));
        }
        details["outcome"] = d.outcome;
        if (!d.note.empty()) details["note"] = d.note;
        r.decided_at = ToUnixMillis(c_.clock.Now());
        json::object event{{"after_sale_id", r.id}, {"outcome", d.outcome}};
        if (d.outcome == "refund") {
          const int64_t amount = d.amount ? d.amount->fen() : o.paid_fen - o.refunded_fen;
          if (amount == 0) {
            return Error{ErrorCode::kFailedPrecondition,
                         "refund_exceeds_payment: nothing paid remains to be refunded",
                         "amount_fen"};
          }
          details["refund_fen"] = amount;
          event["refund_band"] = PriceBand(amount);
          event["full_refund"] = amount == o.paid_fen - o.refunded_fen;
          r.status = AfterSaleStatus::kRefunded;
          RECIRC_CHECK(AppendItem(s, c_, actor, o, events::kItemWarrantyDecided, event));
          return orders_.RefundLocked(s, actor, o, Money::Fen(amount));
        }
        r.status =
            d.outcome == "reject" ? AfterSaleStatus::kRejected : AfterSaleStatus::kInProgress;
        return AppendItem(s, c_, actor, o, events::kItemWarrantyDecided, event);
      });
}

Result<storage::AfterSaleRecord> AfterSalesService::CompleteWarranty(
    const identity::Principal& actor, const AfterSaleId& id, const std::string& note) {
  RECIRC_CHECK(identity::CheckText(note, "note", kNoteMax));
  return Decide(
      actor, id, AfterSaleKind::kWarranty,
      [&](storage::Session& s, storage::OrderRecord& o, storage::AfterSaleRecord& r,
          json::object& details) -> Status {
        if (r.status != AfterSaleStatus::kInProgress) {
          return Error::Conflict("warranty_not_in_progress: the claim is " + ToString(r.status) +
                                 "; only a repair or replacement in progress is completed");
        }
        r.status = AfterSaleStatus::kCompleted;
        details["completion_note"] = note;
        details["completed_at"] = FormatRfc3339(c_.clock.Now());
        json::object event{{"after_sale_id", r.id}};
        event["outcome"] = details.at("outcome");
        return AppendItem(s, c_, actor, o, events::kItemWarrantyCompleted, event);
      });
}

Result<std::vector<storage::AfterSaleRecord>> AfterSalesService::OfOrganisation(
    const identity::Principal& actor, const std::string& status) {
  if (!actor.Has(Permission::kMarketManage)) {
    return Error::PermissionDenied("your role has no after-sales cases");
  }
  std::optional<AfterSaleStatus> wanted;
  if (!status.empty()) {
    auto parsed = Parse<AfterSaleStatus>(status, "status");
    if (!parsed) {
      return Error::InvalidArgument(
          "status",
          "status is open, accepted, refused, resolved, in_progress, completed, refunded or "
          "rejected");
    }
    wanted = *parsed;
  }
  return storage::ReadValue<std::vector<storage::AfterSaleRecord>>(c_.db, [&](storage::Session& s) {
    return c_.repo.AfterSalesOfOrganisation(s, actor.organisation.id, wanted);
  });
}

}  // namespace recirc::market
