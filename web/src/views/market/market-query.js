// The public market's pure logic: the search page's URL query ↔ the search API's parameters,
// facet clicks, price bands, and money in fen shown as yuan. No Vue here, so vitest covers it.

/** The filters the URL may carry, each one a facet of GET /api/v1/search. */
export const FACETS = ['category', 'region', 'grade', 'price_band', 'sale_mode']
export const SORTS = ['relevance', 'price_asc', 'price_desc', 'newest']
export const PAGE_SIZE = 20

/** The price bands of the search index (src/search/search_index.cpp), in yuan. */
export const PRICE_BANDS = ['0-100', '100-500', '500-1000', '1000-3000', '3000-10000', '10000+']

function single(value) {
  if (Array.isArray(value)) value = value[0]
  return typeof value === 'string' ? value : ''
}

/**
 * A price band label ("1000-3000", "10000+") as the API's fen range: the index's bands are
 * [lower, upper) and the API's price_min/price_max are inclusive, so upper is one fen less.
 * Returns null for anything that is not a band.
 */
export function bandToPriceRange(label) {
  if (!PRICE_BANDS.includes(label)) return null
  const open = /^(\d+)\+$/.exec(label)
  if (open) return { price_min: String(Number(open[1]) * 100) }
  const [lo, hi] = label.split('-').map(Number)
  const range = { price_max: String(hi * 100 - 1) }
  if (lo > 0) range.price_min = String(lo * 100)
  return range
}

/** The search page's state read from the route's query (unknown or empty values dropped). */
export function stateFromQuery(query = {}) {
  const state = { q: single(query.q).trim(), sort: 'relevance', cursor: '' }
  for (const f of FACETS) state[f] = single(query[f])
  const sort = single(query.sort)
  if (SORTS.includes(sort)) state.sort = sort
  const cursor = single(query.cursor)
  if (/^\d+$/.test(cursor) && cursor !== '0') state.cursor = cursor
  if (state.price_band && !PRICE_BANDS.includes(state.price_band)) state.price_band = ''
  return state
}

/** The route query for a state: only what is set, so the URL stays short and shareable. */
export function queryFromState(state) {
  const query = {}
  if (state.q) query.q = state.q
  for (const f of FACETS) if (state[f]) query[f] = state[f]
  if (state.sort && state.sort !== 'relevance') query.sort = state.sort
  if (state.cursor) query.cursor = state.cursor
  return query
}

/** The parameters of GET /api/v1/search for a state. */
export function searchParams(state, limit = PAGE_SIZE) {
  const params = { limit: String(limit) }
  if (state.q) params.q = state.q
  for (const f of ['category', 'region', 'grade', 'sale_mode']) if (state[f]) params[f] = state[f]
  if (state.price_band) Object.assign(params, bandToPriceRange(state.price_band) ?? {})
  if (state.sort && state.sort !== 'relevance') params.sort = state.sort
  if (state.cursor) params.cursor = state.cursor
  return params
}

/**
 * What the facet counts depend on: the words and the filters, not the sort or the page. The
 * search page asks for facets only when this changes (the server counts them for every match).
 */
export function facetKey(state) {
  return JSON.stringify([state.q ?? '', ...FACETS.map((f) => state[f] ?? '')])
}

/**
 * The state after a click on a facet value: chosen if it was not, cleared if it was. Any change
 * of the filters starts again at the first page.
 */
export function toggleFacet(state, facet, value) {
  if (!FACETS.includes(facet)) throw new Error(`unknown facet ${facet}`)
  return { ...state, [facet]: state[facet] === value ? '' : value, cursor: '' }
}

/** The state for new words typed in the box: filters stay, paging starts again. */
export function withWords(state, q) {
  return { ...state, q: (q ?? '').trim(), cursor: '' }
}

export function withSort(state, sort) {
  return { ...state, sort: SORTS.includes(sort) ? sort : 'relevance', cursor: '' }
}

/** The page number (1-based) of a cursor, for "page n of m". */
export function pageOf(cursor, limit = PAGE_SIZE) {
  return Math.floor((Number(cursor) || 0) / limit) + 1
}

/** The cursor of the previous page, or null on the first. */
export function previousCursor(cursor, limit = PAGE_SIZE) {
  const n = Number(cursor) || 0
  if (n <= 0) return null
  const prev = Math.max(0, n - limit)
  return prev === 0 ? '' : String(prev)
}

/**
 * Money in integer fen as yuan: "¥2,899.00" (always two decimals; integers only, so no
 * floating point errors). Anything that is not a whole number of fen is shown as "—".
 */
export function formatFen(fen, locale = 'zh-CN') {
  if (typeof fen === 'string' && /^-?\d+$/.test(fen)) fen = Number(fen)
  if (!Number.isSafeInteger(fen)) return '—'
  const negative = fen < 0
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  const grouped = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { useGrouping: true }).format(yuan)
  return `${negative ? '-' : ''}¥${grouped}.${cents}`
}

/** The title of a listing in the page's language, falling back to the other one. */
export function listingTitle(listing, locale) {
  const en = locale === 'en'
  return (en ? listing.title_en || listing.title_zh : listing.title_zh || listing.title_en) || listing.listing_id
}

/** The description of a listing in the page's language, falling back to the other one. */
export function listingDescription(listing, locale) {
  const en = locale === 'en'
  return (en ? listing.description_en || listing.description_zh : listing.description_zh || listing.description_en) || ''
}
