#pragma once
// The HTTP client a shop reaches its city with (federation/transport.hpp): one blocking POST of
// a signed note per call, with a deadline, http:// only (TLS sits in a local proxy, as for the
// server and the witness client). Reads the Retry-After seconds of a 429 or 503.

#include <chrono>
#include <string>

#include "domain/federation/transport.hpp"

namespace recirc::app {

Result<federation::PostAnswer> PostNote(const std::string& url, const std::string& body,
                                        std::chrono::milliseconds timeout);

}  // namespace recirc::app
