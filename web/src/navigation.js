// The application's modules: one table that both the router and the side menu read.
//
// A module is shown, and its route may be entered, only when the server's `permissions` array for
// the session holds the module's permission. The role name is never consulted: the server decides
// what a role may do, and a role that gains a permission there gains the module here.
//
// `status: 'planned'` marks modules whose server side does not exist yet; they route to a plain
// "being built" page and are labelled as such in the menu.

export const MODULES = [
  { name: 'overview', path: 'overview', permission: null, status: 'ready', icon: 'House' },
  { name: 'acquisitions', path: 'acquisitions', permission: 'acquisitions.write', status: 'ready', icon: 'DocumentAdd' },
  { name: 'police', path: 'police', permission: 'police.read', status: 'ready', icon: 'Bell' },
  { name: 'organisations', path: 'organisations', permission: 'organisations.read', status: 'ready', icon: 'OfficeBuilding' },
  { name: 'outlets', path: 'outlets', permission: 'outlets.read', status: 'ready', icon: 'Shop' },
  { name: 'users', path: 'users', permission: 'users.read', status: 'ready', icon: 'User' },
  { name: 'apiKeys', path: 'api-keys', permission: 'api_keys.manage', status: 'ready', icon: 'Key' },
  { name: 'inspection', path: 'inspection', permission: 'inspection.write', status: 'ready', icon: 'Checked' },
  { name: 'itemService', path: 'item-service', permission: 'items.service', status: 'ready', icon: 'Tools' },
  { name: 'market', path: 'shop', permission: 'market.manage', status: 'ready', icon: 'Goods' },
  { name: 'inventory', path: 'inventory', permission: 'market.manage', status: 'ready', icon: 'Box' },
  { name: 'consignment', path: 'consignment', permission: 'acquisitions.write', status: 'ready', icon: 'Wallet' },
  { name: 'statistics', path: 'statistics', permission: 'statistics.read', status: 'ready', icon: 'DataAnalysis' },
  { name: 'supervision', path: 'supervision', permission: 'supervision.read', status: 'ready', icon: 'View' },
]

/** True when a session holding `permissions` may use a module or action needing `permission`. */
export function allows(permissions, permission) {
  return permission == null || (Array.isArray(permissions) && permissions.includes(permission))
}

/** The modules a session with these permissions sees, in menu order. */
export function modulesFor(permissions) {
  return MODULES.filter((m) => allows(permissions, m.permission))
}

/** The menu: modules that work now first, then the ones being built, each group in table order. */
export function menuFor(permissions) {
  const visible = modulesFor(permissions)
  return {
    ready: visible.filter((m) => m.status === 'ready'),
    planned: visible.filter((m) => m.status === 'planned'),
  }
}
