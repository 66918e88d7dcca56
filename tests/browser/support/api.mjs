// Setting up data through the API, as the shop, the inspector or the police would, for the
// screens that the browser tests then drive by hand.
import assert from 'node:assert/strict'
import { DEMO_PASSWORD } from './session.mjs'

/**
 * A logged-in API session (cookie + CSRF token) at `baseUrl`. `call(method, path, body,
 * expected)` answers `{ status, body }`: the parsed JSON, the text of an answer that is not
 * JSON, or null when empty; with `expected` it asserts the status.
 */
export async function apiSession(baseUrl, username, password = DEMO_PASSWORD) {
  const r = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(r.status, 200, `login ${username}: ${await r.clone().text()}`)
  const cookie = r.headers.get('set-cookie').split(';')[0]
  const session = await r.json()
  return {
    session,
    async call(method, path, body, expected) {
      const res = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': session.csrf_token, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      const json = res.headers.get('content-type')?.includes('json')
      const out = { status: res.status, body: text ? (json ? JSON.parse(text) : text) : null }
      if (expected) assert.equal(out.status, expected, `${method} ${path}: ${text}`)
      return out
    },
    /** POSTs raw bytes (an image) as `contentType`; answers as call(). */
    async upload(path, bytes, contentType, expected) {
      const res = await fetch(`${baseUrl}/api/v1${path}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': session.csrf_token, 'Content-Type': contentType },
        body: bytes,
      })
      const text = await res.text()
      const out = { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text }
      if (expected) assert.equal(out.status, expected, `POST ${path}: ${text}`)
      return out
    },
  }
}

/** A 1×1 PNG: a real image for the photo uploads (orders' photos are not decoded). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
/** An 8×8 grey PNG: other bytes than TINY_PNG. */
export const GREY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAD0lEQVR4nGNowAEYhpYEAILzYAGc7g8kAAAAAElFTkSuQmCC', 'base64')

/** Uploads `png` as a photo of the order at `stage` (dispatch, return); answers its ref. */
export async function orderPhoto(who, orderId, stage, png = TINY_PNG) {
  const r = await who.upload(`/orders/${orderId}/photos?stage=${stage}`, png, 'image/png')
  assert.ok(r.status === 201 || r.status === 200, `order photo: ${JSON.stringify(r.body)}`)
  return r.body.ref
}

/** `digits` followed by its Luhn check digit (an IMEI from its first 14 digits). */
export function withLuhn(digits) {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i])
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2
    sum += d
  }
  return digits + String((10 - (sum % 10)) % 10)
}

/** Fresh valid IMEIs with the 8-digit type allocation code `tac`, none repeated in one run. */
export function imeiSource(tac, start = Date.now() % 1_000_000) {
  let serial = start
  return () => withLuhn(tac + String(serial++ % 1_000_000).padStart(6, '0'))
}
