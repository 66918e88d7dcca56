import { describe, expect, it } from 'vitest'
import {
  PRICE_BANDS,
  bandToPriceRange,
  formatFen,
  listingTitle,
  pageOf,
  previousCursor,
  queryFromState,
  searchParams,
  stateFromQuery,
  toggleFacet,
  withSort,
  facetKey,
  withWords,
} from './market-query.js'

describe('money in fen shown as yuan', () => {
  it('uses integers only: two decimals, grouping, no float errors', () => {
    expect(formatFen(289900)).toBe('¥2,899.00')
    expect(formatFen(1)).toBe('¥0.01')
    expect(formatFen(30)).toBe('¥0.30')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(123456789012)).toBe('¥1,234,567,890.12')
    expect(formatFen(-150)).toBe('-¥1.50')
    expect(formatFen('350000', 'en')).toBe('¥3,500.00')
  })
  it('refuses what is not a whole number of fen', () => {
    for (const bad of [1.5, NaN, null, undefined, 'abc', '12.5', Infinity]) expect(formatFen(bad), String(bad)).toBe('—')
  })
})

describe('price bands', () => {
  it('map to inclusive fen ranges of the index bands [lower, upper)', () => {
    expect(bandToPriceRange('0-100')).toEqual({ price_max: '9999' })
    expect(bandToPriceRange('1000-3000')).toEqual({ price_min: '100000', price_max: '299999' })
    expect(bandToPriceRange('10000+')).toEqual({ price_min: '1000000' })
    expect(bandToPriceRange('5-7')).toBeNull()
    expect(bandToPriceRange('')).toBeNull()
  })
  it('cover every band with adjacent, non-overlapping ranges', () => {
    let next = 0
    for (const b of PRICE_BANDS) {
      const r = bandToPriceRange(b)
      expect(Number(r.price_min ?? 0)).toBe(next)
      next = r.price_max === undefined ? Infinity : Number(r.price_max) + 1
    }
    expect(next).toBe(Infinity)
  })
})

describe('the URL query and the search parameters', () => {
  it('read only known, non-empty values', () => {
    const s = stateFromQuery({ q: '  华为 手机 ', category: 'phone', sort: 'bogus', cursor: '0', price_band: 'cheap', x: 'y' })
    expect(s).toEqual({ q: '华为 手机', sort: 'relevance', cursor: '', category: 'phone', region: '', grade: '', price_band: '', sale_mode: '' })
    expect(stateFromQuery({ q: ['a', 'b'], cursor: '40', sort: 'price_asc' })).toMatchObject({ q: 'a', cursor: '40', sort: 'price_asc' })
    expect(stateFromQuery({ cursor: '-3' }).cursor).toBe('')
  })
  it('round-trip through the URL, keeping it short', () => {
    const s = stateFromQuery({ q: 'iPhone 手机', region: '110000', price_band: '3000-10000', sort: 'newest', cursor: '20' })
    expect(queryFromState(s)).toEqual({ q: 'iPhone 手机', region: '110000', price_band: '3000-10000', sort: 'newest', cursor: '20' })
    expect(stateFromQuery(queryFromState(s))).toEqual(s)
    expect(queryFromState(stateFromQuery({}))).toEqual({})
  })
  it('turn a state into the API parameters (the band as a price range)', () => {
    const s = stateFromQuery({ q: '沙发', grade: 'B', sale_mode: 'fixed_price', price_band: '500-1000', sort: 'price_desc', cursor: '40' })
    expect(searchParams(s)).toEqual({
      limit: '20', q: '沙发', grade: 'B', sale_mode: 'fixed_price', price_min: '50000', price_max: '99999', sort: 'price_desc', cursor: '40',
    })
    expect(searchParams(stateFromQuery({}))).toEqual({ limit: '20' })
  })
})

describe('facet clicks, words and sorting', () => {
  const base = stateFromQuery({ q: '手机', cursor: '40' })
  it('choose a value, then clear it with a second click, back to the first page', () => {
    const chosen = toggleFacet(base, 'category', 'phone')
    expect(chosen).toMatchObject({ category: 'phone', q: '手机', cursor: '' })
    expect(toggleFacet(chosen, 'category', 'phone').category).toBe('')
    expect(toggleFacet(chosen, 'category', 'tablet').category).toBe('tablet')
    expect(() => toggleFacet(base, 'colour', 'red')).toThrow()
  })
  it('new words keep the filters and start at the first page', () => {
    const filtered = toggleFacet(base, 'region', '110000')
    expect(withWords({ ...filtered, cursor: '20' }, '  华为 ')).toMatchObject({ q: '华为', region: '110000', cursor: '' })
    expect(withSort(base, 'price_asc')).toMatchObject({ sort: 'price_asc', cursor: '' })
    expect(withSort(base, 'nonsense').sort).toBe('relevance')
  })
  it('page numbers and the previous cursor', () => {
    expect(pageOf('')).toBe(1)
    expect(pageOf('40')).toBe(3)
    expect(previousCursor('')).toBeNull()
    expect(previousCursor('20')).toBe('')
    expect(previousCursor('60')).toBe('40')
    expect(previousCursor('5')).toBe('')
  })
})

describe('listing titles', () => {
  it('follow the page language with the other as fallback', () => {
    const l = { listing_id: 'L1', title_zh: '华为 Mate 40 手机', title_en: '' }
    expect(listingTitle(l, 'zh-CN')).toBe('华为 Mate 40 手机')
    expect(listingTitle(l, 'en')).toBe('华为 Mate 40 手机')
    expect(listingTitle({ listing_id: 'L2', title_zh: '沙发', title_en: 'Sofa' }, 'en')).toBe('Sofa')
    expect(listingTitle({ listing_id: 'L3' }, 'en')).toBe('L3')
  })
})

describe('when the facets are asked again', () => {
  const base = stateFromQuery({ q: '手机', category: 'phone' })
  it('not for another page or another sort', () => {
    expect(facetKey({ ...base, cursor: '40' })).toBe(facetKey(base))
    expect(facetKey(withSort(base, 'price_asc'))).toBe(facetKey(base))
  })
  it('for other words or another filter', () => {
    expect(facetKey(withWords(base, '华为'))).not.toBe(facetKey(base))
    expect(facetKey(toggleFacet(base, 'grade', 'A/B'))).not.toBe(facetKey(base))
  })
})
