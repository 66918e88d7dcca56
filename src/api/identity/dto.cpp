#include "api/identity/dto.hpp"

namespace recirc::api::dto {

Organisation Organisation::From(const storage::OrganisationRecord& r) {
  return {
      r.id, r.kind, r.name, r.region_code, Time{r.created_at}, r.credit_code, ToString(r.status)};
}

Outlet Outlet::From(const storage::OutletRecord& r) {
  return {r.id,
          r.organisation_id,
          r.name,
          r.region_code,
          r.address,
          Time{r.created_at},
          ToString(r.status)};
}

User User::From(const storage::UserRecord& r) {
  return {r.id,   r.organisation_id, r.username,         r.display_name,
          r.role, r.disabled,        Time{r.created_at}, r.must_change_password};
}

ApiKey ApiKey::From(const storage::ApiKeyRecord& r) {
  return {r.id, r.name, Time{r.created_at}, r.revoked_at.has_value()};
}

Session Session::From(const identity::Principal& p) {
  Session out{
      {p.user_id, p.username, p.display_name, std::string(identity::RoleName(p.role))},
      {p.organisation.id, p.organisation.name, p.organisation.kind, p.organisation.region_code},
      {},
      {}};
  for (auto perm : identity::AllPermissions()) {
    if (p.Has(perm)) out.permissions.emplace_back(identity::PermissionName(perm));
  }
  if (!p.csrf_token.empty()) out.csrf_token = p.csrf_token;
  if (p.must_change_password) out.must_change_password.emplace(true);
  return out;
}

}  // namespace recirc::api::dto
