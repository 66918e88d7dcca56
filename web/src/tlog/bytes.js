// Bytes for the log's formats: strict base64 (padding required, no white space, unused bits
// zero — as src/tlog/hash.hpp), UTF-8, hex, comparison.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export function base64Encode(bytes) {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

/** The bytes of strict base64 `text`, or null when it is not strict base64. */
export function base64Decode(text) {
  if (typeof text !== 'string' || !BASE64.test(text)) return null
  const bin = atob(text)
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
  // Unused bits must be zero: the canonical encoding of the bytes is the text itself.
  return base64Encode(bytes) === text ? bytes : null
}

export const utf8 = (text) => new TextEncoder().encode(text)

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

export function equal(a, b) {
  if (!a || !b || a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i]
  return diff === 0
}

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
