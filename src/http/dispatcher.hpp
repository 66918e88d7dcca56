#pragma once
// Dispatcher: everything between "a request was read" and "a response is ready", independent of
// the socket code so that tests drive it directly. In order:
//   request id → route match (404/405) → authentication (session cookie or bearer API key) →
//   permission (401/403) → CSRF check for cookie sessions on unsafe methods →
//   Idempotency-Key (replay, conflict or claim) → handler → error mapping →
//   access log (no personal data: route pattern, not the path; no query; user id, not name) →
//   metrics.
// Thread-safe: called concurrently from the worker pool.
//
// The Idempotency-Key cache keeps no secrets: requests are compared by a keyed MAC of the body
// (`request_mac`, derived from the node's index key), answers are stored sealed with the field
// cipher, and the answer of a Route::answer == Answer::kSecret route is never stored (a retry
// with its key is refused with 409).

#include <spdlog/logger.h>

#include <memory>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "crypto/field_cipher.hpp"
#include "domain/identity/auth_service.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "storage/idempotency_repository.hpp"

namespace recirc::http {

inline constexpr std::string_view kSessionCookie = "recirc_session";

// The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

struct DispatchPlan {
  RouteMatch match;
  std::string path;  // decoded
  std::vector<std::pair<std::string, std::string>> query;
  std::optional<Error> bad_target;        // the target could not be parsed
  size_t body_limit = size_t{64} * 1024;  // unmatched requests: enough to answer 404, not 413
  Execution execution = Execution::kInline;
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, identity::AuthService& auth, storage::Database& db,
             const storage::IdempotencyRepository& idempotency, const crypto::FieldCipher& cipher,
             const crypto::BlindIndex& request_mac, Metrics& metrics,
             const StaticFiles* static_files, const Clock& clock, Random& random,
             std::shared_ptr<spdlog::logger> access_log);

  // Step one, from the request line alone: which route, how large a body, where to run.
  DispatchPlan Plan(Verb method, std::string_view target) const;
  // Step two, with the whole request.
  Response Handle(const DispatchPlan& plan, const HttpRequest& request, const std::string& remote);
  // The answer when the body was larger than the plan allowed.
  Response TooLarge(const DispatchPlan& plan) const;
  // The answer when the pool the route runs on is full: 503 with Retry-After, counted in the
  // metrics and the access log like any other answer.
  Response Busy(const DispatchPlan& plan, const HttpRequest& request);

 private:
  Result<Response> Run(const DispatchPlan& plan, RequestContext& ctx,
                       std::optional<identity::Principal>& principal);
  Result<std::optional<identity::Principal>> Authenticate(const HttpRequest& request);
  Result<Response> RunIdempotent(const Route& route, RequestContext& ctx, std::string_view key);
  std::string NewRequestId();

  const Router& router_;
  identity::AuthService& auth_;
  storage::Database& db_;
  const storage::IdempotencyRepository& idempotency_;
  const crypto::FieldCipher& cipher_;
  const crypto::BlindIndex& request_mac_;
  Metrics& metrics_;
  const StaticFiles* static_files_;
  const Clock& clock_;
  Random& random_;
  std::shared_ptr<spdlog::logger> access_log_;
};

}  // namespace recirc::http
