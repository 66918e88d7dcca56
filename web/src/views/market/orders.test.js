import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n/index.js'
import { buyerActions, eventFacts, parseSerials, unavailableKey } from './orders.js'

describe('the buyer’s steps per order state', () => {
  it('follow the escrow states of docs/market.md', () => {
    expect(buyerActions('placed')).toEqual(['pay', 'cancel'])
    expect(buyerActions('paid')).toEqual(['cancel'])
    expect(buyerActions('dispatched')).toEqual(['receive'])
    expect(buyerActions('received')).toEqual(['return', 'warranty', 'dispute'])
    expect(buyerActions('settled')).toEqual(['warranty', 'dispute'])
    for (const s of ['return_requested', 'cancelled', 'refunded', 'unknown']) expect(buyerActions(s), s).toEqual([])
  })
})

describe('serials typed for a return', () => {
  it('split on lines, commas (also full-width), spaces and 、', () => {
    expect(parseSerials('356938035643809\nF2LXK0ABCD')).toEqual(['356938035643809', 'F2LXK0ABCD'])
    expect(parseSerials(' A1, B2，C3、D4 ;E5 ')).toEqual(['A1', 'B2', 'C3', 'D4', 'E5'])
    expect(parseSerials('')).toEqual([])
    expect(parseSerials(null)).toEqual([])
  })
})

describe('why an offer cannot be bought', () => {
  const published = { status: 'published' }
  it('comes from the offer status and the server’s availability answer', () => {
    expect(unavailableKey(published, { buyable: true })).toBeNull()
    expect(unavailableKey(published, null)).toBeNull()
    expect(unavailableKey(null, null)).toBe('gone')
    expect(unavailableKey({ status: 'withdrawn' }, null)).toBe('gone')
    expect(unavailableKey({ status: 'sold' }, null)).toBe('sold')
    expect(unavailableKey({ status: 'reserved' }, { buyable: true })).toBe('reserved')
    expect(unavailableKey(published, { buyable: false, rule: 'item_held' })).toBe('held')
    expect(unavailableKey(published, { buyable: false, rule: 'sanitization_required' })).toBe('sanitization')
    expect(unavailableKey(published, { buyable: false, rule: 'offer_reserved' })).toBe('reserved')
    expect(unavailableKey(published, { buyable: false, rule: 'something_new' })).toBe('other')
  })
})

describe('history lines', () => {
  it('summarise a leaf’s public facts', () => {
    const { t, te } = createAppI18n('zh-CN').global
    const line = eventFacts({ type: 'item.listed', facts: { channel: 'online', price_band: '2000-5000 CNY', other: 1 } }, t, te)
    expect(line).toContain('2000–5000 元')
    expect(line).not.toMatch(/price_band|CNY|online/)
    expect(eventFacts({ type: 'item.sanitized', facts: { level: 'purge', method: 'crypto_erase' } }, t, te)).not.toMatch(/purge|crypto_erase/)
    expect(eventFacts(null, t, te)).toBe('')
  })
})
