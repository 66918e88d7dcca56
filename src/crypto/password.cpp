#include "crypto/password.hpp"

#include <sodium.h>

#include "crypto/secure_random.hpp"

namespace recirc::crypto {

PasswordHasher::PasswordHasher(PasswordCost cost) {
  InitSodium();
  switch (cost) {
    case PasswordCost::kInteractive:
      ops_ = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      mem_ = crypto_pwhash_MEMLIMIT_INTERACTIVE;
      break;
    case PasswordCost::kModerate:
      ops_ = crypto_pwhash_OPSLIMIT_MODERATE;
      mem_ = crypto_pwhash_MEMLIMIT_MODERATE;
      break;
    case PasswordCost::kMinimumForTests:
      ops_ = crypto_pwhash_OPSLIMIT_MIN;
      mem_ = crypto_pwhash_MEMLIMIT_MIN;
      break;
  }
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops_, mem_,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::ResourceExhausted("password hashing ran out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view stored, std::string_view password) const {
  const std::string copy(stored);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(copy.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::NeedsRehash(std::string_view stored) const {
  const std::string copy(stored);
  return crypto_pwhash_str_needs_rehash(copy.c_str(), ops_, mem_) != 0;
}

Status CheckPasswordPolicy(std::string_view password, std::string_view field) {
  if (password.size() < 10) {
    return Error::InvalidArgument(std::string(field), "a password has at least 10 characters")
        .Id("password.too_short")
        .Param("min", "10");
  }
  if (password.size() > 128) {
    return Error::InvalidArgument(std::string(field), "a password has at most 128 characters")
        .Id("password.too_long")
        .Param("max", "128");
  }
  return Ok();
}

}  // namespace recirc::crypto
