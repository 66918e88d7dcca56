// The public item page's sale status: of an item's offers (GET /items/{id}/offers, public ones
// only for outsiders), the one to show: a published offer first, then reserved, then sold, the
// newest of its kind; null when none is public.
const ORDER = ['published', 'reserved', 'sold']

export function publicOffer(offers) {
  let best = null
  for (const o of offers ?? []) {
    const rank = ORDER.indexOf(o.status)
    if (rank < 0) continue
    const bestRank = best ? ORDER.indexOf(best.status) : Infinity
    if (rank < bestRank || (rank === bestRank && String(o.created_at) > String(best.created_at))) best = o
  }
  return best
}
