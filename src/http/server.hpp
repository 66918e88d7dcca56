#pragma once
// Server: the HTTP/1.1 listener on Boost.Beast with C++20 coroutines.
//
// - Network threads only parse, route and write; routes marked kBlocking run on a separate
//   worker pool, so a slow database call never stalls other connections; routes marked kHashing
//   (login, sign-up: password hashing) run on a small bounded pool of their own and answer 503
//   with Retry-After when it is full (BoundedPool).
// - The client address handed to the dispatcher is the peer's, or X-Forwarded-For's when the
//   peer is a trusted proxy (ClientAddress).
// - Limits: request-header size (431 beyond it) and timeout, idle keep-alive timeout, per-route
//   body limit (413 before the body is read past it), a cap on open connections (503 and close
//   beyond it) that also stays below the process's file-descriptor limit (RLIMIT_NOFILE); when
//   accept still fails for want of descriptors (EMFILE/ENFILE) the listener backs off instead of
//   spinning.
// - Graceful shutdown on SIGTERM/SIGINT or Stop(): stop accepting, finish requests in progress
//   (up to the grace period), then close idle connections.
// - Streamed answers (Server-Sent Events, Response::stream): the head, then what the source gives
//   when it wakes the connection, a heartbeat comment when idle; the connection closes when the
//   client does (a read on the socket completes) or a write fails. No polling.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "http/bounded_pool.hpp"
#include "http/dispatcher.hpp"

namespace recirc::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (see Server::port())
  int network_threads = 2;
  int worker_threads = 8;
  int hashing_threads = 2;  // the BoundedPool for kHashing routes (made by the application)
  int hashing_queue = 16;   // kHashing requests waiting beyond those running; more get 503
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For names the client
  int64_t max_connections = 10'000;          // lowered to fit RLIMIT_NOFILE (ConnectionCap)
  size_t header_limit = size_t{16} * 1024;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds shutdown_grace{10};
  // A streamed answer (Response::stream) with nothing to send writes a comment this often, so
  // proxies keep it open and a vanished client is noticed.
  std::chrono::seconds stream_heartbeat{25};
};

// Descriptors kept free for everything that is not a client connection: database connections,
// photo and report files, the search index, log files.
inline constexpr int64_t kReservedDescriptors = 256;

// The connection cap for a process allowed `descriptor_limit` open files (the RLIMIT_NOFILE soft
// limit; 0 or negative for unlimited): `configured`, but at most the limit less
// kReservedDescriptors, and at least 1 (a tiny limit then fails on accept and backs off).
int64_t ConnectionCap(int64_t configured, int64_t descriptor_limit);

class Server {
 public:
  Server(ServerConfig config, Dispatcher& dispatcher, Metrics& metrics, BoundedPool& hashing);
  ~Server();
  // Binds and listens; after this, port() is the real port.
  Status Listen();
  uint16_t port() const { return port_; }
  // Serves until Stop() or a termination signal. Blocks.
  void Run();
  // Thread-safe; may be called from a signal handler's completion or another thread.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

}  // namespace recirc::http
