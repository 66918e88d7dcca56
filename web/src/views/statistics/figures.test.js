import { describe, expect, it } from 'vitest'
import { growth, growthText, monthsBetween, totalOf, trendSeries, yuan } from './figures.js'

describe('statistics figures', () => {
  it('growth is a percentage against last year, null without a base', () => {
    expect(growth(150, 100)).toBe(50)
    expect(growth(50, 100)).toBe(-50)
    expect(growth(1, 3)).toBe(-66.7)
    expect(growth(10, 0)).toBeNull()
    expect(growthText(150, 100)).toBe('+50%')
    expect(growthText(50, 100)).toBe('-50%')
    expect(growthText(10, 0)).toBe('—')
  })
  it('months run across the year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03'])
  })
  it('the trend fills months without transactions with 0', () => {
    const s = trendSeries({
      from: '2026-01',
      to: '2026-03',
      by_month: [{ key: ['2026-02'], count: 2, value_fen: 12345, last_year_count: 1, last_year_value_fen: 100 }],
    })
    expect(s.months).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(s.value).toEqual([0, 123.45, 0])
    expect(s.lastYear).toEqual([0, 1, 0])
  })
  it('totals of a flow the period lacks are zero', () => {
    expect(totalOf({ totals: [] }, 'sale').count).toBe(0)
    expect(yuan(199)).toBe('1.99')
  })
})
