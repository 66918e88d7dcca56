#pragma once
// Notification routes: the caller's own notifications, their unread count, marking them read,
// and the Server-Sent Events stream of new ones (docs/notifications.md).

#include <vector>

#include "domain/notifications/notification_service.hpp"
#include "http/route.hpp"

namespace recirc::api {

struct NotificationsApi {
  notifications::NotificationService& notifications;
};

void AddNotificationRoutes(std::vector<http::Route>& routes, const NotificationsApi& api);

}  // namespace recirc::api
