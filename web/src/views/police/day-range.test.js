import { describe, expect, it } from 'vitest'
import { dayRange } from './day-range.js'

describe('dayRange', () => {
  it('spans one local day, in RFC 3339 without fractions', () => {
    const { from, to } = dayRange(new Date(2026, 10, 30, 15, 45))
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(new Date(to) - new Date(from)).toBe(24 * 3600 * 1000)
    expect(new Date(from).getDate()).toBe(30)
    expect(new Date(from).getHours()).toBe(0)
  })
})
