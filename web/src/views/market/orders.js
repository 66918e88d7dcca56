// The buyer's side of an order, as pure functions: which steps the order's state allows, the
// serials typed for a return, and the reasons an offer cannot be bought. The server decides
// again on every request (windows, ownership); this only avoids offering what would fail.
import { describeEvent } from '../item/event-text.js'

/** The buyer's actions for an order in `state` (docs/market.md, "Orders" and "After-sales"). */
export function buyerActions(state) {
  switch (state) {
    case 'placed':
      return ['pay', 'cancel']
    case 'paid':
      return ['cancel']
    case 'dispatched':
      return ['receive']
    case 'received':
      return ['return', 'warranty', 'dispute']
    case 'settled':
      return ['warranty', 'dispute']
    default:
      return [] // return_requested, cancelled, refunded
  }
}

/** Serials typed one per line or separated by commas, spaces or 、; empty parts dropped. */
export function parseSerials(text) {
  return String(text ?? '')
    .split(/[\s,，、;；]+/u)
    .map((s) => s.trim())
    .filter(Boolean)
}

/**
 * Why an offer cannot be bought, as an i18n key under market.unavailable, from the offer (or its
 * absence) and the server's availability answer; null when it can be bought.
 */
export function unavailableKey(offer, availability) {
  if (!offer) return 'gone'
  if (offer.status === 'reserved') return 'reserved'
  if (offer.status === 'sold') return 'sold'
  if (offer.status !== 'published') return 'gone'
  if (availability && availability.buyable === false) {
    if (availability.rule === 'item_held') return 'held'
    if (availability.rule === 'sanitization_required') return 'sanitization'
    if (availability.rule === 'offer_reserved') return 'reserved'
    if (availability.rule === 'offer_sold') return 'sold'
    return 'other'
  }
  return null
}

/** A short line for a public history event: its facts in words, in the page's language. */
export function eventFacts(leaf, t, te) {
  if (!leaf) return ''
  return describeEvent(leaf, t, te)
    .facts.map((f) => `${f.label}: ${f.value}`)
    .join(' · ')
}
