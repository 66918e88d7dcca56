#pragma once
// Secrets handed to clients (session tokens, CSRF tokens, API keys) are 256 random bits written
// as unpadded base64url. The server stores only their SHA-256, so a stolen database holds no
// usable token.

#include <string>
#include <string_view>

#include "core/random.hpp"

namespace recirc::crypto {

std::string NewToken(Random& random);
// Lower-case hex SHA-256 of the token text.
std::string HashToken(std::string_view token);
// Lower-case hex SHA-256 of arbitrary bytes (used for request body fingerprints).
std::string Sha256Hex(std::string_view bytes);
bool ConstantTimeEquals(std::string_view a, std::string_view b);
std::string Base64UrlEncode(std::string_view bytes);

}  // namespace recirc::crypto
