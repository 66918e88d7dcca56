// The intake form's agreement as the API takes it: yuan typed by people become whole fen, the
// markdown schedule is the shop's usual one unless the consignor refuses discounts.
import { yuanToFen } from './money.js'

export const EXPIRY_ACTIONS = ['return', 'donate', 'convert_to_stock']
export const STANDARD_MARKDOWNS = [
  { after_days: 30, percent: 10 },
  { after_days: 60, percent: 20 },
]

/** The agreement body from the form ({ percent, period_days, grace_days, expiry_action, … }). */
export function agreementBody(f) {
  const body = {
    split: [{ from_fen: 0, consignor_percent: Number(f.percent) }],
    period_days: Number(f.period_days),
    grace_days: Number(f.grace_days),
    expiry_action: f.expiry_action,
    markdowns: f.do_not_discount ? [] : STANDARD_MARKDOWNS,
    do_not_discount: Boolean(f.do_not_discount),
    minimum_payout_fen: yuanToFen(f.minimum_payout ?? '0') ?? 0,
    sale_fee_fen: yuanToFen(f.sale_fee ?? '0') ?? 0,
  }
  if (f.expiry_action === 'convert_to_stock') body.convert_price_fen = yuanToFen(f.convert_price)
  return body
}
