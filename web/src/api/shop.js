// The operator's market screens and the market-supervision view: one function per endpoint
// (docs/market.md). Uses the client that main.js configured (CSRF, language, 401 hook).
import { apiClient } from './index.js'

const c = () => apiClient()
const id = (x) => encodeURIComponent(x)
const post = (path, body, idempotencyKey) => c().post(path, body, idempotencyKey ? { idempotencyKey } : {})

export const shopApi = {
  // the shop's inventory: status, hold end, next step (?status= filter, ?imei= search)
  inventory: (query, cursor) => c().get('/inventory', { ...query, ...(cursor ? { cursor } : {}) }),
  // the organisation's registered items (to pick one for an offer)
  acquisitions: (cursor) => c().get('/acquisitions', cursor ? { cursor, limit: 100 } : { limit: 100 }),
  disclosure: (itemId) => c().get(`/items/${id(itemId)}/disclosure`),

  // offers
  // a page of offers, newest first ({ items, next_cursor }); cursor: next_cursor of the last one
  offers: (cursor) => c().get('/offers', cursor ? { cursor } : undefined),
  offer: (offerId) => c().get(`/offers/${id(offerId)}`),
  createOffer: (body, idempotencyKey) => post('/offers', body, idempotencyKey),
  publishOffer: (offerId, disclosureVersion) => post(`/offers/${id(offerId)}/publish`, { disclosure_version: disclosureVersion }),
  withdrawOffer: (offerId, reason) => post(`/offers/${id(offerId)}/withdraw`, { reason }),

  // best offers on an offer (the seller's answers)
  bestOffers: (offerId) => c().get(`/offers/${id(offerId)}/best-offers`),
  respondBestOffer: (bestId, body) => post(`/best-offers/${id(bestId)}/respond`, body),

  // listing blocks: the operator's own, and the region's for market supervision
  blocks: (status) => c().get('/listing-blocks', status ? { status } : undefined),
  block: (blockId) => c().get(`/listing-blocks/${id(blockId)}`),
  appeal: (blockId, statement) => post(`/listing-blocks/${id(blockId)}/appeal`, { statement }),
  supervisionBlocks: (status) => c().get('/supervision/listing-blocks', status ? { status } : undefined),
  decideBlock: (blockId, body) => post(`/listing-blocks/${id(blockId)}/decision`, body),
  prohibitedRules: () => c().get('/market/prohibited-rules'),

  // orders and after-sales
  orders: (cursor) => c().get('/orders', cursor ? { cursor } : undefined),
  order: (orderId) => c().get(`/orders/${id(orderId)}`),
  dispatch: (orderId, body, idempotencyKey) => post(`/orders/${id(orderId)}/dispatch`, body, idempotencyKey),
  settle: (orderId, amountFen) => post(`/orders/${id(orderId)}/settle`, { amount_fen: amountFen }),
  refund: (orderId, amountFen, idempotencyKey) => post(`/orders/${id(orderId)}/refunds`, { amount_fen: amountFen }, idempotencyKey),
  cancel: (orderId, reason) => post(`/orders/${id(orderId)}/cancel`, { reason }),
  afterSales: (orderId) => c().get(`/orders/${id(orderId)}/after-sales`),
  acceptReturn: (returnId, body) => post(`/returns/${id(returnId)}/accept`, body),
  settleDispute: (disputeId, body) => post(`/disputes/${id(disputeId)}/settle`, body),
  organisationAfterSales: (status) => c().get(`/after-sales${status ? `?status=${encodeURIComponent(status)}` : ''}`),
  refuseReturn: (returnId, reason) => post(`/returns/${id(returnId)}/refuse`, { reason }),
  decideWarranty: (claimId, body) => post(`/warranty-claims/${id(claimId)}/decision`, body),
  completeWarranty: (claimId, note) => post(`/warranty-claims/${id(claimId)}/complete`, { note }),
}
