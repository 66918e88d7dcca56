import { describe, expect, it } from 'vitest'
import { compareSerials, refusalText, ruleWords, serialLines, splitRule } from './refusal.js'
import { createAppI18n } from '../../i18n/index.js'
import { errorText } from '../../errors.js'

describe('splitRule', () => {
  it('takes the rule name off the front of a market refusal', () => {
    expect(splitRule('item_held: the item is held (police)')).toEqual({ rule: 'item_held', detail: 'the item is held (police)' })
    expect(splitRule('warranty_minimum: at least 3 months')).toEqual({ rule: 'warranty_minimum', detail: 'at least 3 months' })
    expect(splitRule('price_fen is a positive whole number').rule).toBeNull()
    expect(splitRule('Item_held: x').rule).toBeNull()
    expect(splitRule(undefined)).toEqual({ rule: null, detail: '' })
  })
})

describe('refusalText', () => {
  const { t, te } = createAppI18n('zh-CN').global
  const fallback = (err) => `fallback:${err.serverMessage}`
  it('says a known rule in plain words without the English server detail', () => {
    const text = refusalText(
      { code: 'failed_precondition', serverMessage: 'sanitization_required: no certificate' },
      { t, te, fallback: (err) => errorText(err, t, { te, locale: 'zh-CN' }) },
    )
    expect(text).toContain('数据清除')
    expect(text).not.toContain('no certificate')
  })
  it('gives the short sentence alone for a field', () => {
    expect(ruleWords({ serverMessage: 'warranty_minimum: this offer gives 2' }, { t, te })).toBe('旧电器电子产品的保修期不少于 3 个月。')
    expect(ruleWords({ serverMessage: 'price_fen is a positive whole number' }, { t, te })).toBeNull()
  })
  it('leaves other errors to the fallback', () => {
    expect(refusalText({ serverMessage: 'some_new_rule: x' }, { t, te, fallback })).toBe('fallback:some_new_rule: x')
    expect(refusalText({ serverMessage: 'bad field' }, { t, te, fallback })).toBe('fallback:bad field')
  })
  it('has words for every refusal the market backend names', () => {
    for (const rule of ['item_held', 'item_already_offered', 'disclosure_required', 'disclosure_outdated',
      'sanitization_required', 'warranty_minimum', 'offer_taken', 'serial_mismatch', 'inspection_window_open',
      'refund_exceeds_payment', 'best_offer_expired', 'not_your_order', 'not_your_counter']) {
      for (const code of ['zh-CN', 'en']) expect(createAppI18n(code).global.te(`shop.rules.${rule}`), `${code} ${rule}`).toBe(true)
    }
  })
})

describe('serials', () => {
  it('are read one per line or comma-separated', () => {
    expect(serialLines(' F2LXK0ABCD \n\n356938035643809, X1')).toEqual(['F2LXK0ABCD', '356938035643809', 'X1'])
    expect(serialLines('')).toEqual([])
  })
  it('are compared both ways', () => {
    expect(compareSerials(['A', 'B'], ['A', 'C'])).toEqual({ unexpected: ['C'], missing: ['B'] })
    expect(compareSerials(['A'], ['A'])).toEqual({ unexpected: [], missing: [] })
  })
})
