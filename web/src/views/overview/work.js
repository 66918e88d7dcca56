// A staff member's home page shows their work: per permission, the lists that hold something to
// act on (asked of the same endpoints the module pages use), a count and the newest few entries.
// Which tiles a session gets follows its permissions, never the role's name (navigation.js).

/**
 * The tiles for these permissions, in order: { key, permission, route, load } where load(api)
 * answers the list's items. `api` holds the calls (api/index.js and api/shop.js).
 */
export const TILES = [
  { key: 'toDispatch', permission: 'market.manage', route: 'market', load: (a) => a.shopOrders(), keep: (o) => o.state === 'paid' },
  { key: 'toPay', permission: 'market.manage', route: 'market', load: (a) => a.shopOrders(), keep: (o) => o.state === 'placed' },
  { key: 'returns', permission: 'market.manage', route: 'market', load: (a) => a.shopOrders(), keep: (o) => o.state === 'return_requested' },
  { key: 'toInspect', permission: 'inspection.write', route: 'inspection', load: (a) => a.inspectionQueue(), keep: () => true },
  { key: 'openAlerts', permission: 'police.read', route: 'police', load: (a) => a.alerts('open'), keep: () => true },
  { key: 'registered', permission: 'acquisitions.write', route: 'acquisitions', load: (a) => a.acquisitions(), keep: () => true },
  { key: 'organisations', permission: 'organisations.manage', route: 'organisations', load: (a) => a.organisations(), keep: () => true },
]

export function tilesFor(permissions) {
  const have = new Set(permissions ?? [])
  return TILES.filter((t) => have.has(t.permission))
}

/**
 * A tile's figures from a page of its list: how many to act on (`more`: the page was not the
 * whole list, so the count is a lower bound) and the newest `recent` of them.
 */
export function summarise(tile, page, recent = 3) {
  const items = (page?.items ?? []).filter(tile.keep)
  const newest = [...items].sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')))
  return { count: items.length, more: Boolean(page?.next_cursor), recent: newest.slice(0, recent) }
}
