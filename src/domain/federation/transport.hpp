#pragma once
// How a node reaches another: one blocking POST of a signed note (text/plain). The application
// gives the real HTTP client (app/federation_client.hpp); tests give one that can be cut off.

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace recirc::federation {

struct PostAnswer {
  unsigned status = 0;
  std::string body;
  std::optional<std::chrono::seconds> retry_after;  // the Retry-After header, when given
};

// POSTs `body` to `url`; Unavailable when there is no HTTP answer (refused, timed out).
using Post = std::function<Result<PostAnswer>(const std::string& url, const std::string& body)>;

// When to try again after failures: `initial` after the first, doubling up to `max`, or what the
// other side asked for (Retry-After) when that is later.
struct Backoff {
  std::chrono::milliseconds initial{1000};
  std::chrono::milliseconds max{60000};

  std::chrono::milliseconds After(int failures,
                                  std::optional<std::chrono::seconds> retry_after) const {
    auto wait = initial;
    for (int i = 1; i < failures && wait < max; ++i) wait *= 2;
    wait = std::min(wait, max);
    if (retry_after && *retry_after > wait) return *retry_after;
    return wait;
  }
};

}  // namespace recirc::federation
