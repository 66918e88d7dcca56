#include "http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <thread>

#include <vector>
#include "http/client_address.hpp"

namespace recirc::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

bhttp::response<bhttp::string_body> ToBeast(const Response& r, unsigned version, bool keep_alive,
                                            bool head) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "recirc");
  if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
  for (const auto& [k, v] : r.headers) res.insert(k, v);
  res.set("X-Content-Type-Options", "nosniff");
  const std::string_view body = r.BodyView();
  if (head) {
    res.content_length(body.size());
  } else {
    res.body().assign(body.data(), body.size());
    res.prepare_payload();
  }
  res.keep_alive(keep_alive);
  return res;
}

// The soft RLIMIT_NOFILE, raised to the hard limit first (allowed without privileges), or 0 for
// unlimited.
int64_t DescriptorLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY) return 0;
  return static_cast<int64_t>(std::min<rlim_t>(limit.rlim_cur, INT64_MAX));
}

}  // namespace

int64_t ConnectionCap(int64_t configured, int64_t descriptor_limit) {
  if (descriptor_limit <= 0) return std::max<int64_t>(configured, 1);
  return std::max<int64_t>(1, std::min(configured, descriptor_limit - kReservedDescriptors));
}

class Server::Impl {
 public:
  Impl(ServerConfig config, Dispatcher& dispatcher, Metrics& metrics, BoundedPool& hashing)
      : config_(WithConnectionCap(std::move(config))),
        dispatcher_(dispatcher),
        metrics_(metrics),
        hashing_(hashing),
        workers_(static_cast<size_t>(std::max(1, config_.worker_threads))),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM) {}

  Status Listen(uint16_t& port_out) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(config_.host, ec);
    if (ec) return Error::InvalidArgument("listen", "not an IP address: " + config_.host);
    const tcp::endpoint endpoint(address, config_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Error::Unavailable("cannot listen on " + config_.host + ":" +
                                std::to_string(config_.port) + ": " + ec.message());
    }
    port_out = acceptor_.local_endpoint().port();
    return Ok();
  }

  void Run() {
    signals_.async_wait([this](boost::system::error_code ec, int) {
      if (!ec) BeginStop();
    });
    asio::co_spawn(ioc_, Accept(), asio::detached);
    std::vector<std::thread> threads;
    for (int i = 1; i < config_.network_threads; ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
    workers_.join();
  }

  void Stop() {
    asio::post(ioc_, [this] { BeginStop(); });
  }

 private:
  static ServerConfig WithConnectionCap(ServerConfig c) {
    c.max_connections = ConnectionCap(c.max_connections, DescriptorLimit());
    return c;
  }

  void BeginStop() {
    if (stopping_.exchange(true)) return;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    asio::co_spawn(ioc_, Drain(), asio::detached);
  }

  // Waits for requests in progress to finish, then stops the loop (closing idle connections).
  asio::awaitable<void> Drain() {
    asio::steady_timer timer(ioc_);
    const auto deadline = std::chrono::steady_clock::now() + config_.shutdown_grace;
    while (in_flight_.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(kTuple);
    }
    ioc_.stop();
  }

  asio::awaitable<void> Accept() {
    // Out of descriptors, accept fails at once and would fail again at once: wait (10 ms,
    // doubling to 1 s) so connections in progress can finish and free some, instead of spinning
    // on the network thread. The waiting clients stay in the listen backlog.
    asio::steady_timer backoff(ioc_);
    std::chrono::milliseconds delay{10};
    while (!stopping_) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kTuple);
      if (ec) {
        if (stopping_) co_return;
        if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
            ec.value() == ENFILE || ec.value() == ENOMEM) {
          backoff.expires_after(delay);
          co_await backoff.async_wait(kTuple);
          delay = std::min<std::chrono::milliseconds>(delay * 2, std::chrono::seconds(1));
        }
        continue;
      }
      delay = std::chrono::milliseconds(10);
      socket.set_option(tcp::no_delay(true), ec);
      auto executor = socket.get_executor();  // before the move below
      asio::co_spawn(executor, Connection(std::move(socket)), asio::detached);
    }
  }

  asio::awaitable<void> Reject(beast::tcp_stream& stream, const Response& r) {
    auto res = ToBeast(r, 11, false, false);
    co_await bhttp::async_write(stream, res, kTuple);
  }

  asio::awaitable<void> Connection(tcp::socket socket) {
    metrics_.ConnectionOpened();
    beast::tcp_stream stream(std::move(socket));
    std::string remote;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) remote = ep.address().to_string();
    }
    if (metrics_.open_connections() > config_.max_connections) {
      Response busy = ErrorResponse(Error::Unavailable("too many connections; try again"), "");
      busy.headers.emplace_back("Retry-After", "1");
      co_await Reject(stream, busy);
    } else {
      co_await Serve(stream, remote);
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    metrics_.ConnectionClosed();
  }

  asio::awaitable<void> Serve(beast::tcp_stream& stream, const std::string& remote) {
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
      bhttp::request_parser<bhttp::empty_body> head;
      head.header_limit(static_cast<std::uint32_t>(config_.header_limit));
      // The route's own limit is applied once the route is known (below); Beast's default of
      // 1 MiB must not refuse a larger body a route accepts.
      head.body_limit(boost::none);
      stream.expires_after(first ? config_.header_timeout : config_.idle_timeout);
      first = false;
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, head, kTuple);
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          // RFC 6585: 431 Request Header Fields Too Large.
          Response too_large =
              ErrorResponse(Error::ResourceExhausted("request headers too large"), "");
          too_large.status = 431;
          co_await Reject(stream, too_large);
        } else if (ec != beast::error::timeout && ec != bhttp::error::end_of_stream &&
                   ec != asio::error::operation_aborted && ec != asio::error::connection_reset &&
                   ec != asio::error::eof) {
          co_await Reject(
              stream,
              ErrorResponse(Error::InvalidArgument("request", "malformed HTTP request"), ""));
        }
        co_return;
      }
      in_flight_++;
      const DispatchPlan plan = dispatcher_.Plan(head.get().method(), head.get().target());
      // Beast checks Content-Length against the limit while parsing the header, before the
      // route (and so the limit) is known; check it here, before reading any of the body.
      if (const auto length = head.content_length(); length && *length > plan.body_limit) {
        co_await Reject(stream, dispatcher_.TooLarge(plan));
        in_flight_--;
        co_return;
      }
      bhttp::request_parser<bhttp::string_body> parser(std::move(head));
      parser.body_limit(plan.body_limit);  // enforced for chunked bodies as they arrive
      if (!parser.is_done()) {
        stream.expires_after(config_.body_timeout);
        auto [body_ec, m] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        if (body_ec) {
          if (body_ec == bhttp::error::body_limit)
            co_await Reject(stream, dispatcher_.TooLarge(plan));
          in_flight_--;
          co_return;
        }
      }
      stream.expires_never();
      const HttpRequest& request = parser.get();
      const std::string client =
          ClientAddress(remote, request["X-Forwarded-For"], config_.trusted_proxies);
      Response response;
      if (plan.execution == Execution::kInline) {
        response = dispatcher_.Handle(plan, request, client);
      } else if (plan.execution == Execution::kHashing) {
        // Held until the job has run; when the pool is full, 503 now rather than a long queue.
        if (auto admission = hashing_.TryAdmit()) {
          response = co_await asio::co_spawn(
              hashing_.executor(),
              [&]() -> asio::awaitable<Response> {
                co_return dispatcher_.Handle(plan, request, client);
              },
              asio::use_awaitable);
        } else {
          response = dispatcher_.Busy(plan, request);
        }
      } else {
        response = co_await asio::co_spawn(
            workers_,
            [&]() -> asio::awaitable<Response> {
              co_return dispatcher_.Handle(plan, request, client);
            },
            asio::use_awaitable);
      }
      if (response.stream) {
        in_flight_--;  // a stream is not a request in progress: shutdown does not wait for it
        co_await Stream(stream, response, request.version());
        co_return;
      }
      const bool keep_alive = request.keep_alive() && !stopping_;
      auto res = ToBeast(response, request.version(), keep_alive, request.method() == Verb::head);
      stream.expires_after(config_.body_timeout);
      auto [write_ec, w] = co_await bhttp::async_write(stream, res, kTuple);
      in_flight_--;
      if (write_ec || !keep_alive) co_return;
    }
  }

  // What wakes a streamed answer: the source's OnReady posts a cancel of the timer to the
  // connection's strand. `ready` catches a wake that comes while the connection is writing.
  struct StreamWake {
    explicit StreamWake(const asio::any_io_executor& executor) : timer(executor) {}
    asio::steady_timer timer;
    std::atomic<bool> ready{false};
  };

  asio::awaitable<void> Stream(beast::tcp_stream& stream, const Response& response,
                               unsigned version) {
    using namespace asio::experimental::awaitable_operators;
    bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(response.status), version};
    head.set(bhttp::field::server, "recirc");
    head.set(bhttp::field::content_type, response.content_type);
    for (const auto& [k, v] : response.headers) head.insert(k, v);
    head.set("X-Content-Type-Options", "nosniff");
    head.set("X-Accel-Buffering", "no");
    head.keep_alive(false);  // the body ends when the connection does
    bhttp::response_serializer<bhttp::empty_body> serializer(head);
    stream.expires_after(config_.body_timeout);
    auto [head_ec, h] = co_await bhttp::async_write_header(stream, serializer, kTuple);
    if (head_ec) co_return;

    auto wake = std::make_shared<StreamWake>(stream.get_executor());
    response.stream->OnReady([weak = std::weak_ptr<StreamWake>(wake)] {
      auto w = weak.lock();
      if (!w) return;
      w->ready = true;
      asio::post(w->timer.get_executor(), [w] { w->timer.cancel(); });
    });
    std::array<char, 256> discard{};
    for (;;) {
      const std::string text = response.stream->Take();
      if (!text.empty()) {
        stream.expires_after(config_.body_timeout);
        auto [ec, n] = co_await asio::async_write(stream, asio::buffer(text), kTuple);
        if (ec) break;
      }
      if (stopping_) break;
      if (wake->ready.exchange(false)) continue;  // woken while writing: take again
      wake->timer.expires_after(config_.stream_heartbeat);
      stream.expires_never();
      auto done = co_await (stream.socket().async_read_some(asio::buffer(discard), kTuple) ||
                            wake->timer.async_wait(kTuple));
      if (done.index() == 0) break;  // the client closed the connection (or spoke out of turn)
      if (!std::get<0>(std::get<1>(done))) {  // the heartbeat is due, nothing came
        stream.expires_after(config_.body_timeout);
        auto [ec, n] =
            co_await asio::async_write(stream, asio::buffer(": keep-alive\n\n", 14), kTuple);
        if (ec) break;
      }
    }
    response.stream->OnReady({});
  }

  ServerConfig config_;
  Dispatcher& dispatcher_;
  Metrics& metrics_;
  BoundedPool& hashing_;
  asio::io_context ioc_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> in_flight_{0};
};

Server::Server(ServerConfig config, Dispatcher& dispatcher, Metrics& metrics, BoundedPool& hashing)
    : impl_(std::make_unique<Impl>(std::move(config), dispatcher, metrics, hashing)) {}
Server::~Server() = default;
Status Server::Listen() { return impl_->Listen(port_); }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace recirc::http
