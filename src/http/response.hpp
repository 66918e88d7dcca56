#pragma once
// Response: what a handler returns. The body is either owned text or a shared, immutable buffer
// (static files are served from memory without copying).

#include <boost/json/value.hpp>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace recirc::http {

// A long-lived body (Server-Sent Events): the server writes the head, then whatever Take()
// gives whenever the source calls the function it got from OnReady (from any thread), a heartbeat
// comment when nothing came for a while, until the client goes away. Nothing polls.
class StreamSource {
 public:
  virtual ~StreamSource() = default;
  // The text to write now; empty when there is nothing. Never blocks (network thread).
  virtual std::string Take() = 0;
  virtual void OnReady(std::function<void()> wake) = 0;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::shared_ptr<const std::string> shared_body;  // used instead of `body` when set
  std::vector<std::pair<std::string, std::string>> headers;
  std::shared_ptr<StreamSource> stream;  // set: a streamed answer (`body` is ignored)

  std::string_view BodyView() const { return shared_body ? *shared_body : body; }
};

Response Json(unsigned status, const boost::json::value& value);
Response NoContent();
Response Text(unsigned status, std::string content_type, std::string body);

// The HTTP status for an error code: one table for the whole API.
unsigned StatusOf(ErrorCode code);
// {"error": {"code": "...", "message": "...", "field": "..."}} with the mapped status.
Response ErrorResponse(const Error& error, std::string_view request_id);

}  // namespace recirc::http
