// Display formats. Times arrive as RFC 3339 UTC and are shown in the browser's time zone.
export function formatTime(value, locale) {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}
