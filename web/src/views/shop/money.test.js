import { describe, expect, it } from 'vitest'
import { fenToYuan, formatFen, yuanToFen } from './money.js'

describe('yuanToFen', () => {
  it('is exact where floating point is not', () => {
    expect(yuanToFen('0.1')).toBe(10)
    expect(yuanToFen('0.29')).toBe(29)
    expect(0.29 * 100).not.toBe(29) // the trap: 28.999999999999996
    expect(yuanToFen('1.005')).toBeNull()
    expect(yuanToFen('19.99')).toBe(1999)
    expect(19.99 * 100).not.toBe(1999)
    expect(yuanToFen('4.35')).toBe(435)
    expect(yuanToFen('1299.9')).toBe(129990)
    expect(yuanToFen('3500')).toBe(350000)
    expect(yuanToFen('3500.')).toBe(350000)
    expect(yuanToFen('0')).toBe(0)
  })

  it('reads numbers through their decimal text', () => {
    expect(yuanToFen(0.29)).toBe(29)
    expect(yuanToFen(1299.9)).toBe(129990)
    expect(yuanToFen(0.1 + 0.2)).toBeNull() // 0.30000000000000004: not an amount someone typed
    expect(yuanToFen(Number.NaN)).toBeNull()
    expect(yuanToFen(Infinity)).toBeNull()
  })

  it('accepts grouping and the yuan sign, refuses the rest', () => {
    expect(yuanToFen(' ¥1,299.50 ')).toBe(129950)
    expect(yuanToFen('￥12，000')).toBe(1200000)
    for (const bad of ['', ' ', '-1', '1.234', 'abc', '1e3', '.5', '1.2.3', null, undefined]) {
      expect(yuanToFen(bad), String(bad)).toBeNull()
    }
    expect(yuanToFen('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER)
    expect(yuanToFen('90071992547409.92')).toBeNull() // beyond a safe integer of fen
  })
})

describe('fenToYuan and formatFen', () => {
  it('write two decimals', () => {
    expect(fenToYuan(29)).toBe('0.29')
    expect(fenToYuan(350000)).toBe('3500.00')
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(-150)).toBe('-1.50')
    expect(fenToYuan(1.5)).toBeNull()
    expect(formatFen(129990)).toBe('¥1,299.90')
    expect(formatFen(100000000)).toBe('¥1,000,000.00')
    expect(formatFen(null)).toBe('')
  })

  it('round-trips every amount of a range', () => {
    for (let fen = 0; fen <= 20000; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen)
  })
})
