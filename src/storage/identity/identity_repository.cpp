#include "storage/identity/identity_repository.hpp"

#include "storage/row_mapping.hpp"

namespace recirc::storage {
namespace {

constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (id, kind, name, credit_code, region_code, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kSelectOrganisation =
    "SELECT id, kind, name, credit_code, region_code, created_at, status FROM organisations "
    "WHERE id = $1";
// $3: a LIKE pattern (NameLike); '%' matches every name.
constexpr std::string_view kSelectAuctionLicence =
    "SELECT auction_licence FROM organisations WHERE id = $1";
constexpr std::string_view kUpdateAuctionLicence =
    "UPDATE organisations SET auction_licence = $2 WHERE id = $1";
constexpr std::string_view kListOrganisations =
    "SELECT id, kind, name, credit_code, region_code, created_at, status FROM organisations "
    "WHERE id > $1 AND LOWER(name) LIKE $3 ESCAPE '\\' ORDER BY id LIMIT $2";
constexpr std::string_view kUpdateOrganisation =
    "UPDATE organisations SET name = $2, region_code = $3, credit_code = $4 WHERE id = $1";
constexpr std::string_view kSetOrganisationStatus =
    "UPDATE organisations SET status = $2 WHERE id = $1";
constexpr std::string_view kCountOrganisations = "SELECT COUNT(*) FROM organisations";
constexpr std::string_view kFirstOrganisationOfKind =
    "SELECT id, kind, name, credit_code, region_code, created_at, status FROM organisations "
    "WHERE kind = $1 ORDER BY id LIMIT 1";

constexpr std::string_view kInsertOutlet =
    "INSERT INTO outlets (id, organisation_id, name, region_code, address, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kOutletColumns =
    "SELECT id, organisation_id, name, region_code, address, created_at, status FROM outlets ";
constexpr std::string_view kUpdateOutlet =
    "UPDATE outlets SET name = $2, region_code = $3, address = $4, status = $5 WHERE id = $1";

constexpr std::string_view kUserColumns =
    "SELECT id, organisation_id, username, display_name, role, password_hash, disabled, "
    "created_at, must_change_password FROM users ";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (id, organisation_id, username, display_name, role, password_hash, "
    "disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
constexpr std::string_view kUpdatePassword = "UPDATE users SET password_hash = $2 WHERE id = $1";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1";
constexpr std::string_view kSetDisabled = "UPDATE users SET disabled = $2 WHERE id = $1";

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kSelectSession =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = $1";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteExpired = "DELETE FROM sessions WHERE expires_at <= $1";
constexpr std::string_view kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = $1";
constexpr std::string_view kDeleteOtherSessions =
    "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";

constexpr std::string_view kApiKeyColumns =
    "SELECT id, user_id, name, secret_hash, created_at, revoked_at FROM api_keys ";
constexpr std::string_view kInsertApiKey =
    "INSERT INTO api_keys (id, user_id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kRevokeApiKey =
    "UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL";

// One round trip per authenticated request: the credential, its user and the organisation.
constexpr std::string_view kCredentialColumns =
    "SELECT u.id, u.organisation_id, u.username, u.display_name, u.role, u.disabled, u.created_at, "
    "o.id, o.kind, o.name, o.credit_code, o.region_code, o.created_at, o.status, "
    "u.must_change_password, ";
constexpr std::string_view kSessionCredential =
    "c.csrf_token, c.expires_at, NULL FROM sessions c JOIN users u ON u.id = c.user_id "
    "JOIN organisations o ON o.id = u.organisation_id WHERE c.token_hash = $1";
constexpr std::string_view kApiKeyCredential =
    "'', 0, c.revoked_at FROM api_keys c JOIN users u ON u.id = c.user_id "
    "JOIN organisations o ON o.id = u.organisation_id WHERE c.secret_hash = $1";

CredentialRecord ToCredential(const Row& r) {
  CredentialRecord c;
  c.user = {r.Text(0), r.Text(1),     r.Text(2), r.Text(3),     r.Text(4),
            "",        r.Int(5) != 0, r.Int(6),  r.Int(14) != 0};
  c.organisation = {r.Text(7),
                    r.Text(8),
                    r.Text(9),
                    r.OptText(10),
                    r.Text(11),
                    r.Int(12),
                    ParseStored<identity::AccountStatus>(r.Text(13), "organisations.status")};
  c.csrf_token = r.Text(15);
  c.expires_at = r.Int(16);
  c.revoked_at = r.OptInt(17);
  return c;
}

OrganisationRecord ToOrganisation(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.OptText(3),
          r.Text(4),
          r.Int(5),
          ParseStored<identity::AccountStatus>(r.Text(6), "organisations.status")};
}
OutletRecord ToOutlet(const Row& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Text(3),
          r.Text(4),
          r.Int(5),
          ParseStored<identity::AccountStatus>(r.Text(6), "outlets.status")};
}
UserRecord ToUser(const Row& r) {
  return {r.Text(0), r.Text(1),     r.Text(2), r.Text(3),    r.Text(4),
          r.Text(5), r.Int(6) != 0, r.Int(7),  r.Int(8) != 0};
}
// The LIKE pattern of "names containing `text`", lower-cased (ASCII), with the pattern's own
// characters escaped; '%' for no text.
std::string NameLike(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (!text.empty()) out += '%';
  return out;
}
SessionRecord ToSession(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4)};
}
ApiKeyRecord ToApiKey(const Row& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.OptInt(5)};
}

}  // namespace

Result<std::optional<CredentialRecord>> IdentityRepository::FindSessionCredential(
    Session& s, const std::string& token_hash) const {
  return MapOptional<CredentialRecord>(
      s.QueryOptional(std::string(kCredentialColumns) + std::string(kSessionCredential),
                      {token_hash}),
      ToCredential);
}

Result<std::optional<CredentialRecord>> IdentityRepository::FindApiKeyCredential(
    Session& s, const std::string& secret_hash) const {
  return MapOptional<CredentialRecord>(
      s.QueryOptional(std::string(kCredentialColumns) + std::string(kApiKeyCredential),
                      {secret_hash}),
      ToCredential);
}

Status IdentityRepository::InsertOrganisation(Session& s, const OrganisationRecord& r) const {
  return Done(s.Execute(kInsertOrganisation, {r.id, r.kind, r.name, OptionalText(r.credit_code),
                                              r.region_code, r.created_at}));
}

Result<bool> IdentityRepository::InsertOrganisationIfAbsent(Session& s,
                                                            const OrganisationRecord& r) const {
  RECIRC_TRY(int64_t n, s.Execute("INSERT INTO organisations (id, kind, name, credit_code, "
                                  "region_code, created_at) VALUES ($1, $2, $3, NULL, $4, $5) "
                                  "ON CONFLICT (id) DO NOTHING",
                                  {r.id, r.kind, r.name, r.region_code, r.created_at}));
  return n > 0;
}

Result<std::optional<OrganisationRecord>> IdentityRepository::FindOrganisation(
    Session& s, const std::string& id) const {
  return MapOptional<OrganisationRecord>(s.QueryOptional(kSelectOrganisation, {id}),
                                         ToOrganisation);
}

Result<std::optional<std::string>> IdentityRepository::AuctionLicence(
    Session& s, const std::string& organisation_id) const {
  RECIRC_TRY(auto row, s.QueryOptional(kSelectAuctionLicence, {organisation_id}));
  if (!row) return std::optional<std::string>();
  return row->OptText(0);
}

Status IdentityRepository::SetAuctionLicence(Session& s, const std::string& organisation_id,
                                             const std::optional<std::string>& licence) const {
  return Done(s.Execute(kUpdateAuctionLicence, {organisation_id, OptionalText(licence)}));
}

Result<std::optional<OrganisationRecord>> IdentityRepository::FirstOrganisationOfKind(
    Session& s, const std::string& kind) const {
  return MapOptional<OrganisationRecord>(s.QueryOptional(kFirstOrganisationOfKind, {kind}),
                                         ToOrganisation);
}

Result<std::vector<OrganisationRecord>> IdentityRepository::ListOrganisations(
    Session& s, const DirectoryQuery& q) const {
  return MapRows<OrganisationRecord>(
      s.Query(kListOrganisations, {q.page.after, int64_t{q.page.limit}, NameLike(q.name)}),
      ToOrganisation);
}

Status IdentityRepository::UpdateOrganisation(Session& s, const OrganisationRecord& r) const {
  return Done(
      s.Execute(kUpdateOrganisation, {r.id, r.name, r.region_code, OptionalText(r.credit_code)}));
}

Status IdentityRepository::SetOrganisationStatus(Session& s, const std::string& id,
                                                 identity::AccountStatus status) const {
  return Done(s.Execute(kSetOrganisationStatus, {id, ToString(status)}));
}

Result<int64_t> IdentityRepository::CountOrganisations(Session& s) const {
  RECIRC_TRY(Row r, s.QueryOne(kCountOrganisations, {}, "count"));
  return r.Int(0);
}

Status IdentityRepository::InsertOutlet(Session& s, const OutletRecord& r) const {
  return Done(s.Execute(kInsertOutlet,
                        {r.id, r.organisation_id, r.name, r.region_code, r.address, r.created_at}));
}

Result<std::optional<OutletRecord>> IdentityRepository::FindOutlet(Session& s,
                                                                   const std::string& id) const {
  return MapOptional<OutletRecord>(
      s.QueryOptional(std::string(kOutletColumns) + "WHERE id = $1", {id}), ToOutlet);
}

Result<std::vector<OutletRecord>> IdentityRepository::ListOutlets(
    Session& s, const std::string& organisation_id, const PageRequest& page) const {
  return MapRows<OutletRecord>(
      s.Query(std::string(kOutletColumns) +
                  "WHERE organisation_id = $1 AND id > $2 ORDER BY id LIMIT $3",
              {organisation_id, page.after, int64_t{page.limit}}),
      ToOutlet);
}

Status IdentityRepository::UpdateOutlet(Session& s, const OutletRecord& r) const {
  return Done(
      s.Execute(kUpdateOutlet, {r.id, r.name, r.region_code, r.address, ToString(r.status)}));
}

Status IdentityRepository::InsertUser(Session& s, const UserRecord& r) const {
  return Done(s.Execute(kInsertUser, {r.id, r.organisation_id, r.username, r.display_name, r.role,
                                      r.password_hash, int64_t{r.disabled ? 1 : 0}, r.created_at}));
}

Result<std::optional<UserRecord>> IdentityRepository::FindUserByUsername(
    Session& s, const std::string& username) const {
  return MapOptional<UserRecord>(
      s.QueryOptional(std::string(kUserColumns) + "WHERE username = $1", {username}), ToUser);
}

Result<std::optional<UserRecord>> IdentityRepository::FindUser(Session& s,
                                                               const std::string& id) const {
  return MapOptional<UserRecord>(s.QueryOptional(std::string(kUserColumns) + "WHERE id = $1", {id}),
                                 ToUser);
}

Result<std::vector<UserRecord>> IdentityRepository::ListUsers(Session& s,
                                                              const std::string& organisation_id,
                                                              const DirectoryQuery& q) const {
  return MapRows<UserRecord>(
      s.Query(std::string(kUserColumns) +
                  "WHERE organisation_id = $1 AND id > $2 AND (LOWER(username) LIKE $4 "
                  "ESCAPE '\\' OR LOWER(display_name) LIKE $4 ESCAPE '\\') ORDER BY id LIMIT $3",
              {organisation_id, q.page.after, int64_t{q.page.limit}, NameLike(q.name)}),
      ToUser);
}

Status IdentityRepository::SetPassword(Session& s, const std::string& user_id,
                                       const std::string& hash, bool must_change) const {
  return Done(s.Execute(kSetPassword, {user_id, hash, int64_t{must_change ? 1 : 0}}));
}

Status IdentityRepository::SetUserDisabled(Session& s, const std::string& user_id,
                                           bool disabled) const {
  return Done(s.Execute(kSetDisabled, {user_id, int64_t{disabled ? 1 : 0}}));
}

Status IdentityRepository::UpdatePasswordHash(Session& s, const std::string& user_id,
                                              const std::string& hash) const {
  return Done(s.Execute(kUpdatePassword, {user_id, hash}));
}

Status IdentityRepository::InsertSession(Session& s, const SessionRecord& r) const {
  return Done(s.Execute(kInsertSession,
                        {r.token_hash, r.user_id, r.csrf_token, r.created_at, r.expires_at}));
}

Result<std::optional<SessionRecord>> IdentityRepository::FindSession(
    Session& s, const std::string& token_hash) const {
  return MapOptional<SessionRecord>(s.QueryOptional(kSelectSession, {token_hash}), ToSession);
}

Status IdentityRepository::DeleteSession(Session& s, const std::string& token_hash) const {
  return Done(s.Execute(kDeleteSession, {token_hash}));
}

Status IdentityRepository::DeleteExpiredSessions(Session& s, int64_t now) const {
  return Done(s.Execute(kDeleteExpired, {now}));
}

Status IdentityRepository::DeleteUserSessions(Session& s, const std::string& user_id) const {
  return Done(s.Execute(kDeleteUserSessions, {user_id}));
}

Result<std::vector<std::string>> IdentityRepository::SuspendedOrganisationIds(Session& s) const {
  constexpr std::string_view kSql = "SELECT id FROM organisations WHERE status = $1 ORDER BY id";
  return MapRows<std::string>(s.Query(kSql, {ToString(identity::AccountStatus::kSuspended)}),
                              [](const Row& r) { return r.Text(0); });
}

Result<std::vector<std::string>> IdentityRepository::SuspendedOutletIds(Session& s) const {
  constexpr std::string_view kSql = "SELECT id FROM outlets WHERE status = $1 ORDER BY id";
  return MapRows<std::string>(s.Query(kSql, {ToString(identity::AccountStatus::kSuspended)}),
                              [](const Row& r) { return r.Text(0); });
}

Status IdentityRepository::DeleteOtherSessions(Session& s, const std::string& user_id,
                                               const std::string& kept_token_hash) const {
  return Done(s.Execute(kDeleteOtherSessions, {user_id, kept_token_hash}));
}

Status IdentityRepository::InsertApiKey(Session& s, const ApiKeyRecord& r) const {
  return Done(s.Execute(kInsertApiKey, {r.id, r.user_id, r.name, r.secret_hash, r.created_at}));
}

Result<std::optional<ApiKeyRecord>> IdentityRepository::FindApiKeyBySecret(
    Session& s, const std::string& hash) const {
  return MapOptional<ApiKeyRecord>(
      s.QueryOptional(std::string(kApiKeyColumns) + "WHERE secret_hash = $1", {hash}), ToApiKey);
}

Result<std::optional<ApiKeyRecord>> IdentityRepository::FindApiKey(Session& s,
                                                                   const std::string& id) const {
  return MapOptional<ApiKeyRecord>(
      s.QueryOptional(std::string(kApiKeyColumns) + "WHERE id = $1", {id}), ToApiKey);
}

Result<std::vector<ApiKeyRecord>> IdentityRepository::ListApiKeys(
    Session& s, const std::string& user_id) const {
  return MapRows<ApiKeyRecord>(
      s.Query(std::string(kApiKeyColumns) + "WHERE user_id = $1 ORDER BY id", {user_id}), ToApiKey);
}

Status IdentityRepository::RevokeApiKey(Session& s, const std::string& id, int64_t now) const {
  return Done(s.Execute(kRevokeApiKey, {id, now}));
}

}  // namespace recirc::storage
