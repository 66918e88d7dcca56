// Checking a report's Ed25519 signature in the browser (WebCrypto), as the server does: the
// message is "recirc inspection report v1\n" followed by the report's canonical JSON (keys
// sorted, no whitespace, integers only; src/domain/inspection/canonical_json.hpp). This shows
// that the signature matches the verifier key printed in the report; whether that key belongs to
// the named inspection body is what the server's check adds.

export const SIGNATURE_CONTEXT = 'recirc inspection report v1\n'

/** Canonical JSON: object keys sorted by code unit (the keys are ASCII), no whitespace. */
export function canonicalJson(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isInteger(value)) throw new Error('fractions are not canonical')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
}

function base64Bytes(text) {
  const bin = atob(text)
  return Uint8Array.from(bin, (c) => c.charCodeAt(0))
}

/** The 32-byte Ed25519 public key of a C2SP signed-note verifier key "name+hash+base64". */
export function publicKeyOf(verifierKey) {
  // The name and the hash hold no '+'; the base64 key may.
  const m = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(String(verifierKey))
  const bytes = m ? base64Bytes(m[3]) : new Uint8Array()
  if (bytes.length !== 33 || bytes[0] !== 1) throw new Error('not an Ed25519 verifier key')
  return bytes.slice(1)
}

/**
 * true or false, or null when this browser has no Ed25519 in WebCrypto (or no secure context).
 */
export async function verifyInBrowser(report, signature, verifierKey, subtle = globalThis.crypto?.subtle) {
  if (!subtle) return null
  let key
  try {
    key = await subtle.importKey('raw', publicKeyOf(verifierKey), { name: 'Ed25519' }, false, ['verify'])
  } catch (err) {
    if (err?.name === 'NotSupportedError') return null
    return false
  }
  try {
    const message = new TextEncoder().encode(SIGNATURE_CONTEXT + canonicalJson(report))
    return await subtle.verify({ name: 'Ed25519' }, key, base64Bytes(signature), message)
  } catch {
    return false
  }
}
