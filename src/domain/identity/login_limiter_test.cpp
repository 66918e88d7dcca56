// LoginLimiter without a database: attempts count before the password is checked, per
// (username, source) pair, per source, and per username with room for a source that has not
// failed.
#include "domain/identity/login_limiter.hpp"

#include <gtest/gtest.h>

namespace recirc::identity {
namespace {

TEST(LoginLimiterTest, AttemptsCountBeforeTheyEndSoOnlyFiveBeginPerPair) {
  FakeClock clock{FromUnixMillis(1'795'000'000'000)};
  LoginLimiter limiter(clock);
  int allowed = 0;
  // 40 guesses that have begun and not yet ended (as in parallel requests): only 5 get through.
  for (int i = 0; i < 40; ++i) allowed += limiter.Begin("clerk", "10.0.0.1") == 0;
  EXPECT_EQ(allowed, LoginLimiter::kMaxPerPair);
  EXPECT_GT(limiter.Begin("clerk", "10.0.0.1"), 0);
  clock.Advance(LoginLimiter::kWindow);
  EXPECT_EQ(limiter.Begin("clerk", "10.0.0.1"), 0) << "the window has passed";
}

TEST(LoginLimiterTest, AStrangerDoesNotLockTheOwnerOut) {
  FakeClock clock{FromUnixMillis(1'795'000'000'000)};
  LoginLimiter limiter(clock);
  for (int i = 0; i < LoginLimiter::kMaxPerPair; ++i) limiter.Begin("owner", "203.0.113.9");
  EXPECT_GT(limiter.Begin("owner", "203.0.113.9"), 0) << "the stranger is limited";
  EXPECT_EQ(limiter.Begin("owner", "198.51.100.1"), 0) << "the owner, elsewhere, is not";
}

TEST(LoginLimiterTest, ManySourcesReachTheUsernameCeilingButANewSourceStillGetsItsTry) {
  FakeClock clock{FromUnixMillis(1'795'000'000'000)};
  LoginLimiter limiter(clock);
  constexpr int kPerSource = LoginLimiter::kMaxPerPair - 1;  // under the pair limit
  for (int s = 0; s < LoginLimiter::kMaxPerUsername / kPerSource; ++s) {
    for (int i = 0; i < kPerSource; ++i) {
      ASSERT_EQ(limiter.Begin("owner", "10.1.0." + std::to_string(s)), 0);
    }
  }
  EXPECT_GT(limiter.Begin("owner", "10.1.0.0"), 0) << "a source that failed meets the ceiling";
  EXPECT_EQ(limiter.Begin("owner", "198.51.100.1"), 0) << "a source without failures";
  limiter.Succeeded("owner", "198.51.100.1");
  EXPECT_EQ(limiter.Begin("owner", "198.51.100.1"), 0) << "its success left no failure behind";
  EXPECT_GT(limiter.Begin("owner", "198.51.100.1"), 0) << "once it has failed, the ceiling holds";
}

TEST(LoginLimiterTest, OneSourceIsLimitedAcrossUsernames) {
  FakeClock clock{FromUnixMillis(1'795'000'000'000)};
  LoginLimiter limiter(clock);
  for (int i = 0; i < LoginLimiter::kMaxPerSource; ++i) {
    EXPECT_EQ(limiter.Begin("user" + std::to_string(i), "10.0.0.1"), 0);
  }
  EXPECT_GT(limiter.Begin("someone.else", "10.0.0.1"), 0);
  EXPECT_EQ(limiter.Begin("someone.else", "10.0.0.2"), 0);
}

}  // namespace
}  // namespace recirc::identity
