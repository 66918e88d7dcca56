#pragma once
// The HTTP client the log uses to reach its witnesses: one blocking POST per call, with a
// deadline, http:// only (a witness behind TLS sits behind a local proxy, as the server does).

#include <chrono>
#include <string>

#include "domain/history/witness_sender.hpp"

namespace recirc::app {

// POSTs `body` (text/plain) to `url`; Unavailable if there is no HTTP answer by `timeout`.
Result<history::PostAnswer> PostText(const std::string& url, const std::string& body,
                                     std::chrono::milliseconds timeout);

}  // namespace recirc::app
