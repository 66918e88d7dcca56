#pragma once
// NotificationService: a user's own notifications (docs/notifications.md). Who a user is, for
// notifications, follows from their role: themself always; their organisation's when the role
// manages its market (orders, best offers, after-sales); the alerts of their jurisdiction when
// they are police. Nobody reads another's notifications: every call is scoped to the caller.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/identity/principal.hpp"
#include "domain/notifications/hub.hpp"
#include "storage/database.hpp"
#include "storage/notifications/notification_repository.hpp"

namespace recirc::notifications {

struct NotificationPage {
  std::vector<storage::NotificationRecord> items;
  int64_t unread = 0;
  int offset = 0;
  int limit = 0;
};

struct ListQuery {
  storage::NotificationOrder order = storage::NotificationOrder::kUnreadFirst;
  int offset = 0;
  int limit = 20;
};

storage::NotificationAudience AudienceOf(const identity::Principal& actor);

class NotificationService {
 public:
  NotificationService(storage::Database& db, const storage::NotificationRepository& repo,
                      NotificationHub& hub, const Clock& clock)
      : db_(db), repo_(repo), hub_(hub), clock_(clock) {}

  Result<NotificationPage> List(const identity::Principal& actor, const ListQuery& q);
  Result<int64_t> UnreadCount(const identity::Principal& actor);
  // Both return the caller's unread count afterwards (also pushed to their open streams).
  Result<int64_t> MarkRead(const identity::Principal& actor, const std::string& id);
  Result<int64_t> MarkAllRead(const identity::Principal& actor);
  // A stream of the caller's new notifications and unread count.
  Result<std::shared_ptr<Subscription>> Subscribe(const identity::Principal& actor);

 private:
  storage::Database& db_;
  const storage::NotificationRepository& repo_;
  NotificationHub& hub_;
  const Clock& clock_;
};

}  // namespace recirc::notifications
