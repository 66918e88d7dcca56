#pragma once
// Canonical JSON, the bytes an inspection report's signature covers: object members sorted by
// key (byte order of the UTF-8 keys), no whitespace, strings as Boost.JSON writes them (only '"',
// '\\' and control characters escaped), integers in decimal. Floating-point numbers are refused
// (reports carry whole numbers in the check's unit), so every value has exactly one spelling and
// any verifier can rebuild the bytes from the parsed JSON.

#include <boost/json/value.hpp>

#include <string>

#include "core/error.hpp"

namespace recirc::inspection {

// InvalidArgument("report") for a floating-point number anywhere in `v`.
Result<std::string> CanonicalJson(const boost::json::value& v);

}  // namespace recirc::inspection
