#include "http/dispatcher.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <chrono>

#include "crypto/token.hpp"

namespace recirc::http {
namespace {

namespace bhttp = boost::beast::http;

bool IsUnsafe(Verb m) {
  return m == Verb::post || m == Verb::put || m == Verb::patch || m == Verb::delete_;
}

bool ValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

bool IsApiPath(std::string_view path) {
  return path.starts_with("/api/") || path == "/healthz" || path == "/readyz" ||
         path == "/metrics" || path.starts_with("/log/");
}

}  // namespace

std::string CookieValue(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    const size_t end = header.find(';', pos);
    const std::string_view pair =
        header.substr(pos, end == std::string_view::npos ? end : end - pos);
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return {};
}

Dispatcher::Dispatcher(const Router& router, identity::AuthService& auth, storage::Database& db,
                       const storage::IdempotencyRepository& idempotency,
                       const crypto::FieldCipher& cipher, const crypto::BlindIndex& request_mac,
                       Metrics& metrics, const StaticFiles* static_files, const Clock& clock,
                       Random& random, std::shared_ptr<spdlog::logger> access_log)
    : router_(router),
      auth_(auth),
      db_(db),
      idempotency_(idempotency),
      cipher_(cipher),
      request_mac_(request_mac),
      metrics_(metrics),
      static_files_(static_files),
      clock_(clock),
      random_(random),
      access_log_(std::move(access_log)) {}

DispatchPlan Dispatcher::Plan(Verb method, std::string_view target) const {
  DispatchPlan plan;
  auto url = boost::urls::parse_origin_form(target);
  if (!url) {
    plan.bad_target = Error::InvalidArgument("target", "the request target is not a valid path");
    return plan;
  }
  plan.path = url->path();
  for (const auto& p : url->params()) plan.query.emplace_back(p.key, p.value);
  plan.match = router_.Match(method, plan.path);
  if (plan.match.route) {
    plan.body_limit = plan.match.route->body_limit;
    plan.execution = plan.match.route->execution;
  }
  return plan;
}

Response Dispatcher::TooLarge(const DispatchPlan& plan) const {
  Response r = ErrorResponse(
      Error::ResourceExhausted("the body is larger than " + std::to_string(plan.body_limit) +
                               " bytes, the limit of this route"),
      "");
  r.status = 413;
  return r;
}

Response Dispatcher::Busy(const DispatchPlan& plan, const HttpRequest& request) {
  const auto sent_id = request["X-Request-Id"];
  const std::string request_id = ValidRequestId(sent_id) ? std::string(sent_id) : NewRequestId();
  Response r = ErrorResponse(
      Error::Unavailable("too many logins are being checked at once; try again in a moment"),
      request_id);
  r.headers.emplace_back("Retry-After", "1");
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Request-Id", request_id);
  const size_t index = plan.match.route ? plan.match.index : router_.routes().size();
  metrics_.Record(index, r.status, std::chrono::microseconds(0));
  access_log_->info(
      "{} {} {} {} busy", request_id, std::string_view(bhttp::to_string(request.method())),
      plan.match.route ? std::string_view(plan.match.route->pattern) : "other", r.status);
  return r;
}

std::string Dispatcher::NewRequestId() {
  std::array<uint8_t, 8> bytes{};
  random_.Fill(bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (uint8_t b : bytes) {
    id += kHex[b >> 4];
    id += kHex[b & 15];
  }
  return id;
}

Result<std::optional<identity::Principal>> Dispatcher::Authenticate(const HttpRequest& request) {
  const auto auth = request[bhttp::field::authorization];
  if (!auth.empty()) {
    if (!auth.starts_with("Bearer ")) {
      return Error::Unauthenticated("the Authorization header must be 'Bearer <API key>'");
    }
    RECIRC_TRY(identity::Principal p, auth_.AuthenticateApiKey(std::string(auth.substr(7))));
    return std::optional<identity::Principal>(std::move(p));
  }
  const std::string token = CookieValue(request[bhttp::field::cookie], kSessionCookie);
  if (token.empty()) return std::optional<identity::Principal>();
  RECIRC_TRY(identity::Principal p, auth_.AuthenticateSession(token));
  return std::optional<identity::Principal>(std::move(p));
}

Result<Response> Dispatcher::RunIdempotent(const Route& route, RequestContext& ctx,
                                           std::string_view key) {
  if (key.size() > 200) return Error::InvalidArgument("Idempotency-Key", "at most 200 characters");
  const std::string principal = ctx.principal ? ctx.principal->user_id : "anonymous";
  const storage::IdempotencyRequest req{
      principal, std::string(key), std::string(bhttp::to_string(ctx.request.method())),
      std::string(ctx.request.target()), request_mac_.Of("idempotency.body", ctx.request.body())};
  // The sealed answer is bound to its key: copied to another row, it does not open.
  const std::string context = "idempotency.response:" + principal + ":" + std::string(key);
  const int64_t now = ToUnixMillis(clock_.Now());
  RECIRC_TRY(auto claim, storage::WriteValue<storage::IdempotencyClaim>(
                             db_, [&](storage::Session& s) -> Result<storage::IdempotencyClaim> {
                               RECIRC_CHECK(idempotency_.DeleteOlderThan(s, now - 86'400'000));
                               return idempotency_.Reserve(s, req, now);
                             }));
  using Kind = storage::IdempotencyClaim::Kind;
  if (claim.kind == Kind::kMismatch) {
    return Error{ErrorCode::kConflict, "this Idempotency-Key was used for a different request",
                 "Idempotency-Key"};
  }
  if (claim.kind == Kind::kInFlight) {
    return Error{ErrorCode::kConflict,
                 "a request with this Idempotency-Key is in progress or its outcome is unknown",
                 "Idempotency-Key"};
  }
  if (claim.kind == Kind::kDoneNotKept) {
    return Error{ErrorCode::kConflict,
                 "a request with this Idempotency-Key was already done (status " +
                     std::to_string(claim.status) +
                     "); its answer holds secrets or personal data and is not kept, so it is not "
                     "replayed",
                 "Idempotency-Key"};
  }
  if (claim.kind == Kind::kReplay) {
    Response r;
    r.status = static_cast<unsigned>(claim.status);
    r.content_type = claim.content_type;
    RECIRC_TRY(r.body, cipher_.Decrypt(claim.response, context));
    r.headers.emplace_back("Idempotent-Replayed", "true");
    return r;
  }
  Result<Response> result = route.handler(ctx);
  const bool success = result && result->status < 300;
  // An answer that cannot be sealed is recorded like a secret one: done, not replayable.
  std::optional<std::string> sealed;
  if (success && route.answer == Answer::kReplayable) {
    if (auto s = cipher_.Encrypt(result->BodyView(), context, random_)) sealed = std::move(*s);
  }
  Status saved = db_.Write([&](storage::Session& s) -> Status {
    if (!success) return idempotency_.Release(s, req);
    if (!sealed) return idempotency_.CompleteWithoutAnswer(s, req, result->status);
    return idempotency_.Complete(s, req, result->status, result->content_type, *sealed);
  });
  if (!saved)
    access_log_->warn("request {}: idempotency record: {}", ctx.request_id, saved.error().message);
  return result;
}

Result<Response> Dispatcher::Run(const DispatchPlan& plan, RequestContext& ctx,
                                 std::optional<identity::Principal>& principal) {
  const Route& route = *plan.match.route;
  const bool is_public = route.permission == identity::Permission::kPublic;
  auto authenticated = Authenticate(ctx.request);
  if (!authenticated && !is_public) return authenticated.error();
  if (authenticated) principal = std::move(*authenticated);
  if (principal) ctx.principal = &*principal;
  if (!is_public) {
    if (!principal) return Error::Unauthenticated("please log in");
    if (principal->must_change_password && !identity::AllowedBeforePasswordChange(route.pattern)) {
      return Error::PermissionDenied("change your password first")
          .Id("auth.password_change_required");
    }
    if (!principal->Has(route.permission)) {
      return Error::PermissionDenied("your role lacks the permission " +
                                     std::string(identity::PermissionName(route.permission)));
    }
  }
  const Verb method = ctx.request.method();
  if (principal && principal->method == identity::AuthMethod::kSession && IsUnsafe(method)) {
    const auto sent = ctx.request["X-CSRF-Token"];
    if (!crypto::ConstantTimeEquals(sent, principal->csrf_token)) {
      return Error{ErrorCode::kPermissionDenied, "missing or wrong CSRF token", "X-CSRF-Token"};
    }
  }
  const auto key = ctx.request["Idempotency-Key"];
  if (IsUnsafe(method) && !key.empty()) return RunIdempotent(route, ctx, key);
  return route.handler(ctx);
}

Response Dispatcher::Handle(const DispatchPlan& plan, const HttpRequest& request,
                            const std::string& remote) {
  const auto started = std::chrono::steady_clock::now();
  const auto sent_id = request["X-Request-Id"];
  RequestContext ctx{request, ValidRequestId(sent_id) ? std::string(sent_id) : NewRequestId(),
                     remote, plan.match.params, plan.query};
  std::optional<identity::Principal> principal;
  std::string_view label = "other";
  size_t metric_index = router_.routes().size();

  Response response;
  if (plan.bad_target) {
    response = ErrorResponse(*plan.bad_target, ctx.request_id);
  } else if (plan.match.route) {
    label = plan.match.route->pattern;
    metric_index = plan.match.index;
    Result<Response> result = Error::Internal("not run");
    try {
      result = Run(plan, ctx, principal);
    } catch (const std::exception& e) {
      access_log_->error("request {}: unhandled exception: {}", ctx.request_id, e.what());
      result = Error::Internal("internal error; quote request id " + ctx.request_id);
    }
    if (result) {
      response = std::move(*result);
    } else {
      if (result.error().code == ErrorCode::kInternal) {
        access_log_->error("request {}: {}", ctx.request_id, result.error().message);
        result.error().message = "internal error; quote request id " + ctx.request_id;
      }
      response = ErrorResponse(result.error(), ctx.request_id);
      if (result.error().code == ErrorCode::kResourceExhausted) {
        response.headers.emplace_back("Retry-After", "60");
      }
    }
    // API answers are not cached unless the handler says otherwise (the log's tiles are).
    const bool has_cache_control =
        std::any_of(response.headers.begin(), response.headers.end(),
                    [](const auto& h) { return boost::beast::iequals(h.first, "Cache-Control"); });
    if (!has_cache_control) response.headers.emplace_back("Cache-Control", "no-store");
  } else if (plan.match.method_not_allowed) {
    response = ErrorResponse(
        {ErrorCode::kInvalidArgument, "method not allowed on this path", "method"}, ctx.request_id);
    response.status = 405;
    response.headers.emplace_back("Allow", router_.AllowedMethods(plan.path));
  } else if (static_files_ && !IsApiPath(plan.path) &&
             (request.method() == Verb::get || request.method() == Verb::head)) {
    label = "static";
    auto served = static_files_->Serve(plan.path, request[bhttp::field::accept_encoding],
                                       request[bhttp::field::if_none_match]);
    response = served
                   ? std::move(*served)
                   : ErrorResponse(Error::NotFound("no such file: " + plan.path), ctx.request_id);
  } else {
    response = ErrorResponse(Error::NotFound("no route for " + plan.path), ctx.request_id);
  }
  for (auto& h : ctx.extra_headers) response.headers.push_back(std::move(h));
  response.headers.emplace_back("X-Request-Id", ctx.request_id);

  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - started);
  metrics_.Record(metric_index, response.status, elapsed);
  access_log_->info("{} {} {} {} {:.3f}ms user={}", ctx.request_id,
                    std::string_view(bhttp::to_string(request.method())), label, response.status,
                    static_cast<double>(elapsed.count()) / 1000.0,
                    principal ? principal->user_id : "-");
  return response;
}

}  // namespace recirc::http
