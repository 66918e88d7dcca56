// Pure helpers of the buyer's best offers (the offer page's "make an offer" and the list on "my
// orders"): the typed amount in yuan to exact fen, what each state means to the buyer and lets
// them do, and the checkout link at an agreed price.
import { yuanToFen } from '../shop/money.js'

/**
 * The amount a buyer typed (yuan) → { fen } or { error } where error is 'amount' (not an amount
 * of yuan with at most two decimals, or not above zero) or 'notBelowPrice' (at or above the
 * price: order at the price instead). Converted exactly (money.js), never through floats.
 */
export function offerAmount(typed, priceFen) {
  const fen = yuanToFen(typed)
  if (fen === null || fen <= 0) return { error: 'amount' }
  if (Number.isSafeInteger(priceFen) && fen >= priceFen) return { error: 'notBelowPrice' }
  return { fen }
}

/** The price a best offer agreed on: the seller's counter when there was one. */
export function agreedFen(best) {
  return best?.counter_fen ?? best?.amount_fen ?? null
}

/**
 * What the buyer can do with their best offer in its state: take a counter (it names the amount
 * they confirm), buy at an accepted price, or nothing (pending, declined, expired, used).
 */
export function bestOfferActions(best) {
  if (best?.status === 'countered') return ['acceptCounter']
  if (best?.status === 'accepted') return ['buy']
  return []
}

/** The checkout route at a best offer's agreed price. */
export function checkoutAt(best) {
  return { name: 'market-checkout', params: { id: best.offer_id }, query: { best_offer: best.id } }
}

/**
 * The best offer a checkout link names, if it can fix this offer's price: accepted, on this
 * offer. Anything else (used, declined, another offer's) is null and checkout is at the price.
 */
export function usableBestOffer(best, offerId) {
  if (!best || best.offer_id !== offerId || best.status !== 'accepted') return null
  return best
}
