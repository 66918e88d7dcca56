import { describe, expect, it } from 'vitest'
import { agreedFen, bestOfferActions, checkoutAt, offerAmount, usableBestOffer } from './best-offers.js'

describe('offerAmount', () => {
  it('converts yuan to exact fen below the price', () => {
    expect(offerAmount('2100', 350000)).toEqual({ fen: 210000 })
    expect(offerAmount('0.29', 350000)).toEqual({ fen: 29 })
    expect(offerAmount(' ¥3,299.9 ', 350000)).toEqual({ fen: 329990 })
  })
  it('refuses what is not an amount, zero, and the price or more', () => {
    expect(offerAmount('', 350000)).toEqual({ error: 'amount' })
    expect(offerAmount('abc', 350000)).toEqual({ error: 'amount' })
    expect(offerAmount('1.005', 350000)).toEqual({ error: 'amount' })
    expect(offerAmount('-5', 350000)).toEqual({ error: 'amount' })
    expect(offerAmount('0', 350000)).toEqual({ error: 'amount' })
    expect(offerAmount('3500', 350000)).toEqual({ error: 'notBelowPrice' })
    expect(offerAmount('3500.01', 350000)).toEqual({ error: 'notBelowPrice' })
    expect(offerAmount('3499.99', 350000)).toEqual({ fen: 349999 })
  })
})

describe('best offer states', () => {
  const base = { id: 'B1', offer_id: 'O1', amount_fen: 300000, counter_fen: null }
  it('agrees on the counter when there is one', () => {
    expect(agreedFen(base)).toBe(300000)
    expect(agreedFen({ ...base, counter_fen: 320000 })).toBe(320000)
    expect(agreedFen(null)).toBeNull()
  })
  it('lets the buyer take a counter or buy at an accepted price, nothing else', () => {
    expect(bestOfferActions({ ...base, status: 'countered' })).toEqual(['acceptCounter'])
    expect(bestOfferActions({ ...base, status: 'accepted' })).toEqual(['buy'])
    for (const status of ['pending', 'declined', 'expired', 'used']) expect(bestOfferActions({ ...base, status })).toEqual([])
  })
  it('checks out at an accepted best offer of this offer only', () => {
    expect(checkoutAt(base)).toEqual({ name: 'market-checkout', params: { id: 'O1' }, query: { best_offer: 'B1' } })
    const accepted = { ...base, status: 'accepted' }
    expect(usableBestOffer(accepted, 'O1')).toBe(accepted)
    expect(usableBestOffer(accepted, 'O2')).toBeNull()
    expect(usableBestOffer({ ...base, status: 'used' }, 'O1')).toBeNull()
    expect(usableBestOffer(null, 'O1')).toBeNull()
  })
})
