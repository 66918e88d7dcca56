#pragma once
// Organisation kinds, roles and permissions, and the one table that joins them.
//
// A route declares the permission it needs; a role grants a fixed set of permissions; a role is
// allowed only in organisations of certain kinds. Tenancy (an operator sees only its own data,
// police only their jurisdiction) is checked in the services, on top of these permissions.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace recirc::identity {

enum class OrganisationKind {
  kOperator,           // recycling chain, consignment shop, flea-market organiser, platform seller
  kInspectionBody,     // third-party testing and appraisal
  kPolice,             // public security
  kCommerceAuthority,  // sees statistics only
  kMarketSupervision,  // complaints, prohibited-listing blocks
  kPlatform,           // the administrators of this recirc installation
  kBuyers,             // the node-wide organisation of individual buyers (created on first need)
};

enum class Role {
  kOperatorAdmin,
  kOperatorStaff,
  kInspectionAdmin,
  kInspector,
  kPoliceOfficer,
  kCommerceOfficial,
  kMarketSupervisor,
  kPlatformAdmin,
  kBuyer,             // an individual buyer's own account (POST /api/v1/buyers)
  kPoliceSupervisor,  // an officer who also supervises the access audit of the jurisdiction
  kPoliceAdmin,       // manages the accounts of its police organisation; sees no police data
};

// kPublic and kAuthenticated are route-level markers: no account needed, or any account.
enum class Permission {
  kPublic,
  kAuthenticated,
  kOrganisationsRead,
  kOrganisationsManage,
  kOutletsRead,
  kOutletsManage,
  kUsersRead,
  kUsersManage,
  kApiKeysManage,
  kRegionsRead,
  kJournalRead,
  kAcquisitionsWrite,
  kPoliceRead,
  kPoliceAct,  // decide alerts, release and seize, enter stolen-item reports
  kInspectionWrite,
  kMarketManage,
  kStatisticsRead,
  kSupervisionRead,
  kItemsService,      // record data sanitization and repairs on an item
  kMarketBuy,         // place orders and best offers (a buyer's own, or staff for a buyer_ref)
  kSupervisionAct,    // decide appeals against prohibited-listing blocks
  kPoliceAudit,       // read the access audit (who saw which personal data, and why)
  kStatisticsManage,  // import the statistics' baseline (the city's 2024 figures)
};

std::string_view KindName(OrganisationKind kind);
std::optional<OrganisationKind> ParseKind(std::string_view text);
std::span<const OrganisationKind> AllKinds();

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view text);
OrganisationKind KindOfRole(Role role);
std::vector<Role> RolesForKind(OrganisationKind kind);

std::string_view PermissionName(Permission p);
std::span<const Permission> PermissionsOf(Role role);
bool RoleHas(Role role, Permission p);
// Every grantable permission (not the kPublic/kAuthenticated markers), in declaration order.
std::span<const Permission> AllPermissions();

}  // namespace recirc::identity
