#pragma once
// AuthService: logging in and out, authenticating requests, API keys.
//
// A browser session is a random 256-bit token in an HttpOnly cookie plus a CSRF token that the
// page sends back in a header on every unsafe request. Integrations use API keys ("rk_" + random
// token) as bearer tokens. Only SHA-256 hashes of session tokens and API keys are stored.

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "core/random.hpp"
#include "crypto/password.hpp"
#include "domain/identity/login_limiter.hpp"
#include "domain/identity/principal.hpp"
#include "storage/identity/identity_repository.hpp"
#include "storage/journal_repository.hpp"

namespace recirc::identity {

struct LoginResult {
  std::string session_token;  // goes into the cookie, never into a body or a log
  Principal principal;
  int64_t expires_at = 0;
};

struct NewApiKey {
  storage::ApiKeyRecord key;
  std::string secret;  // shown once
};

class AuthService {
 public:
  AuthService(storage::Database& db, const storage::IdentityRepository& repo,
              const storage::JournalRepository& journal, const crypto::PasswordHasher& hasher,
              const Clock& clock, Random& random, std::chrono::minutes session_lifetime);

  // Unauthenticated for a wrong username or password (the same message for both),
  // ResourceExhausted with the wait in the message when rate limited.
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& source);
  Status Logout(const std::string& session_token);
  Result<Principal> AuthenticateSession(const std::string& session_token);
  Result<Principal> AuthenticateApiKey(const std::string& bearer_token);

  Result<NewApiKey> CreateApiKey(const Principal& actor, const std::string& name);
  Result<std::vector<storage::ApiKeyRecord>> ListApiKeys(const Principal& actor);
  Status RevokeApiKey(const Principal& actor, const ApiKeyId& id);

 private:
  Result<Principal> FromCredential(const storage::CredentialRecord& c, AuthMethod method) const;

  storage::Database& db_;
  const storage::IdentityRepository& repo_;
  const storage::JournalRepository& journal_;
  const crypto::PasswordHasher& hasher_;
  const Clock& clock_;
  Random& random_;
  std::chrono::minutes session_lifetime_;
  LoginLimiter limiter_;
  std::string dummy_hash_;  // verified against for unknown usernames, so timing tells nothing
};

}  // namespace recirc::identity
