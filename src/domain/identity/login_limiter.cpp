#include "domain/identity/login_limiter.hpp"

namespace recirc::identity {
namespace {

std::string PairKey(const std::string& username, const std::string& source) {
  return username + '\n' + source;  // a username never holds a newline
}

}  // namespace

int LoginLimiter::Current(Counts& map, const std::string& key, TimePoint now) {
  auto it = map.find(key);
  if (it == map.end()) return 0;
  if (now >= it->second.start + kWindow) {
    map.erase(it);
    return 0;
  }
  return it->second.attempts;
}

int64_t LoginLimiter::WaitFor(const Counts& map, const std::string& key, TimePoint now) const {
  const auto until = map.at(key).start + kWindow;
  return std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(until - now).count());
}

void LoginLimiter::Bump(Counts& map, const std::string& key, TimePoint now) {
  auto& w = map[key];
  if (w.attempts == 0) w.start = now;
  w.attempts++;
}

void LoginLimiter::TakeBack(Counts& map, const std::string& key) {
  auto it = map.find(key);
  if (it == map.end()) return;
  if (--it->second.attempts <= 0) map.erase(it);
}

void LoginLimiter::Prune(TimePoint now) {
  for (auto* map : {&by_pair_, &by_source_, &by_username_}) {
    for (auto it = map->begin(); it != map->end();) {
      it = now >= it->second.start + kWindow ? map->erase(it) : std::next(it);
    }
  }
}

int64_t LoginLimiter::Begin(const std::string& username, const std::string& source) {
  const auto now = clock_.Now();
  const std::string pair = PairKey(username, source);
  std::lock_guard lock(mutex_);
  if (by_pair_.size() + by_source_.size() + by_username_.size() > 100'000) Prune(now);
  const int pair_attempts = Current(by_pair_, pair, now);
  if (pair_attempts >= kMaxPerPair) return WaitFor(by_pair_, pair, now);
  if (Current(by_source_, source, now) >= kMaxPerSource) return WaitFor(by_source_, source, now);
  if (pair_attempts > 0 && Current(by_username_, username, now) >= kMaxPerUsername) {
    return WaitFor(by_username_, username, now);
  }
  Bump(by_pair_, pair, now);
  Bump(by_source_, source, now);
  Bump(by_username_, username, now);
  return 0;
}

void LoginLimiter::Succeeded(const std::string& username, const std::string& source) {
  std::lock_guard lock(mutex_);
  by_pair_.erase(PairKey(username, source));
  TakeBack(by_source_, source);
  TakeBack(by_username_, username);
}

}  // namespace recirc::identity
