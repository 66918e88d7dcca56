#include "domain/notifications/hub.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace recirc::notifications {

namespace json = boost::json;

std::string NotificationJson(const storage::NotificationRecord& n) {
  boost::system::error_code ec;
  json::value params = json::parse(n.params, ec);
  if (ec || !params.is_object()) params = json::object();
  return json::serialize(
      json::object{{"id", n.id},
                   {"message_id", n.message_id},
                   {"params", std::move(params)},
                   {"link", json::object{{"kind", n.link_kind}, {"id", n.link_id}}},
                   {"created_at", n.created_at},
                   {"read", n.read}});
}

Subscription::Subscription(storage::NotificationAudience audience, int64_t unread)
    : audience_(std::move(audience)), unread_(unread) {
  QueueUnread();
}

std::vector<StreamEvent> Subscription::Take() {
  std::lock_guard lock(mutex_);
  std::vector<StreamEvent> out;
  out.swap(queued_);
  return out;
}

void Subscription::OnReady(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
}

bool Subscription::Matches(const storage::NotificationRecord& n) const {
  if (n.audience_kind == "user") return n.audience_id == audience_.user_id;
  if (n.audience_kind == "organisation") return audience_.organisation_id == n.audience_id;
  if (n.audience_kind == "region") {
    return audience_.region_prefix && n.audience_id.starts_with(*audience_.region_prefix);
  }
  return false;
}

bool Subscription::Deliver(const storage::NotificationRecord& n) {
  if (!Matches(n)) return false;
  std::lock_guard lock(mutex_);
  queued_.push_back({"notification", NotificationJson(n)});
  ++unread_;
  QueueUnread();
  return true;
}

void Subscription::SetUnread(int64_t unread) {
  std::lock_guard lock(mutex_);
  unread_ = unread;
  QueueUnread();
}

void Subscription::QueueUnread() {
  queued_.push_back({"unread", json::serialize(json::object{{"unread", unread_}})});
}

void Subscription::Wake() {
  std::function<void()> wake;
  {
    std::lock_guard lock(mutex_);
    wake = wake_;
  }
  if (wake) wake();
}

Result<std::shared_ptr<Subscription>> NotificationHub::Subscribe(
    storage::NotificationAudience audience, int64_t unread) {
  std::lock_guard lock(mutex_);
  std::erase_if(streams_, [](const auto& w) { return w.expired(); });
  if (streams_.size() >= max_streams_) {
    return Error::Unavailable("too many notification streams are open; try again later");
  }
  auto sub = std::make_shared<Subscription>(std::move(audience), unread);
  streams_.push_back(sub);
  return sub;
}

std::vector<std::shared_ptr<Subscription>> NotificationHub::Live() {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Subscription>> out;
  std::erase_if(streams_, [&out](const auto& w) {
    auto s = w.lock();
    if (!s) return true;
    out.push_back(std::move(s));
    return false;
  });
  return out;
}

void NotificationHub::Publish(const std::vector<storage::NotificationRecord>& committed) {
  if (committed.empty()) return;
  for (auto& sub : Live()) {
    bool any = false;
    for (const auto& n : committed) any = sub->Deliver(n) || any;
    if (any) sub->Wake();
  }
}

void NotificationHub::UnreadChanged(const std::string& user_id, int64_t unread) {
  for (auto& sub : Live()) {
    if (sub->audience().user_id != user_id) continue;
    sub->SetUnread(unread);
    sub->Wake();
  }
}

size_t NotificationHub::open_streams() { return Live().size(); }

}  // namespace recirc::notifications
