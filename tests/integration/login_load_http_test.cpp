// Logins under load over HTTP on both databases (docs/security.md "Logins under load, police
// accounts and display names"): attempts are counted before the password is checked, per
// (username, source); X-Forwarded-For counts only from a trusted proxy; passwords are checked on
// a small bounded pool that answers 503 when full while other requests still answer; buyer
// sign-up answers a staff username exactly like a buyer's.
#include <gtest/gtest.h>

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

#include <future>
#include <thread>

#include "app/demo.hpp"
#include "http/bounded_pool.hpp"
#include "support/test_server.hpp"

namespace recirc::testing {
namespace {

namespace json = boost::json;

std::string LoginBody(const std::string& username, const std::string& password) {
  return R"({"username":")" + username + R"(","password":")" + password + "\"}";
}

class LoginLoadHttpTest : public ::testing::TestWithParam<Backend> {
 protected:
  void Start(app::Config config = {}) {
    server_ = TestServer::Start(GetParam(), std::move(config));
    if (!server_) GTEST_SKIP() << "database unavailable";
    ASSERT_TRUE(app::SeedDemo(server_->app().directory(), server_->db()));
  }
  HttpResult Login(const std::string& username, const std::string& password,
                   const std::string& forwarded_for = "") {
    HttpCall call{"POST", "/api/v1/session", LoginBody(username, password)};
    if (!forwarded_for.empty()) call.headers.emplace_back("X-Forwarded-For", forwarded_for);
    return server_->Call(call);
  }
  std::unique_ptr<TestServer> server_;
};

TEST_P(LoginLoadHttpTest, FortyParallelGuessesReachThePasswordCheckExactlyFiveTimes) {
  app::Config config;
  config.server.hashing_queue = 64;  // room for all 40: this test is about the limiter
  Start(config);
  if (!server_) return;
  std::vector<std::future<unsigned>> guesses;
  for (int i = 0; i < 40; ++i) {
    guesses.push_back(std::async(std::launch::async, [this, i] {
      return Login("shop.clerk", "wrong password " + std::to_string(i)).status;
    }));
  }
  int checked = 0, limited = 0, other = 0;
  for (auto& g : guesses) {
    const unsigned status = g.get();
    // 401: the password was checked and was wrong. 429: refused before any check.
    (status == 401 ? checked : status == 429 ? limited : other)++;
  }
  EXPECT_EQ(checked, 5);
  EXPECT_EQ(limited, 35);
  EXPECT_EQ(other, 0);
}

TEST_P(LoginLoadHttpTest, AStrangerBehindTheTrustedProxyDoesNotLockTheOwnerOut) {
  app::Config config;
  config.server.trusted_proxies = {"127.0.0.1"};
  Start(config);
  if (!server_) return;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Login("shop.clerk", "a stranger's guess", "203.0.113.9").status, 401u);
  }
  auto stranger = Login("shop.clerk", "recirc-demo", "203.0.113.9");
  EXPECT_EQ(stranger.status, 429u) << "the stranger is limited, even with the right password";
  EXPECT_FALSE(stranger.Header("Retry-After").empty());
  EXPECT_EQ(Login("shop.clerk", "recirc-demo", "198.51.100.1").status, 200u)
      << "the owner logs in from elsewhere";
  // The proxy's own address is not the client's: a chain ending in the proxy counts its client.
  EXPECT_EQ(Login("shop.clerk", "recirc-demo", "203.0.113.9, 127.0.0.1").status, 429u);
}

TEST_P(LoginLoadHttpTest, ForwardedForIsIgnoredUnlessThePeerIsATrustedProxy) {
  app::Config config;
  config.server.trusted_proxies = {"10.9.9.9"};  // not this test's peer, 127.0.0.1
  Start(config);
  if (!server_) return;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Login("shop.clerk", "a guess", "203.0.113." + std::to_string(i)).status, 401u);
  }
  EXPECT_EQ(Login("shop.clerk", "recirc-demo", "198.51.100.1").status, 429u)
      << "a client cannot pick the address it is counted under";
  EXPECT_EQ(Login("shop.admin", "recirc-demo").status, 200u) << "another username still works";
}

TEST_P(LoginLoadHttpTest, AFullHashingPoolAnswers503WhileOtherRequestsStillAnswer) {
  app::Config config;
  config.server.hashing_threads = 2;
  config.server.hashing_queue = 2;
  Start(config);
  if (!server_) return;
  const Headers clerk = LogInDemo(*server_, "shop.clerk");

  // Occupy both hashing threads with jobs that wait for us, and take the queue's places.
  auto& pool = server_->app().hashing_pool();
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::vector<http::BoundedPool::Admission> held;
  std::promise<void> started[2];
  for (int i = 0; i < pool.capacity(); ++i) {
    auto admission = pool.TryAdmit();
    ASSERT_TRUE(admission);
    if (i < 2) {
      boost::asio::post(pool.executor(), [released, &started, i] {
        started[i].set_value();
        released.wait();
      });
    }
    held.push_back(std::move(*admission));
  }
  started[0].get_future().wait();
  started[1].get_future().wait();
  EXPECT_FALSE(pool.TryAdmit());

  auto busy = Login("shop.admin", "recirc-demo");
  EXPECT_EQ(busy.status, 503u) << busy.body;
  EXPECT_FALSE(busy.Header("Retry-After").empty());
  EXPECT_EQ(server_->Call({"GET", "/healthz"}).status, 200u);
  auto session = server_->Call({"GET", "/api/v1/session", "", clerk});
  EXPECT_EQ(session.status, 200u) << "an authenticated GET does not wait for hashing";
  EXPECT_EQ(server_->Call({"GET", "/api/v1/regions", "", clerk}).status, 200u);

  release.set_value();
  held.clear();
  EXPECT_EQ(Login("shop.admin", "recirc-demo").status, 200u) << "and logins resume";
}

TEST_P(LoginLoadHttpTest, SignUpAnswersAStaffUsernameExactlyLikeABuyerUsername) {
  Start();
  if (!server_) return;
  auto sign_up = [&](const std::string& username) {
    return server_->Call(
        {"POST",
         "/api/v1/buyers",
         R"({"username":")" + username + R"(","password":"a long password","display_name":"买家"})",
         {{"X-Request-Id", "same-request-id"}}});
  };
  ASSERT_EQ(sign_up("mei.buyer").status, 201u);
  const auto buyer = sign_up("mei.buyer");
  const auto staff = sign_up("police.supervisor");
  EXPECT_EQ(staff.status, buyer.status);
  EXPECT_EQ(staff.body, buyer.body);
}

RECIRC_BOTH_DATABASES(LoginLoadHttpTest);

}  // namespace
}  // namespace recirc::testing
