// English auctions on the item page (AuctionBox.vue): time left in words and how the caller
// stands, from GET /offers/{id}/auction (docs/market.md "English auctions").

/** How often the page asks for the auction's state: polling, not Server-Sent Events (issue 17 item 5). */
export const POLL_MS = 3000

/** Milliseconds until `endsAt` (RFC 3339 or Unix ms) from `now` (ms), never negative. */
export function msLeft(endsAt, now) {
  const end = typeof endsAt === 'number' ? endsAt : Date.parse(endsAt)
  if (!Number.isFinite(end)) return 0
  return Math.max(0, end - now)
}

/** "2 d 03:04:05" / "03:04:05": the countdown shown next to the current price. */
export function countdown(ms) {
  const s = Math.floor(ms / 1000)
  const days = Math.floor(s / 86400)
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':')
  return days > 0 ? `${days} d ${hms}` : hms
}

/** winning, outbid, or null when the caller has not bid (the server says only about the caller). */
export function standing(state) {
  if (!state || state.winning === undefined || state.winning === null) return null
  return state.winning ? 'winning' : 'outbid'
}

/** True when the soft close has moved the end past the one the seller set. */
export function extended(state, terms) {
  if (!state?.ends_at || !terms?.ends_at) return false
  const now = Date.parse(state.ends_at)
  return Number.isFinite(now) && now > Number(terms.ends_at)
}
