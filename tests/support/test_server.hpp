#pragma once
// A whole recirc server for integration tests: a fresh test database (either backend), the real
// Application wiring, listening on a free loopback port, served from a background thread; plus a
// small blocking HTTP client.

#include <map>
#include <memory>
#include <string>
#include <thread>

#include "app/application.hpp"
#include "crypto/secure_random.hpp"
#include "support/test_database.hpp"

namespace recirc::testing {

struct HttpResult {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& name) const;
};

struct HttpCall {
  std::string method = "GET";
  std::string target = "/";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

HttpResult Send(uint16_t port, const HttpCall& call);

using Headers = std::vector<std::pair<std::string, std::string>>;

class TestServer {
 public:
  // Returns nullptr (after recording why) if the backend is unavailable. A given `data_dir`
  // (for keys made beforehand) is used instead of a fresh one, and removed at the end too.
  // Tests pay with the simulated provider: Start offers it whatever `config` says.
  static std::unique_ptr<TestServer> Start(Backend backend, app::Config config = {},
                                           std::filesystem::path data_dir = {});
  // As `config` says, [market] simulated_payments included (off by default, as for `serve`).
  static std::unique_ptr<TestServer> StartAsConfigured(Backend backend, app::Config config,
                                                       std::filesystem::path data_dir = {});
  ~TestServer();
  uint16_t port() const { return app_->port(); }
  app::Application& app() { return *app_; }
  storage::Database& db() { return test_db_->db(); }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  HttpResult Call(const HttpCall& call) const { return Send(port(), call); }

 private:
  TestServer() = default;
  std::unique_ptr<TestDatabase> test_db_;
  std::filesystem::path data_dir_;
  SystemClock clock_;
  crypto::SecureRandom random_;
  std::unique_ptr<app::Application> app_;
  std::thread thread_;
};

// Logs a demo user in (password `recirc-demo`) and returns the session's headers: its cookie and
// CSRF token. With `organisation_id`, also gives the user's organisation id. A failed login is a
// test failure.
Headers LogInDemo(const TestServer& server, const std::string& username,
                  std::string* organisation_id = nullptr);

// Uploads a colour PNG as a photo of `order_id` at `stage` (dispatch, return) as `who`, expecting
// 201; returns its reference (sha256:<hex>) for a dispatch or a return to name, "" on failure.
std::string UploadOrderPhoto(const TestServer& server, const std::string& order_id,
                             const std::string& stage, Headers who);

// Sends only the header of an upload (Content-Type image/png) that announces `length` bytes and
// reads the answer: a body over the route's limit must be refused before any of it is sent.
unsigned AnnounceUpload(uint16_t port, const std::string& target, size_t length,
                        const std::vector<std::pair<std::string, std::string>>& headers);

}  // namespace recirc::testing
