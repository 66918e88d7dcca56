#pragma once
// One blocking HTTP/1.1 POST of a text/plain body, with a deadline, http:// only (a TLS peer sits
// behind a local proxy, as the server does). The witness client and the federation client are
// thin wrappers that shape the answer for their callers.

#include <chrono>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::app {

struct HttpReply {
  unsigned status = 0;
  std::string content_type;
  std::string retry_after;  // the Retry-After header as sent ("" when absent)
  std::string body;
};

// POSTs `body` to `url`. InvalidArgument naming `url_field` when the URL is not http://host...;
// Unavailable if there is no HTTP answer by `timeout` or it is longer than `body_limit` bytes.
Result<HttpReply> PostPlainText(const std::string& url, const std::string& body,
                                std::chrono::milliseconds timeout, size_t body_limit,
                                std::string_view url_field);

}  // namespace recirc::app
