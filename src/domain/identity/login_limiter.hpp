#pragma once
// LoginLimiter: slows password guessing without letting strangers lock an account out.
//
// Every attempt is counted *before* the password is checked (Begin), under one lock, so parallel
// guesses cannot slip past the limit between the check and the count. Within a window, an
// attempt is refused when
//   - this (username, source) pair already made kMaxPerPair attempts that did not succeed, or
//   - this source made kMaxPerSource attempts (any usernames), or
//   - the username had kMaxPerUsername attempts from all sources together *and* this source has
//     already failed against it: a source that has not failed for the username still gets its
//     try, so a guesser elsewhere cannot keep the owner out.
// A refused attempt says how long to wait (until the window of the limit it hit has passed).
// A success forgets the pair and takes its own attempt back from the other two counts.
// In memory, per node: behind a load balancer pin login by client address (docs/security.md).

#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.hpp"

namespace recirc::identity {

class LoginLimiter {
 public:
  static constexpr int kMaxPerPair = 5;
  static constexpr int kMaxPerSource = 30;
  static constexpr int kMaxPerUsername = 100;
  static constexpr std::chrono::minutes kWindow{15};

  explicit LoginLimiter(const Clock& clock) : clock_(clock) {}
  // Counts an attempt. 0 when it is allowed (and counted), else the seconds until one would be;
  // a refused attempt is not counted.
  int64_t Begin(const std::string& username, const std::string& source);
  // The attempt of this pair succeeded.
  void Succeeded(const std::string& username, const std::string& source);

 private:
  struct Window {
    TimePoint start;
    int attempts = 0;
  };
  using Counts = std::map<std::string, Window>;
  // Attempts counted for `key` in the current window (0 once the window has passed).
  int Current(Counts& map, const std::string& key, TimePoint now);
  int64_t WaitFor(const Counts& map, const std::string& key, TimePoint now) const;
  void Bump(Counts& map, const std::string& key, TimePoint now);
  void TakeBack(Counts& map, const std::string& key);
  void Prune(TimePoint now);

  const Clock& clock_;
  std::mutex mutex_;
  Counts by_pair_;      // GUARDED_BY(mutex_); key: username '\n' source
  Counts by_source_;    // GUARDED_BY(mutex_)
  Counts by_username_;  // GUARDED_BY(mutex_)
};

}  // namespace recirc::identity
