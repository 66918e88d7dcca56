#pragma once
// LoginLimiter: slows password guessing. After kMaxFailures failed logins for one username, or
// kMaxFailuresPerSource from one client address, within the window, further attempts are refused
// until the window has passed since the first of those failures. A success clears the username.
// In memory, per node: a city deployment behind a load balancer should pin login by client, or
// the limits multiply by the node count (documented in docs/security.md).

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.hpp"

namespace recirc::identity {

class LoginLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxFailuresPerSource = 30;
  static constexpr std::chrono::minutes kWindow{15};

  explicit LoginLimiter(const Clock& clock) : clock_(clock) {}
  // 0 when an attempt is allowed, else the seconds until the next one is.
  int64_t RetryAfterSeconds(const std::string& username, const std::string& source);
  void RecordFailure(const std::string& username, const std::string& source);
  void RecordSuccess(const std::string& username);

 private:
  struct Window {
    TimePoint start;
    int failures = 0;
  };
  int64_t Check(std::map<std::string, Window>& map, const std::string& key, int limit);
  void Bump(std::map<std::string, Window>& map, const std::string& key);
  void Prune(TimePoint now);

  const Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, Window> by_user_;    // GUARDED_BY(mutex_)
  std::map<std::string, Window> by_source_;  // GUARDED_BY(mutex_)
};

}  // namespace recirc::identity
