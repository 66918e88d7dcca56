#include "domain/identity/text.hpp"

namespace recirc::identity {
namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Status CheckText(std::string_view value, std::string_view field, size_t max) {
  if (value.empty() || value.front() == ' ' || value.back() == ' ') {
    return Error::InvalidArgument(std::string(field),
                                  "must not be empty or start or end with a space")
        .Id("text.blank_or_padded");
  }
  if (CodePoints(value) > max) {
    return Error::InvalidArgument(std::string(field),
                                  "at most " + std::to_string(max) + " characters")
        .Id("text.too_long")
        .Param("max", std::to_string(max));
  }
  for (unsigned char c : value) {
    if (c < 0x20)
      return Error::InvalidArgument(std::string(field), "must not contain control characters")
          .Id("text.control_characters");
  }
  return Ok();
}

}  // namespace recirc::identity
