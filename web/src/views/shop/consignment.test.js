import { describe, expect, it } from 'vitest'
import { STANDARD_MARKDOWNS, agreementBody } from './consignment.js'

describe('agreementBody', () => {
  const form = { percent: 60, period_days: 90, grace_days: 7, expiry_action: 'return', minimum_payout: '50', sale_fee: '2.5' }
  it('turns yuan into fen and uses the standard markdowns', () => {
    const b = agreementBody(form)
    expect(b.split).toEqual([{ from_fen: 0, consignor_percent: 60 }])
    expect(b.minimum_payout_fen).toBe(5000)
    expect(b.sale_fee_fen).toBe(250)
    expect(b.markdowns).toEqual(STANDARD_MARKDOWNS)
    expect(b.convert_price_fen).toBeUndefined()
  })
  it('has no markdowns when the consignor refuses discounts, and a price for convert to stock', () => {
    const b = agreementBody({ ...form, do_not_discount: true, expiry_action: 'convert_to_stock', convert_price: '120' })
    expect(b.markdowns).toEqual([])
    expect(b.convert_price_fen).toBe(12000)
  })
})
