#include "app/http_post.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <fmt/format.h>

namespace recirc::app {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = boost::asio::ip::tcp;

Result<HttpReply> PostPlainText(const std::string& url, const std::string& body,
                                std::chrono::milliseconds timeout, size_t body_limit,
                                std::string_view url_field) {
  auto u = boost::urls::parse_uri(url);
  if (!u || u->scheme() != "http" || u->host().empty()) {
    return Error::InvalidArgument(
        std::string(url_field), fmt::format("{} is http://host:port/path, not {}", url_field, url));
  }
  const std::string host(u->host());
  const std::string port = u->has_port() ? std::string(u->port()) : "80";
  boost::asio::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  bhttp::request<bhttp::string_body> req{bhttp::verb::post,
                                         u->path().empty() ? "/" : std::string(u->path()), 11};
  req.set(bhttp::field::host, host);
  req.set(bhttp::field::content_type, "text/plain; charset=utf-8");
  req.body() = body;
  req.prepare_payload();
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(body_limit);
  beast::error_code ec;
  auto endpoints = resolver.resolve(host, port, ec);
  if (!ec) {
    stream.expires_after(timeout);
    stream.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
      if (e) {
        ec = e;
        return;
      }
      bhttp::async_write(stream, req, [&](beast::error_code e2, size_t) {
        if (e2) {
          ec = e2;
          return;
        }
        bhttp::async_read(stream, buffer, parser, [&](beast::error_code e3, size_t) { ec = e3; });
      });
    });
    ioc.run();
  }
  if (ec) return Error::Unavailable(fmt::format("POST {}: {}", url, ec.message()));
  return HttpReply{parser.get().result_int(), std::string(parser.get()[bhttp::field::content_type]),
                   std::string(parser.get()[bhttp::field::retry_after]),
                   std::move(parser.get().body())};
}

}  // namespace recirc::app
