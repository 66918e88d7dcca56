#include "domain/identity/auth_service.hpp"

#include <boost/json.hpp>

#include "core/id.hpp"
#include "crypto/token.hpp"
#include "domain/identity/directory_service.hpp"
#include "domain/identity/events.hpp"

namespace recirc::identity {
namespace {
constexpr std::string_view kApiKeyPrefix = "rk_";
}

AuthService::AuthService(storage::Database& db, const storage::IdentityRepository& repo,
                         const storage::JournalRepository& journal,
                         const crypto::PasswordHasher& hasher, const Clock& clock, Random& random,
                         std::chrono::minutes session_lifetime)
    : db_(db),
      repo_(repo),
      journal_(journal),
      hasher_(hasher),
      clock_(clock),
      random_(random),
      session_lifetime_(session_lifetime),
      limiter_(clock) {
  dummy_hash_ = hasher_.Hash("not a real password at all").value();
}

Result<LoginResult> AuthService::Login(const std::string& username, const std::string& password,
                                       const std::string& source) {
  if (username.empty())
    return Error::InvalidArgument("username", "enter your username").Id("auth.username_required");
  if (password.empty())
    return Error::InvalidArgument("password", "enter your password").Id("auth.password_required");
  // Counted before the password is checked, so parallel guesses cannot overtake the limit.
  if (const int64_t wait = limiter_.Begin(username, source); wait > 0) {
    return Error::ResourceExhausted("too many failed logins; try again in " + std::to_string(wait) +
                                    " seconds")
        .Id("auth.too_many_failures")
        .Param("seconds", std::to_string(wait));
  }
  RECIRC_TRY(auto user,
             storage::ReadValue<std::optional<storage::UserRecord>>(
                 db_, [&](storage::Session& s) { return repo_.FindUserByUsername(s, username); }));
  const bool ok = user ? hasher_.Verify(user->password_hash, password)
                       : (hasher_.Verify(dummy_hash_, password), false);
  if (!ok) return Error::Unauthenticated("wrong username or password").Id("auth.wrong_credentials");
  // Told only to someone who knows the password: the account exists but may not log in.
  if (user->disabled)
    return Error::Unauthenticated("the account is disabled").Id("auth.account_disabled");
  limiter_.Succeeded(username, source);

  LoginResult out;
  out.session_token = crypto::NewToken(random_);
  const int64_t now = ToUnixMillis(clock_.Now());
  out.expires_at = now + std::chrono::milliseconds(session_lifetime_).count();
  storage::SessionRecord record{crypto::HashToken(out.session_token), user->id,
                                crypto::NewToken(random_), now, out.expires_at};
  std::optional<std::string> rehash;
  if (hasher_.NeedsRehash(user->password_hash)) {
    auto h = hasher_.Hash(password);
    if (h) rehash = std::move(*h);
  }
  RECIRC_TRY(out.principal,
             storage::WriteValue<Principal>(db_, [&](storage::Session& s) -> Result<Principal> {
               RECIRC_CHECK(repo_.DeleteExpiredSessions(s, now));
               RECIRC_CHECK(repo_.InsertSession(s, record));
               if (rehash) RECIRC_CHECK(repo_.UpdatePasswordHash(s, user->id, *rehash));
               // The principal as every later request will see it: through the session just stored.
               RECIRC_TRY(auto credential, repo_.FindSessionCredential(s, record.token_hash));
               if (!credential) return Error::Internal("the new session is missing");
               return FromCredential(*credential, AuthMethod::kSession);
             }));
  out.principal.csrf_token = record.csrf_token;
  return out;
}

Status AuthService::Logout(const std::string& session_token) {
  return db_.Write([&](storage::Session& s) {
    return repo_.DeleteSession(s, crypto::HashToken(session_token));
  });
}

Result<Principal> AuthService::FromCredential(const storage::CredentialRecord& c,
                                              AuthMethod method) const {
  if (c.user.disabled)
    return Error::Unauthenticated("the account is disabled").Id("auth.account_disabled");
  if (c.organisation.status == AccountStatus::kSuspended) {
    return Error::Unauthenticated("your organisation is suspended by the platform administrator")
        .Id("auth.organisation_suspended");
  }
  const auto role = ParseRole(c.user.role);
  const auto kind = ParseKind(c.organisation.kind);
  if (!role || !kind) return Error::Internal("account " + c.user.id + " is inconsistent");
  Principal p;
  p.user_id = c.user.id;
  p.username = c.user.username;
  p.display_name = c.user.display_name;
  p.role = *role;
  p.kind = *kind;
  p.organisation = c.organisation;
  p.method = method;
  p.must_change_password = c.user.must_change_password;
  return p;
}

Result<Principal> AuthService::AuthenticateSession(const std::string& session_token) {
  const std::string hash = crypto::HashToken(session_token);
  RECIRC_TRY(auto found,
             storage::ReadValue<std::optional<storage::CredentialRecord>>(
                 db_, [&](storage::Session& s) { return repo_.FindSessionCredential(s, hash); }));
  if (!found || found->expires_at <= ToUnixMillis(clock_.Now())) {
    return Error::Unauthenticated("your session has ended; please log in again")
        .Id("auth.session_ended");
  }
  RECIRC_TRY(Principal p, FromCredential(*found, AuthMethod::kSession));
  p.csrf_token = found->csrf_token;
  return p;
}

Result<Principal> AuthService::AuthenticateApiKey(const std::string& bearer_token) {
  if (!bearer_token.starts_with(kApiKeyPrefix)) {
    return Error::Unauthenticated("the bearer token is not a recirc API key");
  }
  const std::string hash = crypto::HashToken(bearer_token);
  RECIRC_TRY(auto found,
             storage::ReadValue<std::optional<storage::CredentialRecord>>(
                 db_, [&](storage::Session& s) { return repo_.FindApiKeyCredential(s, hash); }));
  if (!found || found->revoked_at) return Error::Unauthenticated("unknown or revoked API key");
  return FromCredential(*found, AuthMethod::kApiKey);
}

Result<NewApiKey> AuthService::CreateApiKey(const Principal& actor, const std::string& name) {
  if (!actor.Has(Permission::kApiKeysManage) || actor.method == AuthMethod::kSystem) {
    return Error::PermissionDenied("your role cannot create API keys")
        .Id("auth.api_keys_forbidden");
  }
  RECIRC_CHECK(CheckText(name, "name", 64));
  NewApiKey out;
  out.secret = std::string(kApiKeyPrefix) + crypto::NewToken(random_);
  out.key = {Id::Generate(clock_, random_).ToString(),
             actor.user_id,
             name,
             crypto::HashToken(out.secret),
             ToUnixMillis(clock_.Now()),
             std::nullopt};
  RECIRC_CHECK(db_.Write([&](storage::Session& s) -> Status {
    RECIRC_CHECK(repo_.InsertApiKey(s, out.key));
    RECIRC_TRY(int64_t seq, journal_.Append(s, {events::kApiKeyCreated, out.key.id,
                                                actor.organisation.id, actor.user_id, "{}"}));
    (void)seq;
    return Ok();
  }));
  return out;
}

Result<std::vector<storage::ApiKeyRecord>> AuthService::ListApiKeys(const Principal& actor) {
  return storage::ReadValue<std::vector<storage::ApiKeyRecord>>(
      db_, [&](storage::Session& s) { return repo_.ListApiKeys(s, actor.user_id); });
}

Status AuthService::RevokeApiKey(const Principal& actor, const ApiKeyId& key_id) {
  const std::string id = key_id.ToString();
  return db_.Write([&](storage::Session& s) -> Status {
    RECIRC_TRY(auto key, repo_.FindApiKey(s, id));
    if (!key || key->user_id != actor.user_id)
      return Error::NotFound("API key " + id + " not found");
    if (key->revoked_at) return Ok();
    RECIRC_CHECK(repo_.RevokeApiKey(s, id, ToUnixMillis(clock_.Now())));
    RECIRC_TRY(int64_t seq, journal_.Append(s, {events::kApiKeyRevoked, id, actor.organisation.id,
                                                actor.user_id, "{}"}));
    (void)seq;
    return Ok();
  });
}

}  // namespace recirc::identity
