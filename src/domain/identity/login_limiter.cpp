#include "domain/identity/login_limiter.hpp"

namespace recirc::identity {

int64_t LoginLimiter::Check(std::map<std::string, Window>& map, const std::string& key, int limit) {
  auto it = map.find(key);
  if (it == map.end() || it->second.failures < limit) return 0;
  const auto until = it->second.start + kWindow;
  const auto now = clock_.Now();
  if (now >= until) {
    map.erase(it);
    return 0;
  }
  return std::chrono::ceil<std::chrono::seconds>(until - now).count();
}

int64_t LoginLimiter::RetryAfterSeconds(const std::string& username, const std::string& source) {
  std::lock_guard lock(mutex_);
  return std::max(Check(by_user_, username, kMaxFailures),
                  Check(by_source_, source, kMaxFailuresPerSource));
}

void LoginLimiter::Bump(std::map<std::string, Window>& map, const std::string& key) {
  const auto now = clock_.Now();
  auto& w = map[key];
  if (w.failures == 0 || now >= w.start + kWindow) {
    w.start = now;
    w.failures = 0;
  }
  w.failures++;
}

void LoginLimiter::Prune(TimePoint now) {
  for (auto* map : {&by_user_, &by_source_}) {
    for (auto it = map->begin(); it != map->end();) {
      it = now >= it->second.start + kWindow ? map->erase(it) : std::next(it);
    }
  }
}

void LoginLimiter::RecordFailure(const std::string& username, const std::string& source) {
  std::lock_guard lock(mutex_);
  if (by_user_.size() + by_source_.size() > 100'000) Prune(clock_.Now());
  Bump(by_user_, username);
  Bump(by_source_, source);
}

void LoginLimiter::RecordSuccess(const std::string& username) {
  std::lock_guard lock(mutex_);
  by_user_.erase(username);
}

}  // namespace recirc::identity
