#pragma once
// SQL of the notifications context (docs/notifications.md): the notifications the journal
// consumer derives (domain/notifications/notifier.hpp), who read them, and the buyer behind an
// order or a best offer.

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace recirc::storage {

struct NotificationRecord {
  std::string id;  // the journal event's id
  int64_t seq = 0;
  std::string audience_kind;  // user, organisation, region
  std::string audience_id;
  std::string message_id;
  std::string params;  // a JSON object
  std::string link_kind;
  std::string link_id;
  int64_t created_at = 0;
  bool read = false;  // for the user who asked
};

// Whom a user is, as far as notifications go: themself, their organisation (when their role
// acts on its orders) and the regions under a prefix (police: their jurisdiction).
struct NotificationAudience {
  std::string user_id;
  std::optional<std::string> organisation_id;
  std::optional<std::string> region_prefix;
};

enum class NotificationOrder { kUnreadFirst, kNewestFirst };

class NotificationRepository {
 public:
  // False when the notification was already there (a replayed event).
  Result<bool> Insert(Session& s, const NotificationRecord& n) const;
  Status SaveSubject(Session& s, const std::string& subject_id, const std::string& user_id) const;
  Result<std::optional<std::string>> SubjectUser(Session& s, const std::string& subject_id) const;
  Status Clear(Session& s) const;

  // A page of the audience's notifications: `offset` rows skipped, up to `limit`.
  Result<std::vector<NotificationRecord>> List(Session& s, const NotificationAudience& a,
                                               NotificationOrder order, int offset,
                                               int limit) const;
  Result<int64_t> UnreadCount(Session& s, const NotificationAudience& a) const;
  // False when the audience has no such notification.
  Result<bool> MarkRead(Session& s, const NotificationAudience& a, const std::string& id,
                        int64_t now) const;
  // Returns how many were marked.
  Result<int64_t> MarkAllRead(Session& s, const NotificationAudience& a, int64_t now) const;
};

}  // namespace recirc::storage
