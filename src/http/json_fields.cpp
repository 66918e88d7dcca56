#include "http/json_fields.hpp"

#include <algorithm>

#include "core/money.hpp"

namespace recirc::http {

Status JsonFields::OnlyKnown(std::initializer_list<std::string_view> known) const {
  for (const auto& kv : object_) {
    if (std::find(known.begin(), known.end(), std::string_view(kv.key())) == known.end()) {
      std::string expected;
      for (auto k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
      return Error::InvalidArgument(std::string(kv.key()),
                                    "unknown field; the fields are: " + expected);
    }
  }
  return Ok();
}

Result<std::string> JsonFields::String(std::string_view field) const {
  const auto* v = object_.if_contains(field);
  if (v == nullptr || v->is_null())
    return Error::InvalidArgument(std::string(field), "is required");
  if (!v->is_string()) return Error::InvalidArgument(std::string(field), "must be a string");
  return std::string(v->as_string());
}

Result<std::optional<std::string>> JsonFields::OptionalString(std::string_view field) const {
  const auto* v = object_.if_contains(field);
  if (v == nullptr || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return Error::InvalidArgument(std::string(field), "must be a string");
  if (v->as_string().empty()) return std::optional<std::string>();
  return std::optional<std::string>(std::string(v->as_string()));
}

Result<std::optional<int64_t>> JsonFields::OptionalInteger(std::string_view field) const {
  const auto* v = object_.if_contains(field);
  if (v == nullptr || v->is_null()) return std::optional<int64_t>();
  RECIRC_TRY(int64_t value, Integer(field));
  return std::optional<int64_t>(value);
}

Result<int64_t> JsonFields::Integer(std::string_view field) const {
  const auto* v = object_.if_contains(field);
  if (v == nullptr || v->is_null())
    return Error::InvalidArgument(std::string(field), "is required");
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    return static_cast<int64_t>(v->as_uint64());
  }
  return Error::InvalidArgument(std::string(field), "must be a whole number");
}

Result<int64_t> JsonFields::Fen(std::string_view field) const {
  RECIRC_TRY(int64_t value, Integer(field));
  RECIRC_CHECK(CheckFen(value, field));
  return value;
}

Result<std::optional<int64_t>> JsonFields::OptionalFen(std::string_view field) const {
  RECIRC_TRY(auto value, OptionalInteger(field));
  if (value) RECIRC_CHECK(CheckFen(*value, field));
  return value;
}

Result<bool> JsonFields::OptionalBool(std::string_view field, bool fallback) const {
  const auto* v = object_.if_contains(field);
  if (v == nullptr || v->is_null()) return fallback;
  if (!v->is_bool()) return Error::InvalidArgument(std::string(field), "must be true or false");
  return v->as_bool();
}

}  // namespace recirc::http
