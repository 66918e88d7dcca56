// GET  /api/v1/notifications              the caller's notifications (order=unread|newest,
//                                         offset, limit)
// GET  /api/v1/notifications/unread       their unread count
// POST /api/v1/notifications/{id}/read    mark one read
// POST /api/v1/notifications/read         mark all read
// GET  /api/v1/notifications/stream       text/event-stream: "unread" and "notification" events
#include "api/notifications/routes.hpp"

#include <boost/json.hpp>

#include <limits>

#include "api/dto.hpp"
#include "api/notifications/dto.hpp"
#include "http/openapi_schema.hpp"

namespace recirc::api {
namespace {

dto::Notification ToDto(const storage::NotificationRecord& n) {
  boost::system::error_code ec;
  boost::json::value params = boost::json::parse(n.params, ec);
  if (ec) params = boost::json::object();
  return {n.id, n.message_id, std::move(params), {n.link_kind, n.link_id}, n.created_at, n.read};
}

Result<http::Response> List(const NotificationsApi& d, http::RequestContext& ctx) {
  notifications::ListQuery q;
  const std::string order = ctx.Query("order").value_or("unread");
  if (order == "newest") {
    q.order = storage::NotificationOrder::kNewestFirst;
  } else if (order != "unread") {
    return Error::InvalidArgument("order", "order is unread or newest");
  }
  // The ranges are the service's (it checks them again for other callers).
  RECIRC_TRY(auto offset, WholeQuery(ctx, "offset", 0, std::numeric_limits<int>::max()));
  RECIRC_TRY(auto limit, WholeQuery(ctx, "limit", 1, 100));
  q.offset = static_cast<int>(offset.value_or(0));
  q.limit = static_cast<int>(limit.value_or(20));
  RECIRC_TRY(auto page, d.notifications.List(ctx.Actor(), q));
  dto::NotificationList out{{}, page.unread, page.offset, page.limit};
  for (const auto& n : page.items) out.items.push_back(ToDto(n));
  return http::Json(200, boost::json::value_from(out));
}

Result<http::Response> Unread(const NotificationsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(int64_t unread, d.notifications.UnreadCount(ctx.Actor()));
  return http::Json(200, boost::json::value_from(dto::UnreadCount{unread}));
}

Result<http::Response> MarkRead(const NotificationsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(int64_t unread, d.notifications.MarkRead(ctx.Actor(), std::string(ctx.Param("id"))));
  return http::Json(200, boost::json::value_from(dto::UnreadCount{unread}));
}

Result<http::Response> MarkAllRead(const NotificationsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(int64_t unread, d.notifications.MarkAllRead(ctx.Actor()));
  return http::Json(200, boost::json::value_from(dto::UnreadCount{unread}));
}

// The subscription as Server-Sent Events: "event: <name>\ndata: <json>\n\n" each.
class EventStream final : public http::StreamSource {
 public:
  explicit EventStream(std::shared_ptr<notifications::Subscription> sub) : sub_(std::move(sub)) {}
  std::string Take() override {
    std::string out;
    if (first_) {
      out = "retry: 5000\n\n";  // how long the browser's EventSource waits before reconnecting
      first_ = false;
    }
    for (const auto& e : sub_->Take()) out += "event: " + e.name + "\ndata: " + e.data + "\n\n";
    return out;
  }
  void OnReady(std::function<void()> wake) override { sub_->OnReady(std::move(wake)); }

 private:
  std::shared_ptr<notifications::Subscription> sub_;
  bool first_ = true;
};

Result<http::Response> Stream(const NotificationsApi& d, http::RequestContext& ctx) {
  RECIRC_TRY(auto sub, d.notifications.Subscribe(ctx.Actor()));
  http::Response r;
  r.content_type = "text/event-stream";
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.stream = std::make_shared<EventStream>(std::move(sub));
  return r;
}

}  // namespace

void AddNotificationRoutes(std::vector<http::Route>& routes, const NotificationsApi& d) {
  using http::Verb;
  using identity::Permission;
  const auto add =
      [&](Verb verb, std::string pattern,
          Result<http::Response> (*fn)(const NotificationsApi&, http::RequestContext&)) {
        routes.push_back({verb, std::move(pattern), Permission::kAuthenticated,
                          [&d, fn](http::RequestContext& c) { return fn(d, c); }, size_t{1024}});
      };
  add(Verb::get, "/api/v1/notifications", List);
  add(Verb::get, "/api/v1/notifications/unread", Unread);
  add(Verb::post, "/api/v1/notifications/read", MarkAllRead);
  add(Verb::post, "/api/v1/notifications/{id}/read", MarkRead);
  add(Verb::get, "/api/v1/notifications/stream", Stream);
  const std::string tag = "notifications";
  http::Describe(
      routes, Verb::get, "/api/v1/notifications",
      http::Document<void, dto::NotificationList>(
          "Your notifications, unread first (order=unread) or newest first "
          "(order=newest); offset, limit (1-100, default 20)",
          tag)
          .Query("order", R"js({"type": "string", "enum": ["unread", "newest"]})js",
                 "unread first (default) or newest first")
          .Query("offset", R"js({"type": "integer", "minimum": 0, "default": 0})js")
          .Query("limit",
                 R"js({"type": "integer", "minimum": 1, "maximum": 100, "default": 20})js"));
  http::Describe(routes, Verb::get, "/api/v1/notifications/unread",
                 http::Document<void, dto::UnreadCount>("Your unread notifications", tag));
  http::Describe(routes, Verb::post, "/api/v1/notifications/read",
                 http::Document<void, dto::UnreadCount>("Mark all your notifications read", tag));
  http::Describe(routes, Verb::post, "/api/v1/notifications/{id}/read",
                 http::Document<void, dto::UnreadCount>("Mark one notification read", tag));
  http::Describe(routes, Verb::get, "/api/v1/notifications/stream",
                 http::Document<void, void>(
                     "Server-Sent Events (text/event-stream): 'unread' ({unread}) at once and "
                     "after each change, 'notification' (as in the list) for each new one; a "
                     "comment every 25 s when idle",
                     tag));
}

}  // namespace recirc::api
