#pragma once
// Clock: the only source of "now" in recirc. Services take a Clock&; tests pass a FakeClock and
// move time by hand, so hold expiries, session lifetimes and rate limits are tested without
// sleeping.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace recirc {

using TimePoint = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
  }
};

// Thread-safe: tests may advance it while a server thread reads it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimePoint start) : ms_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(std::chrono::milliseconds(ms_.load())); }
  void Advance(std::chrono::milliseconds d) { ms_ += d.count(); }
  void Set(TimePoint t) { ms_ = t.time_since_epoch().count(); }

 private:
  std::atomic<int64_t> ms_;
};

inline int64_t ToUnixMillis(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint FromUnixMillis(int64_t ms) { return TimePoint(std::chrono::milliseconds(ms)); }

// RFC 3339 in UTC with milliseconds: 2026-11-22T08:05:09.123Z
std::string FormatRfc3339(TimePoint t);
// Accepts the form above, with or without milliseconds, 'Z' or a numeric offset.
bool ParseRfc3339(std::string_view text, TimePoint& out);

}  // namespace recirc
