// Money on the operator's screens: people type yuan ("1299.9"), the API takes whole fen.
// Conversions work on the decimal text, never on floating-point products (0.1 + 0.2 ≠ 0.3, and
// 1.005 * 100 = 100.49999…), so a typed amount becomes exactly its fen and back.

const YUAN = /^(\d+)(?:\.(\d{0,2}))?$/

/**
 * Yuan as typed (a string or a number) → integer fen, or null when it is not an amount of yuan
 * with at most two decimals (empty, negative, "1.234", "abc"). Numbers are read through their
 * shortest decimal text, which is what the person typed (0.1 + 0.2 is 0.30000000000000004 and is
 * refused rather than rounded).
 */
export function yuanToFen(value) {
  if (value === null || value === undefined) return null
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value)
  text = text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '')
  const m = YUAN.exec(text)
  if (!m) return null
  const fen = BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0')
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null
  return Number(fen)
}

/** Integer fen → "1299.90" (two decimals, no grouping); null for anything but a safe integer. */
export function fenToYuan(fen) {
  if (!Number.isSafeInteger(fen)) return null
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Integer fen → "¥1,299.90" for tables and texts. */
export function formatFen(fen) {
  const yuan = fenToYuan(fen)
  if (yuan === null) return ''
  const [whole, cents] = yuan.replace('-', '').split('.')
  return `${fen < 0 ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`
}
