import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n/index.js'
import { describeEvent } from './event-text.js'

const words = (code) => {
  const { t, te } = createAppI18n(code).global
  return [t, te]
}

describe('describeEvent', () => {
  it('says an acquisition in words, in English and Chinese', () => {
    const leaf = { type: 'item.acquired', facts: { category: 'phone', brand: 'Apple', model: 'iPhone 13', kind: 'purchase', channel: 'store' } }
    const en = describeEvent(leaf, ...words('en'))
    expect(en.title).toBe('Taken in by a registered shop')
    expect(en.facts).toContainEqual({ label: 'Category', value: 'Mobile phone' })
    expect(en.facts).toContainEqual({ label: 'Brand and model', value: 'Apple iPhone 13' })
    const zh = describeEvent(leaf, ...words('zh-CN'))
    expect(zh.title).toBe('由登记商户收购')
    expect(zh.facts).toContainEqual({ label: '品类', value: '手机' })
  })

  it('says a markdown and an expiry action in words, naming nobody', () => {
    const marked = describeEvent({ type: 'item.marked_down', facts: { agreement_id: 'A1', percent: 20, price_band: '500-1000 CNY' } }, ...words('zh-CN'))
    expect(marked.title).toBe('寄卖降价')
    expect(marked.facts).toContainEqual({ label: '降价', value: '降价 20%' })
    expect(describeEvent({ type: 'item.returned_to_consignor', facts: {} }, ...words('en')).title).toBe('Returned to the consignor')
  })

  it('gives grades, price bands and warranty', () => {
    const [t, te] = words('en')
    expect(describeEvent({ type: 'item.inspected', facts: { grade: { functional: '0', cosmetic: 'B' } } }, t, te).facts).toContainEqual({
      label: 'Grade',
      value: 'functional 0, cosmetic B',
    })
    const sold = describeEvent({ type: 'item.offered', facts: { price_band: '1000-2000 CNY', sale_mode: 'fixed_price', warranty_months: 3 } }, t, te)
    expect(sold.title).toBe('Offered for sale')
    expect(sold.facts).toEqual([
      { label: 'Price band', value: '1000–2000 yuan' },
      { label: 'Sale mode', value: 'fixed price' },
      { label: 'Warranty', value: '3 months' },
    ])
  })

  it('shows a rental period and its condition, in English and Chinese', () => {
    const leaf = { type: 'item.rented', facts: { from: '2026-12-08', to: '2026-12-13', grade: { functional: '1', cosmetic: 'D' }, late_days: 2 } }
    const en = describeEvent(leaf, ...words('en'))
    expect(en.title).toBe('Rented')
    expect(en.facts).toContainEqual({ label: 'Rented', value: '2026-12-08 to 2026-12-13' })
    expect(en.facts).toContainEqual({ label: 'Grade', value: 'functional 1, cosmetic D' })
    expect(en.facts).toContainEqual({ label: 'Days late', value: '2 days' })
    const zh = describeEvent({ type: 'item.rental_started', facts: { from: '2026-12-08', until: '2026-12-11' } }, ...words('zh-CN'))
    expect(zh.title).toBe('出租取件')
    expect(zh.facts).toContainEqual({ label: '租期', value: '2026-12-08 起，预订至 2026-12-11' })
  })

  it('names an unknown event by its type', () => {
    const [t, te] = words('en')
    expect(describeEvent({ type: 'item.teleported', facts: {} }, t, te).title).toBe('Event item.teleported')
  })
})
