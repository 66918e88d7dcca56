#pragma once
// Reading request bodies field by field, with errors that name the field. Unknown fields are
// refused, so a typo ("regoin_code") is an error rather than a silently missing value.

#include <boost/json/object.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::http {

class JsonFields {
 public:
  explicit JsonFields(const boost::json::object& object) : object_(object) {}
  Status OnlyKnown(std::initializer_list<std::string_view> known) const;
  Result<std::string> String(std::string_view field) const;  // required
  Result<std::optional<std::string>> OptionalString(std::string_view field) const;
  Result<int64_t> Integer(std::string_view field) const;  // required
  // Absent or null: none; otherwise checked as Integer.
  Result<std::optional<int64_t>> OptionalInteger(std::string_view field) const;
  // An amount of money in fen: a whole number from 0 to kMaxFen (core/money.hpp), the field
  // named when it is not. Every *_fen field of a request is read with these.
  Result<int64_t> Fen(std::string_view field) const;
  Result<std::optional<int64_t>> OptionalFen(std::string_view field) const;
  Result<bool> OptionalBool(std::string_view field, bool fallback) const;

 private:
  const boost::json::object& object_;
};

}  // namespace recirc::http
