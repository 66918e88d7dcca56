#pragma once
// The notification centre on the wire, described once (http/describe_json.hpp).

#include <boost/describe/class.hpp>
#include <boost/json/value.hpp>

#include "http/describe_json.hpp"

namespace recirc::api::dto {

using jsonmap::tag_invoke;

struct NotificationLink {
  std::string kind;  // order, offer, alert, after_sale
  std::string id;
};
BOOST_DESCRIBE_STRUCT(NotificationLink, (), (kind, id))

struct Notification {
  std::string id;
  std::string message_id;     // the web app's catalogue key, e.g. notification.order_placed
  boost::json::value params;  // ids, states, amounts: never personal data
  NotificationLink link;
  int64_t created_at = 0;  // milliseconds since the epoch
  bool read = false;
};
BOOST_DESCRIBE_STRUCT(Notification, (), (id, message_id, params, link, created_at, read))

struct NotificationList {
  std::vector<Notification> items;
  int64_t unread = 0;
  int offset = 0;
  int limit = 0;
};
BOOST_DESCRIBE_STRUCT(NotificationList, (), (items, unread, offset, limit))

struct UnreadCount {
  int64_t unread = 0;
};
BOOST_DESCRIBE_STRUCT(UnreadCount, (), (unread))

}  // namespace recirc::api::dto
