#pragma once
// JSON mapping by description. A DTO is a plain struct described once with BOOST_DESCRIBE_STRUCT;
// Boost.JSON's value_from writes it (this tag_invoke) and Read<T> reads it back with the rules of
// http::JsonFields: unknown fields refused, and every error names the field by its full path
// ("item.identifiers[0].imei", "seller.agent.name").
//
// Members, on the wire:
//   std::string, int64_t, bool  a string, a whole number, true/false. Read: a string or whole
//                               number is required; a bool absent or null keeps its default.
//   std::optional<T>            null when empty (read: absent, null, or "" for strings = empty).
//   Omitted<T>                  left out of the object when empty; read like std::optional.
//   Time                        RFC 3339 UTC with milliseconds.
//   std::vector<T>              an array; std::map<std::string, T> an object.
//   OrderedMap<T>               an object whose members keep their order (name, value pairs).
//   a described struct          a nested object.
//   json::value                 any JSON, as it is (read: required, anything).
// A whole-number member whose name ends in "_fen" is money: read with CheckFen (core/money.hpp).
//
// A namespace holding DTOs makes the writer visible to Boost.JSON with
// `using recirc::jsonmap::tag_invoke;` (argument-dependent lookup).

#include <boost/describe/members.hpp>
#include <boost/describe/modifiers.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/error.hpp"

namespace recirc::jsonmap {

namespace json = boost::json;

// A time on the wire: RFC 3339 UTC with milliseconds, kept as Unix milliseconds.
struct Time {
  int64_t unix_ms = 0;
};

// An optional member left out of the object when empty (std::optional writes null).
template <class T>
struct Omitted : std::optional<T> {
  using std::optional<T>::optional;
  using std::optional<T>::operator=;
};

// An object read and written in its members' order.
template <class T>
struct OrderedMap : std::vector<std::pair<std::string, T>> {};

template <class T>
concept Described = boost::describe::has_describe_members<T>::value;

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsOptional<Omitted<T>> : std::true_type {};
template <class T>
struct IsOmitted : std::false_type {};
template <class T>
struct IsOmitted<Omitted<T>> : std::true_type {};

template <class T>
using Members = boost::describe::describe_members<T, boost::describe::mod_public |
                                                         boost::describe::mod_inherited>;

void tag_invoke(json::value_from_tag, json::value& v, const Time& t);

template <class T>
void tag_invoke(json::value_from_tag, json::value& v, const OrderedMap<T>& map) {
  auto& o = v.emplace_object();
  for (const auto& [key, value] : map) o[key] = json::value_from(value, o.storage());
}

template <Described T>
void tag_invoke(json::value_from_tag, json::value& v, const T& dto) {
  auto& o = v.emplace_object();
  boost::mp11::mp_for_each<Members<T>>([&](auto d) {
    const auto& m = dto.*d.pointer;
    using M = std::remove_cvref_t<decltype(m)>;
    if constexpr (IsOmitted<M>::value) {
      if (m) o[d.name] = json::value_from(*m, o.storage());
    } else if constexpr (IsOptional<M>::value) {
      o[d.name] = m ? json::value_from(*m, o.storage()) : json::value(nullptr);
    } else {
      o[d.name] = json::value_from(m, o.storage());
    }
  });
}

// ----- reading -----

namespace detail {

std::string Field(std::string_view path, std::string_view name);
std::string Index(std::string_view path, size_t i);
bool EndsWithFen(std::string_view path);

// v is null when the member is absent.
Status ReadScalar(const json::value* v, const std::string& path, std::string& out);
Status ReadScalar(const json::value* v, const std::string& path, int64_t& out);
Status ReadScalar(const json::value* v, const std::string& path, bool& out);
Status ReadScalar(const json::value* v, const std::string& path, Time& out);
Status OnlyKnown(const json::object& o, const std::string& path,
                 const std::vector<std::string_view>& known);
Status RequireObject(const json::value* v, const std::string& path);
Status RequireArray(const json::value* v, const std::string& path);
Status ReadScalar(const json::value* v, const std::string& path, json::value& out);
Status CheckFen(int64_t value, const std::string& path);

// Declared first so that each overload sees the others, whatever the nesting.
template <class T>
Status ReadAny(const json::value* v, const std::string& path, T& out);
template <class T>
Status ReadAny(const json::value* v, const std::string& path, std::optional<T>& out);
template <class T>
Status ReadAny(const json::value* v, const std::string& path, Omitted<T>& out);
template <class T>
Status ReadAny(const json::value* v, const std::string& path, std::vector<T>& out);
template <class T>
Status ReadAny(const json::value* v, const std::string& path, std::map<std::string, T>& out);
template <class T>
Status ReadAny(const json::value* v, const std::string& path, OrderedMap<T>& out);

template <class T>
Status ReadAny(const json::value* v, const std::string& path, std::optional<T>& out) {
  if (v == nullptr || v->is_null()) {
    out.reset();
    return Ok();
  }
  if constexpr (std::is_same_v<T, std::string>) {
    if (v->is_string() && v->as_string().empty()) {
      out.reset();
      return Ok();
    }
  }
  T value{};
  RECIRC_CHECK(ReadAny(v, path, value));
  out = std::move(value);
  return Ok();
}

template <class T>
Status ReadAny(const json::value* v, const std::string& path, Omitted<T>& out) {
  return ReadAny(v, path, static_cast<std::optional<T>&>(out));
}

template <class T>
Status ReadAny(const json::value* v, const std::string& path, std::vector<T>& out) {
  RECIRC_CHECK(RequireArray(v, path));
  out.clear();
  const auto& a = v->as_array();
  for (size_t i = 0; i < a.size(); ++i) {
    T element{};
    RECIRC_CHECK(ReadAny(&a[i], Index(path, i), element));
    out.push_back(std::move(element));
  }
  return Ok();
}

template <class T>
Status ReadAny(const json::value* v, const std::string& path, std::map<std::string, T>& out) {
  RECIRC_CHECK(RequireObject(v, path));
  out.clear();
  for (const auto& [key, value] : v->as_object()) {
    T element{};
    RECIRC_CHECK(ReadAny(&value, Field(path, key), element));
    out.emplace(std::string(key), std::move(element));
  }
  return Ok();
}

template <class T>
Status ReadAny(const json::value* v, const std::string& path, OrderedMap<T>& out) {
  RECIRC_CHECK(RequireObject(v, path));
  out.clear();
  for (const auto& [key, value] : v->as_object()) {
    T element{};
    RECIRC_CHECK(ReadAny(&value, Field(path, key), element));
    out.emplace_back(std::string(key), std::move(element));
  }
  return Ok();
}

template <class T>
Status ReadAny(const json::value* v, const std::string& path, T& out) {
  if constexpr (Described<T>) {
    RECIRC_CHECK(RequireObject(v, path));
    const auto& o = v->as_object();
    std::vector<std::string_view> known;
    boost::mp11::mp_for_each<Members<T>>([&](auto d) { known.emplace_back(d.name); });
    RECIRC_CHECK(OnlyKnown(o, path, known));
    Status status = Ok();
    boost::mp11::mp_for_each<Members<T>>([&](auto d) {
      if (!status) return;
      status = ReadAny(o.if_contains(d.name), Field(path, d.name), out.*d.pointer);
    });
    return status;
  } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    int64_t value = 0;
    RECIRC_CHECK(ReadScalar(v, path, value));
    if (EndsWithFen(path)) RECIRC_CHECK(CheckFen(value, path));
    if (value < std::numeric_limits<T>::min() || value > std::numeric_limits<T>::max()) {
      return Error::InvalidArgument(path, "must be a whole number");
    }
    out = static_cast<T>(value);
    return Ok();
  } else {
    return ReadScalar(v, path, out);
  }
}

}  // namespace detail

// Reads a described struct (or any member type above) from v; path prefixes every field named
// in an error ("" for a request body).
template <class T>
Result<T> Read(const json::value& v, const std::string& path = "") {
  T out{};
  RECIRC_CHECK(detail::ReadAny(&v, path, out));
  return out;
}

}  // namespace recirc::jsonmap
