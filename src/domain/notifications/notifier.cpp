#include "domain/notifications/notifier.hpp"

#include <boost/json.hpp>

#include "domain/complaints/events.hpp"
#include "domain/identity/roles.hpp"
#include "domain/market/events.hpp"
#include "domain/registry/events.hpp"

namespace recirc::notifications {
namespace {

namespace json = boost::json;
namespace me = market::events;

json::object PayloadOf(const storage::EventRecord& e) {
  boost::system::error_code ec;
  json::value v = json::parse(e.payload, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.as_object());
}

std::string Text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// Only these payload fields are ever copied into a notification: ids, states, amounts, scores.
std::string Params(const json::object& p, std::initializer_list<std::string_view> keys) {
  json::object out;
  for (std::string_view k : keys) {
    if (const auto* v = p.if_contains(k)) out[k] = *v;
  }
  return json::serialize(out);
}

}  // namespace

Status Notifier::Apply(storage::Session& s, std::span<const storage::EventRecord> events) {
  staged_.clear();  // a batch whose transaction rolled back is applied again from scratch
  for (const auto& e : events) RECIRC_CHECK(One(s, e));
  return Ok();
}

Status Notifier::Reset(storage::Session& s) {
  staged_.clear();
  return repo_.Clear(s);
}

void Notifier::Committed() {
  hub_.Publish(staged_);
  staged_.clear();
}

Status Notifier::One(storage::Session& s, const storage::EventRecord& e) {
  const bool after_sale = e.type == me::kItemReturnRequested.name ||
                          e.type == me::kItemWarrantyRequested.name ||
                          e.type == me::kItemDisputeRequested.name;
  if (e.type == registry::events::kAlertRaised.name) {
    const json::object p = PayloadOf(e);
    const std::string region = Text(p, "region_code");
    if (region.empty()) return Ok();  // alerts from before the payload named the district
    return Add(s, e, "region", region, "notification.alert_raised", Params(p, {"score"}), "alert",
               e.aggregate_id);
  }
  if (e.type == me::kOrderPlaced.name) {
    const json::object p = PayloadOf(e);
    RECIRC_CHECK(RememberBuyer(s, e, e.aggregate_id));
    if (!e.organisation_id) return Ok();
    return Add(s, e, "organisation", *e.organisation_id, "notification.order_placed",
               Params(p, {"order_id", "offer_id", "price_fen"}), "order", e.aggregate_id);
  }
  if (e.type == me::kBestOfferMade.name) {
    const json::object p = PayloadOf(e);
    RECIRC_CHECK(RememberBuyer(s, e, e.aggregate_id));
    if (!e.organisation_id) return Ok();
    return Add(s, e, "organisation", *e.organisation_id, "notification.best_offer_made",
               Params(p, {"offer_id", "status", "automatic"}), "offer", Text(p, "offer_id"));
  }
  if (after_sale) {
    const json::object p = PayloadOf(e);
    if (!e.organisation_id) return Ok();
    return Add(s, e, "organisation", *e.organisation_id, "notification.after_sale_requested",
               Params(p, {"after_sale_id", "kind"}), "after_sale", Text(p, "after_sale_id"));
  }
  if (e.type == complaints::events::kComplaintFiled.name) {
    const json::object p = PayloadOf(e);
    RECIRC_CHECK(RememberBuyer(s, e, e.aggregate_id));
    if (!e.organisation_id) return Ok();
    return Add(s, e, "organisation", *e.organisation_id, "notification.complaint_filed",
               Params(p, {"category", "subject_kind", "answer_due_at"}), "complaint",
               e.aggregate_id);
  }
  if (e.type == complaints::events::kComplaintDecided.name) {
    RECIRC_TRY(auto buyer, repo_.SubjectUser(s, e.aggregate_id));
    if (!buyer) return Ok();
    return Add(s, e, "user", *buyer, "notification.complaint_decided",
               Params(PayloadOf(e), {"outcome"}), "complaint", e.aggregate_id);
  }
  if (e.type == me::kOrderDispatched.name || e.type == me::kBestOfferDecided.name) {
    const json::object p = PayloadOf(e);
    RECIRC_TRY(auto buyer, repo_.SubjectUser(s, e.aggregate_id));
    if (!buyer) return Ok();  // placed at the counter for a walk-in buyer: no account to tell
    if (e.type == me::kOrderDispatched.name) {
      return Add(s, e, "user", *buyer, "notification.order_dispatched",
                 Params(p, {"order_id", "offer_id"}), "order", e.aggregate_id);
    }
    return Add(s, e, "user", *buyer, "notification.best_offer_decided",
               Params(p, {"offer_id", "status"}), "offer", Text(p, "offer_id"));
  }
  return Ok();
}

Status Notifier::RememberBuyer(storage::Session& s, const storage::EventRecord& e,
                               const std::string& subject_id) {
  if (!e.actor_id) return Ok();
  RECIRC_TRY(auto user, identity_.FindUser(s, *e.actor_id));
  if (!user || user->role != identity::RoleName(identity::Role::kBuyer)) return Ok();
  return repo_.SaveSubject(s, subject_id, user->id);
}

Status Notifier::Add(storage::Session& s, const storage::EventRecord& e, std::string audience_kind,
                     std::string audience_id, std::string message_id, std::string params,
                     std::string link_kind, std::string link_id) {
  if (FromUnixMillis(e.occurred_at) < clock_.Now() - kFreshFor) return Ok();  // not news
  storage::NotificationRecord n{e.id,
                                e.seq,
                                std::move(audience_kind),
                                std::move(audience_id),
                                std::move(message_id),
                                std::move(params),
                                std::move(link_kind),
                                std::move(link_id),
                                e.occurred_at,
                                false};
  RECIRC_TRY(bool added, repo_.Insert(s, n));
  if (added) staged_.push_back(std::move(n));
  return Ok();
}

}  // namespace recirc::notifications
