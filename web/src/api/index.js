// The application's one API client and the calls the screens make, one function per endpoint.
// main.js configures it (CSRF token from the session store, language, what to do on a 401).
import { ApiError, createApiClient } from './client.js'

let client = createApiClient()

export function configureApi(options) {
  client = createApiClient(options)
}

/** The configured client, for the per-area call tables (api/shop.js). */
export const apiClient = () => client

// Lists page by cursor: the server returns next_cursor and takes it back as `after`.
const page = (after) => (after ? { after } : undefined)

export const api = {
  // session
  login: (username, password) => client.post('/session', { username, password }),
  currentSession: () => client.get('/session'),
  webSettings: () => client.get('/web-settings'),
  logout: () => client.del('/session'),
  changePassword: (body) => client.post('/session/password', body),

  // organisations
  // `q`: only names containing it
  listOrganisations: (after, q) => client.get('/organisations', { ...page(after), ...(q ? { q } : {}) }),
  updateOrganisation: (id, body) => client.patch(`/organisations/${encodeURIComponent(id)}`, body),
  setOrganisationStatus: (id, body) => client.post(`/organisations/${encodeURIComponent(id)}/status`, body),
  updateOutlet: (id, body) => client.patch(`/outlets/${encodeURIComponent(id)}`, body),
  setOutletStatus: (id, body) => client.post(`/outlets/${encodeURIComponent(id)}/status`, body),
  createOrganisation: (body, idempotencyKey) => client.post('/organisations', body, { idempotencyKey }),

  // outlets
  listOutlets: (orgId, after) => client.get(`/organisations/${encodeURIComponent(orgId)}/outlets`, page(after)),
  createOutlet: (orgId, body, idempotencyKey) =>
    client.post(`/organisations/${encodeURIComponent(orgId)}/outlets`, body, { idempotencyKey }),

  // users
  listUsers: (orgId, after, q) =>
    client.get(`/organisations/${encodeURIComponent(orgId)}/users`, { ...page(after), ...(q ? { q } : {}) }),
  disableUser: (id, reason) => client.post(`/users/${encodeURIComponent(id)}/disable`, { reason }),
  enableUser: (id, reason) => client.post(`/users/${encodeURIComponent(id)}/enable`, { reason }),
  resetPassword: (id, body) => client.post(`/users/${encodeURIComponent(id)}/password-reset`, body),
  createUser: (orgId, body, idempotencyKey) =>
    client.post(`/organisations/${encodeURIComponent(orgId)}/users`, body, { idempotencyKey }),

  // regions (GB/T 2260): provinces for an empty parent, else the parent's children
  regions: (parent) => client.get('/regions', { parent: parent || '' }),

  // API keys
  listApiKeys: () => client.get('/api-keys'),
  createApiKey: (name, idempotencyKey) => client.post('/api-keys', { name }, { idempotencyKey }),
  revokeApiKey: (id) => client.del(`/api-keys/${encodeURIComponent(id)}`),

  // acquisition register (the shop)
  register: (body, idempotencyKey) => client.post('/acquisitions', body, { idempotencyKey }),
  acquisition: (id) => client.get(`/acquisitions/${encodeURIComponent(id)}`),
  maskedSeller: (id) => client.get(`/acquisitions/${encodeURIComponent(id)}/seller`),
  uploadPhoto: (id, kind, file, idempotencyKey) =>
    client.post(`/acquisitions/${encodeURIComponent(id)}/photos?kind=${encodeURIComponent(kind)}`, undefined, {
      raw: file,
      contentType: file.type,
      idempotencyKey,
    }),
  listPhotos: (id) => client.get(`/acquisitions/${encodeURIComponent(id)}/photos`),
  photo: (id, sha) => client.get(`/acquisitions/${encodeURIComponent(id)}/photos/${sha}`, undefined, { blob: true }),

  // inspection (reports are public; submitting needs inspection.write)
  checklists: () => client.get('/checklists'),
  checklist: (category, version) => client.get(`/checklists/${encodeURIComponent(category)}`, version ? { version } : undefined),
  previewGrade: (category, body) => client.post(`/checklists/${encodeURIComponent(category)}/grade`, body),
  inspect: (itemId, body, idempotencyKey) =>
    client.post(`/items/${encodeURIComponent(itemId)}/inspections`, body, { idempotencyKey }),
  itemReports: (itemId) => client.get(`/items/${encodeURIComponent(itemId)}/reports`),
  report: (id) => client.get(`/reports/${encodeURIComponent(id)}`),
  compareReports: (id, withId) => client.get(`/reports/${encodeURIComponent(id)}/compare`, { with: withId }),
  verifyReport: (body) => client.post('/reports/verify', body),
  certificateUrl: (id) => `/api/v1/reports/${encodeURIComponent(id)}/certificate.pdf`,

  // item service (items.service): sanitization certificates, repairs; the disclosure is public
  recordSanitization: (itemId, body, idempotencyKey) =>
    client.post(`/items/${encodeURIComponent(itemId)}/sanitizations`, body, { idempotencyKey }),
  recordRepair: (itemId, body, idempotencyKey) =>
    client.post(`/items/${encodeURIComponent(itemId)}/repairs`, body, { idempotencyKey }),
  // the item-history transparency log (public): passport with proofs, the log's verifier key
  passport: (itemId) => client.get(`/items/${encodeURIComponent(itemId)}/passport`),
  logKey: async () => {
    const response = await fetch('/log/key', { headers: { Accept: 'text/plain' } })
    if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, '')
    return (await response.text()).trim()
  },
  labelUrl: (itemId, size) => `/api/v1/items/${encodeURIComponent(itemId)}/label.pdf?size=${encodeURIComponent(size)}`,
  disclosure: (itemId, version) =>
    client.get(`/items/${encodeURIComponent(itemId)}/disclosure`, version ? { version } : undefined),

  // public market and the buyer (docs/web.md "The public market"; buyer accounts per the buyers contract)
  search: (params) => client.get('/search', params),
  offer: (id) => client.get(`/offers/${encodeURIComponent(id)}`),
  offerAvailability: (id) => client.get(`/offers/${encodeURIComponent(id)}/availability`),
  itemOffers: (itemId) => client.get(`/items/${encodeURIComponent(itemId)}/offers`),
  offerPhotos: (id) => client.get(`/offers/${encodeURIComponent(id)}/photos`),
  // English auctions (docs/market.md "English auctions"): the state, a maximum (proxy) bid, Buy-It-Now
  auction: (id) => client.get(`/offers/${encodeURIComponent(id)}/auction`),
  placeBid: (id, body) => client.post(`/offers/${encodeURIComponent(id)}/bids`, body),
  buyItNow: (id, body) => client.post(`/offers/${encodeURIComponent(id)}/buy-it-now`, body),
  offerPhotoUrl: (id, sha) => `/api/v1/offers/${encodeURIComponent(id)}/photos/${encodeURIComponent(sha)}`,
  passport: (itemId) => client.get(`/items/${encodeURIComponent(itemId)}/passport`),
  signUp: (body, idempotencyKey) => client.post('/buyers', body, { idempotencyKey }),
  paymentProviders: () => client.get('/market/payment-providers'),
  placeOrder: (body, idempotencyKey) => client.post('/orders', body, { idempotencyKey }),
  myOrders: (cursor) => client.get('/orders/mine', cursor ? { cursor } : undefined),
  order: (id) => client.get(`/orders/${encodeURIComponent(id)}`),
  payOrder: (id, body, idempotencyKey) => client.post(`/orders/${encodeURIComponent(id)}/pay`, body, { idempotencyKey }),
  cancelOrder: (id, body) => client.post(`/orders/${encodeURIComponent(id)}/cancel`, body),
  receiveOrder: (id, body) => client.post(`/orders/${encodeURIComponent(id)}/receive`, body),
  requestReturn: (id, body, idempotencyKey) =>
    client.post(`/orders/${encodeURIComponent(id)}/returns`, body, { idempotencyKey }),
  claimWarranty: (id, body, idempotencyKey) =>
    client.post(`/orders/${encodeURIComponent(id)}/warranty-claims`, body, { idempotencyKey }),
  openDispute: (id, body, idempotencyKey) =>
    client.post(`/orders/${encodeURIComponent(id)}/disputes`, body, { idempotencyKey }),
  afterSales: (id) => client.get(`/orders/${encodeURIComponent(id)}/after-sales`),
  // the buyer's best offers (docs/market.md "Best offers")
  makeBestOffer: (offerId, body, idempotencyKey) =>
    client.post(`/offers/${encodeURIComponent(offerId)}/best-offers`, body, { idempotencyKey }),
  bestOffer: (id) => client.get(`/best-offers/${encodeURIComponent(id)}`),
  rentalCalendar: (offerId) => client.get(`/rentals/offers/${encodeURIComponent(offerId)}/calendar`),
  bookRental: (offerId, body, idempotencyKey) =>
    client.post(`/rentals/offers/${encodeURIComponent(offerId)}/bookings`, body, { idempotencyKey }),
  myBestOffers: (cursor) => client.get('/best-offers/mine', cursor ? { cursor } : undefined),
  acceptCounter: (id, body) => client.post(`/best-offers/${encodeURIComponent(id)}/accept-counter`, body),

  // police console
  alerts: (status) => client.get('/police/alerts', status ? { status } : undefined),
  decide: (alertId, body, idempotencyKey) =>
    client.post(`/police/alerts/${encodeURIComponent(alertId)}/decision`, body, { idempotencyKey }),
  searchRegister: (query) => client.get('/police/register', query),
  // POST: the ID number travels in the body, never in a URL; the reason goes into the access audit.
  searchRegisterByIdNumber: (body) => client.post('/police/register/by-id-number', body),
  nearMisses: (range) => client.get('/police/near-misses', range),
  accessAudit: (range) => client.get('/police/access-audit', range),
  registerReport: (query, format) => client.get('/police/register', { ...query, format }, { blob: true }),
  fullSeller: (id, reason) => client.post(`/police/acquisitions/${encodeURIComponent(id)}/seller`, { reason }),
  idDocumentPhoto: (id, sha, reason) =>
    client.post(`/police/acquisitions/${encodeURIComponent(id)}/photos/${sha}`, { reason }, { blob: true }),
  addWatchlist: (body, idempotencyKey) => client.post('/police/watchlist', body, { idempotencyKey }),
  importWatchlist: (csv, source, idempotencyKey) =>
    client.post(`/police/watchlist/import?source=${encodeURIComponent(source)}`, undefined, {
      raw: csv,
      contentType: 'text/csv',
      idempotencyKey,
    }),
}

/** Fetches every page of a cursor-paged list (for pickers, where the list is short). */
export async function allPages(fetchPage, limit = 50) {
  const items = []
  let after = null
  for (let i = 0; i < limit; i++) {
    const res = await fetchPage(after)
    items.push(...(res?.items ?? []))
    after = res?.next_cursor
    if (!after) break
  }
  return items
}
