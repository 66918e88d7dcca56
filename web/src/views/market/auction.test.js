import { describe, expect, it } from 'vitest'
import { countdown, extended, msLeft, standing } from './auction.js'

describe('auction page helpers', () => {
  it('counts down to the end, never below zero', () => {
    expect(msLeft('2026-01-01T00:00:10Z', Date.parse('2026-01-01T00:00:00Z'))).toBe(10_000)
    expect(msLeft('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:01:00Z'))).toBe(0)
    expect(msLeft('nonsense', 0)).toBe(0)
    expect(countdown(3_723_000)).toBe('01:02:03')
    expect(countdown(90_061_000)).toBe('1 d 01:01:01')
  })
  it('tells the caller whether they are winning only when they have bid', () => {
    expect(standing({ winning: true })).toBe('winning')
    expect(standing({ winning: false })).toBe('outbid')
    expect(standing({ price_fen: 1 })).toBeNull()
  })
  it('sees a soft-close extension against the terms', () => {
    const terms = { ends_at: Date.parse('2026-01-01T00:00:00Z') }
    expect(extended({ ends_at: '2026-01-01T00:05:00Z' }, terms)).toBe(true)
    expect(extended({ ends_at: '2026-01-01T00:00:00Z' }, terms)).toBe(false)
  })
})
