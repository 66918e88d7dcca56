// Display formats. Times arrive as RFC 3339 UTC and are shown in the node's time zone (the
// server's time_zone setting, GET /api/v1/web-settings; Asia/Shanghai until it is known), never as
// raw ISO text: a shop's records read the same wherever the browser is.
import { reactive } from 'vue'

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

// Reactive: pages rendered before the node's setting arrives show it once it does.
const settings = reactive({ timeZone: DEFAULT_TIME_ZONE })

/** Whether the browser knows an IANA zone name. */
export function isTimeZone(zone) {
  if (typeof zone !== 'string' || !zone) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Sets the zone times are shown in; an unknown name keeps the present one. */
export function setTimeZone(zone) {
  if (isTimeZone(zone)) settings.timeZone = zone
  return settings.timeZone
}

export function timeZone() {
  return settings.timeZone
}

export function formatTime(value, locale, zone = settings.timeZone) {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(d)
}

/** A date alone ("2026-12-14") in the node's zone. */
export function formatDate(value, locale, zone = settings.timeZone) {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(d)
}
