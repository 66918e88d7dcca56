// Pure helpers of the police console's near-miss and access-audit panels: the register search a
// near miss links to, the time range the lists take, and paging of a list the server sends whole
// (both endpoints answer at most 500 rows, newest first, without a cursor).

// Identifier kinds in the order a search by one is most telling (a serial number before an
// engraving, which is only a mark).
export const IDENTIFIER_ORDER = ['imei', 'meid', 'vin', 'serial', 'mac', 'gtin_serial', 'engraving']
export { PAGE_SIZE, pageOf } from '../../components/paging.js'
export const SERVER_LIMIT = 500

// The register search (as route query parameters of /police) that finds a near miss's item: by
// its most telling identifier, or, for an item without any, by its outlet and the day.
export function registerLinkFor(nearMiss) {
  const identifiers = nearMiss?.item?.identifiers ?? []
  const best = [...identifiers]
    .filter((i) => IDENTIFIER_ORDER.includes(i.kind))
    .sort((a, b) => IDENTIFIER_ORDER.indexOf(a.kind) - IDENTIFIER_ORDER.indexOf(b.kind))[0]
  if (best) return { tab: 'register', identifier_kind: best.kind, identifier_value: best.value }
  const outlet = nearMiss?.acquisition?.outlet_id
  if (!outlet) return null
  return { tab: 'register', outlet_id: outlet, day: localDay(nearMiss.created_at) }
}

// The search a register link asks for, checked: null when the query names none.
export function registerPreset(query) {
  const one = (v) => (Array.isArray(v) ? v[0] : v)
  const kind = one(query?.identifier_kind)
  const value = one(query?.identifier_value)
  if (kind && value && IDENTIFIER_ORDER.includes(kind)) {
    return { by: 'identifier', identifier_kind: kind, identifier_value: String(value) }
  }
  const outlet = one(query?.outlet_id)
  if (outlet) {
    const day = one(query?.day)
    const valid = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)
    return { by: 'outlet', outlet_id: String(outlet), date: valid ? parseLocalDay(day) : null }
  }
  return null
}

// "YYYY-MM-DD" of an RFC 3339 time in the browser's time zone.
export function localDay(time) {
  const d = new Date(time)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function parseLocalDay(day) {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y, m - 1, d)
}

// The from/to query of a date-range picker's value ([first day, last day], local days): from the
// start of the first day to the start of the day after the last (the server's `to` is exclusive).
export function rangeQuery(range) {
  if (!Array.isArray(range) || range.length !== 2 || !range[0] || !range[1]) return {}
  const start = new Date(range[0])
  const end = new Date(range[1])
  const from = new Date(start.getFullYear(), start.getMonth(), start.getDate())
  const to = new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1)
  const iso = (x) => x.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { from: iso(from), to: iso(to) }
}

// Who made a full view, as the audit shows it: "王警官 (police.wang)", the username alone, or the
// user id when the user is not known here.
export function viewerLabel(entry) {
  const name = entry?.viewer_display_name
  const username = entry?.viewer_username
  if (name && username && name !== username) return `${name} (${username})`
  return name || username || entry?.viewer_id || ''
}
