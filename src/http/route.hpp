#pragma once
// Routes: one constant table per API area (src/api/<area>/routes.cpp), read top to bottom.
// Each route names its method, path pattern ("/api/v1/organisations/{id}/outlets"), the
// permission it needs, the largest body it accepts and where it runs: kInline on the network
// thread (no blocking work: health, static files), kBlocking on the worker pool (anything that
// touches the database or the disk) or kHashing on the small bounded pool for password hashing
// (login, sign-up, new accounts), so that hashing never delays the other requests. A route whose
// answer carries a secret says so (Answer), and the Idempotency-Key cache never keeps that answer.

#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity/principal.hpp"
#include "http/response.hpp"

namespace recirc::http {

using Verb = boost::beast::http::verb;
using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

enum class Execution { kInline, kBlocking, kHashing };

// What the Idempotency-Key cache may keep of a route's answer.
//   kReplayable: the answer is stored encrypted (field cipher) for 24 hours and replayed to a
//                retry with the same key.
//   kSecret:     the answer carries a secret (API key, session token) or decrypted personal data
//                (a police reveal). Only "done" is recorded, never the answer: a retry with the
//                same key is refused (409), so a replay can neither leak the secret nor skip the
//                access audit.
enum class Answer { kReplayable, kSecret };

struct RequestContext {
  const HttpRequest& request;
  std::string request_id;
  std::string remote;  // client address; used for rate limits only, never logged
  std::vector<std::pair<std::string, std::string>> path_params;
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  const identity::Principal* principal = nullptr;          // null on public routes without login
  std::vector<std::pair<std::string, std::string>> extra_headers;  // e.g. Set-Cookie
  // When set, every name Query() is asked for is appended here: OpenApiDocTest holds the names
  // against the route's documented query parameters (RouteDoc::Query). Null on real requests.
  std::vector<std::string>* queried = nullptr;

  std::string_view Param(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const;
  // The body as a JSON object; InvalidArgument (field "body") if it is not one.
  Result<boost::json::object> JsonObject() const;
  const identity::Principal& Actor() const { return *principal; }
};

using Handler = std::function<Result<Response>(RequestContext&)>;

}  // namespace recirc::http
namespace recirc::jsonmap {
class Schemas;
}  // namespace recirc::jsonmap
namespace recirc::http {

// What the generated OpenAPI document says of a route beyond its method, pattern and permission
// (src/api/openapi.cpp): made with http::Document<Request, Answer>(…) (http/openapi_schema.hpp)
// and completed with the chained calls below. The standard answers follow from the route itself
// (400 on /api/ routes, 401 and 403 when it needs a permission, 404 when its path has a
// parameter); a route declares its query parameters and any other answer here.
using SchemaFn = boost::json::value (*)(jsonmap::Schemas&);
struct QueryParamDoc {
  std::string name;
  std::string schema;  // JSON Schema text
  std::string description;
  bool required = false;
};
struct AnswerDoc {
  unsigned status;
  std::string description;  // empty: keep the one already there
  std::string media_type;   // empty: no content (or, for Fails, the Error schema)
  std::string schema;       // JSON Schema text of the content
  bool error = false;       // the content is the shared Error schema
};
struct RouteDoc {
  std::string summary;
  std::string tag;
  SchemaFn request = nullptr;   // the JSON body's schema; null: no JSON body
  SchemaFn response = nullptr;  // the success answer's schema; null: not JSON or not described
  unsigned status = 200;        // the success status
  std::string ok_description;   // empty: "OK" (201: "created")
  std::string description;      // longer text than the summary, if any
  std::vector<QueryParamDoc> query;
  std::vector<AnswerDoc> answers;  // in declaration order
  std::vector<AnswerDoc> bodies;   // a body that is not JSON (status unused)

  // A query parameter the handler reads (schema: JSON Schema text, e.g. {"type": "string"}).
  RouteDoc& Query(std::string name, std::string schema, std::string description = {},
                  bool required = false);
  // An error answer with the Error schema; without a description, the shared one of the status
  // (#/components/responses/…: 400, 401, 403, 404, 409, 422).
  RouteDoc& Fails(unsigned status, std::string description = {});
  // Another answer (or more content of one): a non-JSON success, a second success status.
  RouteDoc& Returns(unsigned status, std::string description, std::string media_type = {},
                    std::string schema = {});
  RouteDoc& Ok(std::string description);
  RouteDoc& Details(std::string text);
  // A body that is not JSON (CSV, an image): its media type and schema; example: a sample body.
  RouteDoc& Body(std::string media_type, std::string schema, std::string example = {});
};

struct Route {
  Verb method;
  std::string pattern;
  identity::Permission permission;
  Handler handler;
  size_t body_limit = size_t{64} * 1024;
  Execution execution = Execution::kBlocking;
  Answer answer = Answer::kReplayable;
  std::optional<RouteDoc> doc = std::nullopt;  // null: only method, path and permission
};

}  // namespace recirc::http
