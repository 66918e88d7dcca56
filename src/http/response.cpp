#include "http/response.hpp"

#include <boost/json.hpp>

namespace recirc::http {

Response Json(unsigned status, const boost::json::value& value) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(value);
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Text(unsigned status, std::string content_type, std::string body) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

unsigned StatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kFailedPrecondition:
      return 422;
    case ErrorCode::kResourceExhausted:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error, std::string_view request_id) {
  boost::json::object e{{"code", ErrorCodeName(error.code)}, {"message", error.message}};
  if (!error.field.empty()) e["field"] = error.field;
  if (!error.message_id.empty()) {
    e["message_id"] = error.message_id;
    boost::json::object params;
    for (const auto& p : error.params) params[p.name] = p.value;
    e["params"] = std::move(params);
  }
  if (!request_id.empty()) e["request_id"] = request_id;
  return Json(StatusOf(error.code), boost::json::object{{"error", std::move(e)}});
}

}  // namespace recirc::http
