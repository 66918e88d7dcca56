#pragma once
// Shared input checks on free text. No storage: the CSV importers' parsers (and their fuzz
// target) use it without a database.

#include <cstddef>
#include <string_view>

#include "core/error.hpp"

namespace recirc::identity {

// Shared input checks: trimmed, non-empty, at most `max` characters (code points).
Status CheckText(std::string_view value, std::string_view field, size_t max);

}  // namespace recirc::identity
