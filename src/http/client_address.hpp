#pragma once
// The client address a request is counted under (login rate limits): the socket's peer, unless
// the peer is one of the configured trusted proxies, in which case X-Forwarded-For is read from
// the right, skipping further trusted proxies, and the first other address is the client. A
// header from anyone else is ignored: a client cannot choose the address it is limited under.

#include <string>
#include <string_view>
#include <vector>

namespace recirc::http {

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// True if `text` is an IPv4 or IPv6 address (config checks trusted_proxies with it).
bool IsIpAddress(std::string_view text);

}  // namespace recirc::http
