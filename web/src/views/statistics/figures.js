// Pure helpers of the statistics dashboard: growth against the same months a year earlier, the
// series of the trend chart and the labels of a method row. Kept apart from the view for tests.

/** Growth in percent (one decimal) of `now` against `before`; null when there is no base. */
export function growth(now, before) {
  if (!before) return null
  return Math.round(((now - before) / before) * 1000) / 10
}

/** Growth as shown: "+12.5%", "-3%", or "—" without a base. */
export function growthText(now, before) {
  const g = growth(now, before)
  return g == null ? '—' : `${g > 0 ? '+' : ''}${g}%`
}

/** Yuan (two decimals) from fen. */
export function yuan(fen) {
  return (Number(fen || 0) / 100).toFixed(2)
}

/** Every month from `from` to `to` ("YYYY-MM"), inclusive. */
export function monthsBetween(from, to) {
  const out = []
  let [y, m] = from.split('-').map(Number)
  const [ty, tm] = to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/**
 * The trend chart's series from a report's by_month rows: every month of the period (a month
 * without transactions is 0, not a gap), this year's and last year's value in yuan.
 */
export function trendSeries(report) {
  if (!report) return { months: [], value: [], lastYear: [] }
  const months = monthsBetween(report.from, report.to)
  const byMonth = new Map((report.by_month ?? []).map((f) => [f.key[0], f]))
  return {
    months,
    value: months.map((m) => Number(yuan(byMonth.get(m)?.value_fen ?? 0))),
    lastYear: months.map((m) => Number(yuan(byMonth.get(m)?.last_year_value_fen ?? 0))),
  }
}

/** The totals of one flow ('acquisition' or 'sale'), zero when the period has none. */
export function totalOf(report, flow) {
  const f = (report?.totals ?? []).find((x) => x.key[0] === flow)
  return f ?? { key: [flow], count: 0, value_fen: 0, last_year_count: 0, last_year_value_fen: 0 }
}
