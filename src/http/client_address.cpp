#include "http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace recirc::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<boost::asio::ip::address> Parse(std::string_view text) {
  boost::system::error_code ec;
  auto a = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  // An IPv4 peer on a dual-stack socket reads ::ffff:a.b.c.d; compare it as a.b.c.d.
  if (a.is_v6() && a.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
  }
  return a;
}

bool Trusted(const boost::asio::ip::address& a, const std::vector<std::string>& trusted) {
  return std::any_of(trusted.begin(), trusted.end(), [&](const std::string& t) {
    auto parsed = Parse(t);
    return parsed && *parsed == a;
  });
}

}  // namespace

bool IsIpAddress(std::string_view text) { return Parse(text).has_value(); }

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  const auto peer_address = Parse(peer);
  if (!peer_address || !Trusted(*peer_address, trusted_proxies)) return peer;
  while (!forwarded_for.empty()) {
    const size_t comma = forwarded_for.rfind(',');
    const std::string_view hop =
        Trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for =
        comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    const auto address = Parse(hop);
    if (!address) return peer;  // a hop we cannot read: count the proxy, not a guess
    if (!Trusted(*address, trusted_proxies)) return address->to_string();
  }
  return peer;
}

}  // namespace recirc::http
