#pragma once
// Error: the one failure type of recirc. A code from one enum (mapped to an HTTP status in one
// table, src/http/error_status.cpp) plus a message for people and, for bad input, the field name.
// Result<T> carries either a value or an Error; exceptions are reserved for what ends the process.

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recirc {

enum class ErrorCode {
  kInvalidArgument,  // the caller's input is wrong; `field` names which part
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,  // a business rule refuses the operation in the present state
  kUnauthenticated,
  kPermissionDenied,
  kResourceExhausted,  // rate limits, body too large
  kConflict,           // concurrent change, idempotency key reused with another body
  kUnavailable,        // a dependency (database) cannot be reached; retrying may help
  kInternal,
};

std::string_view ErrorCodeName(ErrorCode code);

// A named value the message of an error refers to ("until" -> an RFC 3339 time). Clients fill it
// into their own text for the message id.
struct MessageParam {
  std::string name;
  std::string value;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string field;  // empty unless one input field is at fault
  // A stable id of the message ("auth.wrong_credentials", docs/api.md "Message ids"): clients show
  // their own text for it in the user's language, with `params` filled in. Empty when the error
  // has none yet; clients then build a text from `code` and `field`.
  std::string message_id;
  std::vector<MessageParam> params;

  // Error::Unauthenticated("wrong username or password").Id("auth.wrong_credentials")
  Error Id(std::string id) && {
    message_id = std::move(id);
    return std::move(*this);
  }
  Error Param(std::string name, std::string value) && {
    params.push_back({std::move(name), std::move(value)});
    return std::move(*this);
  }

  static Error InvalidArgument(std::string field, std::string message) {
    return {ErrorCode::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Error NotFound(std::string message) {
    return {ErrorCode::kNotFound, std::move(message), {}};
  }
  static Error AlreadyExists(std::string message, std::string field = {}) {
    return {ErrorCode::kAlreadyExists, std::move(message), std::move(field)};
  }
  static Error FailedPrecondition(std::string message) {
    return {ErrorCode::kFailedPrecondition, std::move(message), {}};
  }
  static Error Unauthenticated(std::string message) {
    return {ErrorCode::kUnauthenticated, std::move(message), {}};
  }
  static Error PermissionDenied(std::string message) {
    return {ErrorCode::kPermissionDenied, std::move(message), {}};
  }
  static Error ResourceExhausted(std::string message) {
    return {ErrorCode::kResourceExhausted, std::move(message), {}};
  }
  static Error Conflict(std::string message) {
    return {ErrorCode::kConflict, std::move(message), {}};
  }
  static Error Unavailable(std::string message) {
    return {ErrorCode::kUnavailable, std::move(message), {}};
  }
  static Error Internal(std::string message) {
    return {ErrorCode::kInternal, std::move(message), {}};
  }
};

// A business rule's refusal: 422, the message "rule: text" (docs/market.md) and the message id
// "rule.<rule>", so clients can word each rule in their own language.
inline Error RuleError(std::string_view rule, const std::string& text, std::string field = {}) {
  return Error{ErrorCode::kFailedPrecondition, std::string(rule) + ": " + text, std::move(field),
               "rule." + std::string(rule)};
}

// Thrown only by Result::value() on an error: a programmer's mistake, never expected control flow.
class ErrorException : public std::exception {
 public:
  explicit ErrorException(Error error);
  const char* what() const noexcept override { return what_.c_str(); }
  const Error& error() const { return error_; }

 private:
  Error error_;
  std::string what_;
};

[[noreturn]] void throw_exception_from_error(const Error& e, const boost::source_location& loc);

template <class T>
using Result = boost::system::result<T, Error>;

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace recirc

// RECIRC_TRY(var, expr): evaluates a Result, returns its error from the enclosing function, or
// moves its value into `var`. It expands to several statements: inside an `if`, use braces.
#define RECIRC_CONCAT_INNER(a, b) a##b
#define RECIRC_CONCAT(a, b) RECIRC_CONCAT_INNER(a, b)
// `var` is a declaration ("Type name"), so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define RECIRC_TRY(var, expr)                            \
  auto RECIRC_CONCAT(recirc_try_, __LINE__) = (expr);    \
  if (!RECIRC_CONCAT(recirc_try_, __LINE__)) {           \
    return RECIRC_CONCAT(recirc_try_, __LINE__).error(); \
  }                                                      \
  var = std::move(*RECIRC_CONCAT(recirc_try_, __LINE__))
// NOLINTEND(bugprone-macro-parentheses)
#define RECIRC_CHECK(expr)                                        \
  do {                                                            \
    auto recirc_check_result = (expr);                            \
    if (!recirc_check_result) return recirc_check_result.error(); \
  } while (false)
// RECIRC_IGNORE(expr): evaluates a Result whose failure is already handled another way (for
// example a ROLLBACK after an error that is being returned). Says so at the call site.
#define RECIRC_IGNORE(expr) static_cast<void>(expr)
