#include "domain/identity/roles.hpp"

#include <algorithm>
#include <array>

namespace recirc::identity {
namespace {

using P = Permission;

struct RoleInfo {
  Role role;
  std::string_view name;
  OrganisationKind kind;
  std::vector<Permission> permissions;
};

const std::vector<RoleInfo>& RoleTable() {
  static const std::vector<RoleInfo> kRoles = {
      {Role::kPlatformAdmin,
       "platform_admin",
       OrganisationKind::kPlatform,
       {P::kOrganisationsRead, P::kOrganisationsManage, P::kOutletsRead, P::kOutletsManage,
        P::kUsersRead, P::kUsersManage, P::kApiKeysManage, P::kRegionsRead, P::kJournalRead,
        P::kStatisticsRead, P::kStatisticsManage, P::kSupervisionRead, P::kMarketBuy}},
      {Role::kOperatorAdmin,
       "operator_admin",
       OrganisationKind::kOperator,
       {P::kOrganisationsRead, P::kOutletsRead, P::kOutletsManage, P::kUsersRead, P::kUsersManage,
        P::kApiKeysManage, P::kRegionsRead, P::kAcquisitionsWrite, P::kMarketManage,
        P::kItemsService, P::kMarketBuy}},
      {Role::kOperatorStaff,
       "operator_staff",
       OrganisationKind::kOperator,
       {P::kOrganisationsRead, P::kOutletsRead, P::kApiKeysManage, P::kRegionsRead,
        P::kAcquisitionsWrite, P::kMarketManage, P::kItemsService, P::kMarketBuy}},
      {Role::kInspectionAdmin,
       "inspection_admin",
       OrganisationKind::kInspectionBody,
       {P::kOrganisationsRead, P::kUsersRead, P::kUsersManage, P::kApiKeysManage, P::kRegionsRead,
        P::kInspectionWrite, P::kItemsService}},
      {Role::kInspector,
       "inspector",
       OrganisationKind::kInspectionBody,
       {P::kOrganisationsRead, P::kApiKeysManage, P::kRegionsRead, P::kInspectionWrite,
        P::kItemsService}},
      {Role::kPoliceOfficer,
       "police_officer",
       OrganisationKind::kPolice,
       {P::kOrganisationsRead, P::kApiKeysManage, P::kRegionsRead, P::kPoliceRead, P::kPoliceAct}},
      {Role::kPoliceSupervisor,
       "police_supervisor",
       OrganisationKind::kPolice,
       {P::kOrganisationsRead, P::kApiKeysManage, P::kRegionsRead, P::kPoliceRead, P::kPoliceAct,
        P::kPoliceAudit}},
      {Role::kPoliceAdmin,
       "police_admin",
       OrganisationKind::kPolice,
       {P::kOrganisationsRead, P::kUsersRead, P::kUsersManage, P::kApiKeysManage, P::kRegionsRead}},
      {Role::kCommerceOfficial,
       "commerce_official",
       OrganisationKind::kCommerceAuthority,
       // API keys: other government systems read the statistics (docs/statistics.md).
       {P::kOrganisationsRead, P::kApiKeysManage, P::kRegionsRead, P::kStatisticsRead,
        P::kStatisticsManage}},
      {Role::kMarketSupervisor,
       "market_supervisor",
       OrganisationKind::kMarketSupervision,
       {P::kOrganisationsRead, P::kRegionsRead, P::kSupervisionRead, P::kSupervisionAct}},
      {Role::kBuyer, "buyer", OrganisationKind::kBuyers, {P::kMarketBuy}},
  };
  return kRoles;
}

const RoleInfo& InfoOf(Role role) {
  for (const auto& info : RoleTable()) {
    if (info.role == role) return info;
  }
  return RoleTable().front();  // unreachable: every Role is in the table (tested)
}

constexpr std::array<std::pair<OrganisationKind, std::string_view>, 7> kKinds = {{
    {OrganisationKind::kOperator, "operator"},
    {OrganisationKind::kInspectionBody, "inspection_body"},
    {OrganisationKind::kPolice, "police"},
    {OrganisationKind::kCommerceAuthority, "commerce_authority"},
    {OrganisationKind::kMarketSupervision, "market_supervision"},
    {OrganisationKind::kPlatform, "platform"},
    {OrganisationKind::kBuyers, "buyers"},
}};

constexpr std::array<std::pair<Permission, std::string_view>, 23> kPermissions = {{
    {P::kPublic, "public"},
    {P::kAuthenticated, "authenticated"},
    {P::kOrganisationsRead, "organisations.read"},
    {P::kOrganisationsManage, "organisations.manage"},
    {P::kOutletsRead, "outlets.read"},
    {P::kOutletsManage, "outlets.manage"},
    {P::kUsersRead, "users.read"},
    {P::kUsersManage, "users.manage"},
    {P::kApiKeysManage, "api_keys.manage"},
    {P::kRegionsRead, "regions.read"},
    {P::kJournalRead, "journal.read"},
    {P::kAcquisitionsWrite, "acquisitions.write"},
    {P::kPoliceRead, "police.read"},
    {P::kPoliceAct, "police.act"},
    {P::kInspectionWrite, "inspection.write"},
    {P::kMarketManage, "market.manage"},
    {P::kStatisticsRead, "statistics.read"},
    {P::kSupervisionRead, "supervision.read"},
    {P::kItemsService, "items.service"},
    {P::kMarketBuy, "market.buy"},
    {P::kSupervisionAct, "supervision.act"},
    {P::kPoliceAudit, "police.audit"},
    {P::kStatisticsManage, "statistics.manage"},
}};

}  // namespace

std::string_view KindName(OrganisationKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "operator";
}

std::optional<OrganisationKind> ParseKind(std::string_view text) {
  for (const auto& [k, name] : kKinds) {
    if (name == text) return k;
  }
  return std::nullopt;
}

std::span<const OrganisationKind> AllKinds() {
  static const std::array<OrganisationKind, 7> kAll = {OrganisationKind::kOperator,
                                                       OrganisationKind::kInspectionBody,
                                                       OrganisationKind::kPolice,
                                                       OrganisationKind::kCommerceAuthority,
                                                       OrganisationKind::kMarketSupervision,
                                                       OrganisationKind::kPlatform,
                                                       OrganisationKind::kBuyers};
  return kAll;
}

std::string_view RoleName(Role role) { return InfoOf(role).name; }

std::optional<Role> ParseRole(std::string_view text) {
  for (const auto& info : RoleTable()) {
    if (info.name == text) return info.role;
  }
  return std::nullopt;
}

OrganisationKind KindOfRole(Role role) { return InfoOf(role).kind; }

std::vector<Role> RolesForKind(OrganisationKind kind) {
  std::vector<Role> out;
  for (const auto& info : RoleTable()) {
    if (info.kind == kind) out.push_back(info.role);
  }
  return out;
}

std::string_view PermissionName(Permission p) {
  for (const auto& [perm, name] : kPermissions) {
    if (perm == p) return name;
  }
  return "public";
}

std::span<const Permission> PermissionsOf(Role role) { return InfoOf(role).permissions; }

bool RoleHas(Role role, Permission p) {
  if (p == P::kPublic || p == P::kAuthenticated) return true;
  const auto perms = PermissionsOf(role);
  return std::find(perms.begin(), perms.end(), p) != perms.end();
}

std::span<const Permission> AllPermissions() {
  static const std::vector<Permission> kAll = [] {
    std::vector<Permission> v;
    for (const auto& [perm, name] : kPermissions) {
      if (perm != P::kPublic && perm != P::kAuthenticated) v.push_back(perm);
    }
    return v;
  }();
  return kAll;
}

}  // namespace recirc::identity
