#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <unistd.h>

#include <algorithm>

#include "support/test_images.hpp"
namespace recirc::testing {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

std::string HttpResult::Header(const std::string& name) const {
  std::string lower = name;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  auto it = headers.find(lower);
  return it == headers.end() ? std::string() : it->second;
}

HttpResult Send(uint16_t port, const HttpCall& call) {
  boost::asio::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(call.method), call.target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [k, v] : call.headers) req.set(k, v);
  if (!call.body.empty()) {
    if (req[bhttp::field::content_type].empty())
      req.set(bhttp::field::content_type, "application/json");
    req.body() = call.body;
  }
  req.prepare_payload();
  bhttp::write(socket, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (call.method == "HEAD") parser.skip(true);
  beast::error_code ec;
  bhttp::read(socket, buffer, parser, ec);
  HttpResult out;
  if (ec) {
    out.status = 0;
    out.body = ec.message();
    return out;
  }
  const auto& res = parser.get();
  out.status = res.result_int();
  for (const auto& f : res) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    out.headers[name] = std::string(f.value());
  }
  out.body = res.body();
  return out;
}

std::unique_ptr<TestServer> TestServer::Start(Backend backend, app::Config config,
                                              std::filesystem::path data_dir) {
  config.market.simulated_payments = true;
  return StartAsConfigured(backend, std::move(config), std::move(data_dir));
}

std::unique_ptr<TestServer> TestServer::StartAsConfigured(Backend backend, app::Config config,
                                                          std::filesystem::path data_dir) {
  auto server = std::unique_ptr<TestServer>(new TestServer());
  server->test_db_ = TestDatabase::Create(backend, /*migrate=*/false);
  if (!server->test_db_) return nullptr;
  // Keys and other files of this server live in their own temporary directory.
  server->data_dir_ = std::filesystem::temp_directory_path() /
                      ("recirc_server_" + std::to_string(::getpid()) + "_" +
                       std::to_string(reinterpret_cast<uintptr_t>(server.get())));
  if (!data_dir.empty()) server->data_dir_ = std::move(data_dir);
  config.data_dir = server->data_dir_;
  config.server.port = 0;
  config.server.host = "127.0.0.1";
  config.server.worker_threads = 4;
  config.server.shutdown_grace = std::chrono::seconds(5);
  config.password_cost = crypto::PasswordCost::kMinimumForTests;
  config.access_log = false;
  if (!config.web_root) config.web_root = std::filesystem::path();  // none unless a test sets one
  auto app =
      app::Application::Create(config, server->test_db_->db(), server->clock_, server->random_);
  if (!app) {
    ADD_FAILURE() << "application: " << app.error().message;
    return nullptr;
  }
  server->app_ = std::move(*app);
  if (auto st = server->app_->Listen(); !st) {
    ADD_FAILURE() << "listen: " << st.error().message;
    return nullptr;
  }
  server->thread_ = std::thread([s = server.get()] { s->app_->Serve(); });
  return server;
}

TestServer::~TestServer() {
  if (app_) app_->Stop();
  if (thread_.joinable()) thread_.join();
  app_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(data_dir_, ignored);
}

Headers LogInDemo(const TestServer& server, const std::string& username,
                  std::string* organisation_id) {
  auto r = server.Call({"POST", "/api/v1/session",
                        R"({"username":")" + username + R"(","password":"recirc-demo"})"});
  EXPECT_EQ(r.status, 200u) << r.body;
  auto body = boost::json::parse(r.body).as_object();
  if (organisation_id)
    *organisation_id = std::string(body["organisation"].as_object()["id"].as_string());
  const std::string cookie = r.Header("Set-Cookie");
  return {{"Cookie", cookie.substr(0, cookie.find(';'))},
          {"X-CSRF-Token", std::string(body["csrf_token"].as_string())}};
}

std::string UploadOrderPhoto(const TestServer& server, const std::string& order_id,
                             const std::string& stage, Headers who) {
  who.emplace_back("Content-Type", "image/png");
  auto r = server.Call(
      {"POST", "/api/v1/orders/" + order_id + "/photos?stage=" + stage, ColourPng(), who});
  EXPECT_EQ(r.status, 201u) << r.body;
  if (r.status != 201) return {};
  return std::string(boost::json::parse(r.body).at("ref").as_string());
}

unsigned AnnounceUpload(uint16_t port, const std::string& target, size_t length,
                        const std::vector<std::pair<std::string, std::string>>& headers) {
  namespace asio = boost::asio;
  namespace bhttp = boost::beast::http;
  asio::io_context ioc;
  asio::ip::tcp::socket socket(ioc);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  std::string head = "POST " + target +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n" +
                     "Content-Length: " + std::to_string(length) + "\r\n";
  for (const auto& [k, v] : headers) head += k + ": " + v + "\r\n";
  head += "\r\n";
  asio::write(socket, asio::buffer(head));
  boost::beast::flat_buffer buffer;
  bhttp::response<bhttp::string_body> res;
  bhttp::read(socket, buffer, res);
  return res.result_int();
}

}  // namespace recirc::testing
