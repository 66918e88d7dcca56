#pragma once
// NotificationHub: the open notification streams (GET /api/v1/notifications/stream) in memory.
// The journal consumer publishes what it committed (Notifier::Committed) and the service a
// user's new unread count after marking read; each stream whose audience matches gets the events
// queued and its wake function called. Nothing polls: a stream sleeps until woken or until its
// heartbeat is due (the HTTP server's timer). At most `max_streams` are open at once.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "storage/notifications/notification_repository.hpp"

namespace recirc::notifications {

// One Server-Sent Event: its name ("notification", "unread") and its JSON data.
struct StreamEvent {
  std::string name;
  std::string data;
};

class Subscription {
 public:
  Subscription(storage::NotificationAudience audience, int64_t unread);
  // The events queued since the last call (oldest first).
  std::vector<StreamEvent> Take();
  // Called from any thread whenever Take has something new; replaces an earlier one.
  void OnReady(std::function<void()> wake);

  const storage::NotificationAudience& audience() const { return audience_; }
  bool Matches(const storage::NotificationRecord& n) const;
  // Queues the notification (and the raised unread count); true when it was for this stream.
  bool Deliver(const storage::NotificationRecord& n);
  void SetUnread(int64_t unread);
  void Wake();

 private:
  void QueueUnread();  // with mutex_ held

  const storage::NotificationAudience audience_;
  std::mutex mutex_;
  int64_t unread_;                   // GUARDED_BY(mutex_)
  std::vector<StreamEvent> queued_;  // GUARDED_BY(mutex_)
  std::function<void()> wake_;       // GUARDED_BY(mutex_)
};

class NotificationHub {
 public:
  explicit NotificationHub(size_t max_streams = 1000) : max_streams_(max_streams) {}
  // A new stream starting with the unread count; Unavailable (503) when max_streams are open.
  // The stream closes when the last holder drops it.
  Result<std::shared_ptr<Subscription>> Subscribe(storage::NotificationAudience audience,
                                                  int64_t unread);
  void Publish(const std::vector<storage::NotificationRecord>& committed);
  void UnreadChanged(const std::string& user_id, int64_t unread);
  size_t open_streams();

 private:
  std::vector<std::shared_ptr<Subscription>> Live();  // drops closed streams

  const size_t max_streams_;
  std::mutex mutex_;
  std::vector<std::weak_ptr<Subscription>> streams_;  // GUARDED_BY(mutex_)
};

// A notification as JSON (the list's items and the stream's "notification" events).
std::string NotificationJson(const storage::NotificationRecord& n);

}  // namespace recirc::notifications
