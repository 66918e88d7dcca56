// One local calendar day as the RFC 3339 range the register search takes ({ from, to }).
export function dayRange(date) {
  const d = new Date(date)
  const from = new Date(d.getFullYear(), d.getMonth(), d.getDate())
  const to = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)
  const iso = (x) => x.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { from: iso(from), to: iso(to) }
}
