#pragma once
// Principal: who is making a request, as the services see it.

#include <string>
#include <string_view>

#include "domain/identity/roles.hpp"
#include "storage/identity/identity_repository.hpp"

namespace recirc::identity {

enum class AuthMethod { kSession, kApiKey, kSystem };

struct Principal {
  std::string user_id;
  std::string username;
  std::string display_name;
  Role role = Role::kOperatorStaff;
  OrganisationKind kind = OrganisationKind::kOperator;
  storage::OrganisationRecord organisation;
  std::string csrf_token;  // set for browser sessions only
  AuthMethod method = AuthMethod::kSession;
  // An administrator reset the password: until the user changes it, the dispatcher lets this
  // principal only through the routes AllowedBeforePasswordChange names.
  bool must_change_password = false;

  bool Has(Permission p) const { return method == AuthMethod::kSystem || RoleHas(role, p); }
  // Platform administrators and the command line see every organisation.
  bool SeesAllOrganisations() const {
    return method == AuthMethod::kSystem || role == Role::kPlatformAdmin;
  }
  bool InOrganisation(const std::string& organisation_id) const {
    return SeesAllOrganisations() || organisation.id == organisation_id;
  }

  // The command line (`recirc admin`, `recirc demo`) acts as the system.
  static Principal System() {
    Principal p;
    p.user_id = "system";
    p.username = "system";
    p.method = AuthMethod::kSystem;
    p.role = Role::kPlatformAdmin;
    p.kind = OrganisationKind::kPlatform;
    return p;
  }
};

// The routes a user whose password was reset may still use: read and end the session, and change
// the password (docs/security.md "Account administration").
inline constexpr std::string_view kSessionPath = "/api/v1/session";
inline constexpr std::string_view kOwnPasswordPath = "/api/v1/session/password";
inline bool AllowedBeforePasswordChange(std::string_view route_pattern) {
  return route_pattern == kSessionPath || route_pattern == kOwnPasswordPath;
}

}  // namespace recirc::identity
