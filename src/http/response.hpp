#pragma once
// Response: what a handler returns. The body is either owned text or a shared, immutable buffer
// (static files are served from memory without copying).

#include <boost/json/value.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace recirc::http {

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::shared_ptr<const std::string> shared_body;  // used instead of `body` when set
  std::vector<std::pair<std::string, std::string>> headers;

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
