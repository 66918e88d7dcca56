// The shop's inventory (GET /api/v1/inventory) and the offer picker's choice of items.

export const STATUSES = ['registered', 'in_hold', 'inspected', 'listed', 'sold', 'held', 'seized']

const TAG = { registered: 'info', in_hold: 'warning', inspected: 'primary', listed: 'success', sold: '', held: 'danger', seized: 'danger' }
export const statusTag = (status) => TAG[status] ?? 'info'

// The registrations an offer may be made for: not held (the registration or, by the inventory,
// its item, held or seized by the police), one per item.
export function offerable(acquisitions, blockedItemIds) {
  const blocked = new Set(blockedItemIds)
  const seen = new Set()
  return acquisitions.filter((a) => {
    if (a.status === 'held' || blocked.has(a.item_id) || seen.has(a.item_id)) return false
    seen.add(a.item_id)
    return true
  })
}

// The query of the list: empty filters are left out.
export function inventoryQuery({ status, imei }) {
  const q = {}
  if (status) q.status = status
  if (imei && imei.trim()) q.imei = imei.replace(/[\s-]/g, '')
  return q
}
