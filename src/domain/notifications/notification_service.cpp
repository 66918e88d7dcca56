#include "domain/notifications/notification_service.hpp"

#include "domain/registry/police.hpp"

namespace recirc::notifications {

storage::NotificationAudience AudienceOf(const identity::Principal& actor) {
  storage::NotificationAudience a{actor.user_id, std::nullopt, std::nullopt};
  if (actor.Has(identity::Permission::kMarketManage) && !actor.organisation.id.empty()) {
    a.organisation_id = actor.organisation.id;
  }
  if (actor.kind == identity::OrganisationKind::kPolice &&
      actor.Has(identity::Permission::kPoliceRead)) {
    a.region_prefix = registry::JurisdictionPrefix(actor.organisation.region_code);
  }
  return a;
}

Result<NotificationPage> NotificationService::List(const identity::Principal& actor,
                                                   const ListQuery& q) {
  if (q.limit < 1 || q.limit > 100) {
    return Error::InvalidArgument("limit", "limit is between 1 and 100");
  }
  if (q.offset < 0) return Error::InvalidArgument("offset", "offset is 0 or more");
  const auto audience = AudienceOf(actor);
  NotificationPage page{{}, 0, q.offset, q.limit};
  RECIRC_CHECK(db_.Read([&](storage::Session& s) -> Status {
    RECIRC_TRY(page.items, repo_.List(s, audience, q.order, q.offset, q.limit));
    RECIRC_TRY(page.unread, repo_.UnreadCount(s, audience));
    return Ok();
  }));
  return page;
}

Result<int64_t> NotificationService::UnreadCount(const identity::Principal& actor) {
  const auto audience = AudienceOf(actor);
  return storage::ReadValue<int64_t>(
      db_, [&](storage::Session& s) { return repo_.UnreadCount(s, audience); });
}

Result<int64_t> NotificationService::MarkRead(const identity::Principal& actor,
                                              const std::string& id) {
  if (id.empty()) return Error::InvalidArgument("id", "id is required");
  const auto audience = AudienceOf(actor);
  const int64_t now = ToUnixMillis(clock_.Now());
  int64_t unread = 0;
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(bool found, repo_.MarkRead(s, audience, id, now));
    if (!found) return Error::NotFound("no such notification").Id("notifications.not_found");
    RECIRC_TRY(unread, repo_.UnreadCount(s, audience));
    return Ok();
  }));
  hub_.UnreadChanged(actor.user_id, unread);
  return unread;
}

Result<int64_t> NotificationService::MarkAllRead(const identity::Principal& actor) {
  const auto audience = AudienceOf(actor);
  const int64_t now = ToUnixMillis(clock_.Now());
  int64_t unread = 0;
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(int64_t marked, repo_.MarkAllRead(s, audience, now));
    (void)marked;
    RECIRC_TRY(unread, repo_.UnreadCount(s, audience));
    return Ok();
  }));
  hub_.UnreadChanged(actor.user_id, unread);
  return unread;
}

Result<std::shared_ptr<Subscription>> NotificationService::Subscribe(
    const identity::Principal& actor) {
  RECIRC_TRY(int64_t unread, UnreadCount(actor));
  return hub_.Subscribe(AudienceOf(actor), unread);
}

}  // namespace recirc::notifications
