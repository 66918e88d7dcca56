#pragma once
// Argon2id password hashing (libsodium's crypto_pwhash_str: PHC string with salt and parameters).
// The cost is a setting: production uses libsodium's "interactive" limits (64 MiB, ~0.1 s);
// tests use the minimum so that a suite that logs in hundreds of times stays fast.

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace recirc::crypto {

enum class PasswordCost { kInteractive, kModerate, kMinimumForTests };

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost);
  Result<std::string> Hash(std::string_view password) const;
  // True if `password` matches the stored PHC string. Constant time in the password.
  bool Verify(std::string_view stored, std::string_view password) const;
  // True if the stored hash used weaker parameters than this hasher's; rehash on next login.
  bool NeedsRehash(std::string_view stored) const;

 private:
  unsigned long long ops_;
  size_t mem_;
};

// Password policy for accounts: 10 to 128 characters. Names `field` in the error.
Status CheckPasswordPolicy(std::string_view password, std::string_view field);

}  // namespace recirc::crypto
