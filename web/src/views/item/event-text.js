// An item event (a verified transparency-log leaf) in plain words: a title for its type and the
// public facts worth reading (category, grade, price band, …), in the page's language. `t` and
// `te` are vue-i18n's translate and "has translation".

const word = (t, te, value) => (te(`item.words.${value}`) ? t(`item.words.${value}`) : String(value))

function grade(t, te, g) {
  if (!g || typeof g !== 'object') return null
  return Object.entries(g)
    .map(([scale, value]) => `${te(`item.scales.${scale}`) ? t(`item.scales.${scale}`) : scale} ${value}`)
    .join(', ')
}

const label = (t, te, prefixes, value) => {
  for (const p of prefixes) if (te(`${p}.${value}`)) return t(`${p}.${value}`)
  return String(value)
}

/** A log's price band ("2000-5000 CNY", ">=100000 CNY") in words ("2000–5000 元"). */
export function priceBandText(band, t) {
  const range = /^(\d+)-(\d+) CNY$/.exec(String(band ?? ''))
  if (range) return t('item.priceBands.range', { low: range[1], high: range[2] })
  const open = /^>=(\d+) CNY$/.exec(String(band ?? ''))
  if (open) return t('item.priceBands.atLeast', { low: open[1] })
  return String(band ?? '')
}

/** {title, facts: [{label, value}]} for a leaf {type, time, facts}. */
export function describeEvent(leaf, t, te) {
  const type = String(leaf?.type ?? '')
  const short = type.startsWith('item.') ? type.slice(5) : type
  const title = te(`item.types.${short}`) ? t(`item.types.${short}`) : t('item.types.other', { type })
  const f = leaf?.facts && typeof leaf.facts === 'object' ? leaf.facts : {}
  const facts = []
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '') facts.push({ label: t(`item.facts.${key}`), value: String(value) })
  }
  if (f.category) add('category', te(`registry.categories.${f.category}`) ? t(`registry.categories.${f.category}`) : f.category)
  if (f.brand || f.model) add('model', [f.brand, f.model].filter(Boolean).join(' '))
  if (f.kind && te(`registry.kinds.${f.kind}`)) add('kind', t(`registry.kinds.${f.kind}`))
  if (f.channel && te(`registry.channels.${f.channel}`)) add('channel', t(`registry.channels.${f.channel}`))
  add('grade', grade(t, te, f.grade))
  if (Array.isArray(f.checklist?.failed) && f.checklist.failed.length > 0) add('failedChecks', f.checklist.failed.join(', '))
  if (Array.isArray(f.defects) && f.defects.length > 0) add('defects', f.defects.join('; '))
  if (f.authenticity) add('authenticity', word(t, te, f.authenticity))
  if (type === 'item.sanitized') {
    if (f.level) add('level', label(t, te, ['service.levels'], f.level))
    if (f.method) add('method', label(t, te, ['service.methods'], f.method))
    if (f.result) add('result', word(t, te, f.result))
  } else if (f.method) {
    add('method', label(t, te, ['item.words', 'service.methods'], f.method))
  }
  if (f.price_band) add('priceBand', priceBandText(f.price_band, t))
  if (f.start_band) add('startBand', priceBandText(f.start_band, t))
  if (f.outcome) add('outcome', word(t, te, f.outcome))
  if (Number.isInteger(f.bidders)) add('bidders', String(f.bidders))
  if (f.sale_mode) add('saleMode', word(t, te, f.sale_mode))
  if (Number.isInteger(f.warranty_months) && f.warranty_months > 0) add('warranty', t('item.facts.warrantyMonths', { n: f.warranty_months }))
  if (Number.isInteger(f.return_days) && f.return_days > 0) add('returnDays', t('item.facts.days', { n: f.return_days }))
  if (type !== 'item.acquired' && f.condition) add('condition', f.condition)
  if (Array.isArray(f.parts) && f.parts.length > 0) add('parts', f.parts.map((p) => p?.part ?? '').filter(Boolean).join(', '))
  if (f.red_flag === true) add('redFlag', word(t, te, 'yes'))
  // Rentals: the period only, never the renter (docs/rental.md).
  if (f.from && f.until) add('rentedPeriod', t('item.facts.rentedFromUntil', { from: f.from, until: f.until }))
  if (f.from && f.to) add('rentedPeriod', t('item.facts.rentedFromTo', { from: f.from, to: f.to }))
  if (Number.isInteger(f.late_days) && f.late_days > 0) add('lateDays', t('item.facts.days', { n: f.late_days }))
  // Consignment: the terms' public facts only, never the consignor (docs/consignment.md).
  if (Number.isInteger(f.percent) && f.percent > 0) add('markdown', t('item.facts.markdownPercent', { n: f.percent }))
  if (Number.isInteger(f.period_days)) add('period', t('item.facts.days', { n: f.period_days }))
  return { title, facts }
}
