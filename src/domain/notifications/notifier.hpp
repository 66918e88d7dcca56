#pragma once
// Notifier: the notification centre's journal consumer (docs/notifications.md). It turns the
// events someone must act on into notifications for those people and nobody else:
//   alert.raised                 -> the police whose jurisdiction covers the alert's district
//   order.placed, best_offer.made,
//   item.{return,warranty,dispute}_requested -> the selling shop (its market staff)
//   order.dispatched, best_offer.decided     -> the buyer account behind the order / best offer
//   complaint.filed -> the operator complained of; complaint.decided -> the complainant
// A notification carries a message id and parameters (ids, states, amounts), never personal
// data; the web app renders it in zh-CN or en. What a batch added reaches the open streams only
// once committed (Committed()).
// Only events of the last kFreshFor are news: a node that starts the notification centre on a
// long journal (the first start after an upgrade, a rebuild) does not flood everyone with unread
// notifications about old alerts and orders; the older events still teach it who the buyers are.

#include <chrono>
#include <vector>

#include "core/clock.hpp"

#include "domain/identity/identity_port.hpp"
#include "domain/notifications/hub.hpp"
#include "journal/consumer.hpp"
#include "storage/notifications/notification_repository.hpp"

namespace recirc::notifications {

class Notifier final : public journal::Consumer {
 public:
  static constexpr std::chrono::hours kFreshFor{24 * 7};

  Notifier(const storage::NotificationRepository& repo, const identity::IdentityPort& identity,
           NotificationHub& hub, const Clock& clock)
      : repo_(repo), identity_(identity), hub_(hub), clock_(clock) {}
  std::string_view name() const override { return "notifications"; }
  Status Apply(storage::Session& s, std::span<const storage::EventRecord> events) override;
  Status Reset(storage::Session& s) override;
  void Committed() override;

 private:
  Status One(storage::Session& s, const storage::EventRecord& e);
  // Remembers the buyer account (the event's actor when a buyer) behind an order/best offer.
  Status RememberBuyer(storage::Session& s, const storage::EventRecord& e,
                       const std::string& subject_id);
  Status Add(storage::Session& s, const storage::EventRecord& e, std::string audience_kind,
             std::string audience_id, std::string message_id, std::string params,
             std::string link_kind, std::string link_id);

  const storage::NotificationRepository& repo_;
  const identity::IdentityPort& identity_;
  NotificationHub& hub_;
  const Clock& clock_;
  std::vector<storage::NotificationRecord> staged_;  // added by the batch not yet committed
};

}  // namespace recirc::notifications
