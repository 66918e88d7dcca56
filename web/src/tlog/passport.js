// Verifying an item passport (GET /api/v1/items/{id}/passport) in the browser, trusting nothing
// but the log key the page was given (the node's /log/key): the checkpoint's Ed25519 signature,
// each event's leaf hash and inclusion proof up to the signed root, and the item's chain of
// leaves (each leaf names the item and the index of the item's previous leaf). Displayed events
// are taken from the verified entry bytes, never from the passport's parsed copy.
import { base64Decode, hex, utf8 } from './bytes.js'
import { leafHash, verifyInclusion } from './merkle.js'
import { NoteError, openNote, parseCheckpoint, parseVerifierKey } from './note.js'

/**
 * Checks, in order: 'webcrypto', 'key', 'signature', 'checkpoint', then per event 'inclusion'
 * and 'chain'. Returns {verified, failed: {check, index?, message} | null, key, checkpoint,
 * events: [{index, leaf, verified}]}. `verified` is true only when every check passed.
 */
export async function verifyPassport(passport, trustedKey, itemId, subtle = globalThis.crypto?.subtle) {
  const out = { verified: false, failed: null, key: null, checkpoint: null, events: [] }
  const fail = (check, message, index) => {
    out.failed = { check, message, ...(index !== undefined ? { index } : {}) }
    return out
  }
  if (!subtle || typeof subtle.digest !== 'function' || typeof subtle.verify !== 'function') {
    return fail('webcrypto', 'this browser has no WebCrypto (it needs a secure context: https or localhost)')
  }
  let key
  try {
    key = await parseVerifierKey(subtle, trustedKey)
  } catch (err) {
    return fail('key', `the trusted log key: ${err.message}`)
  }
  out.key = { name: key.name, id: key.idHex, text: String(trustedKey).trim() }
  if (String(passport?.log_key ?? '').trim() !== out.key.text) {
    return fail('key', 'the passport names another log key than the one trusted')
  }
  let cryptoKey
  try {
    cryptoKey = await subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify'])
  } catch (err) {
    if (err?.name === 'NotSupportedError') return fail('webcrypto', 'this browser has no Ed25519 in WebCrypto')
    return fail('key', 'the log key cannot be imported')
  }
  let checkpoint
  try {
    checkpoint = parseCheckpoint(await openNote(subtle, passport?.checkpoint, key, cryptoKey))
  } catch (err) {
    if (err instanceof NoteError) return fail(err.check === 'checkpoint' ? 'checkpoint' : 'signature', err.message)
    if (err?.name === 'NotSupportedError') return fail('webcrypto', 'this browser has no Ed25519 in WebCrypto')
    return fail('signature', String(err?.message ?? err))
  }
  out.checkpoint = { origin: checkpoint.origin, size: checkpoint.size, root: hex(checkpoint.root) }
  if (checkpoint.origin !== key.name) return fail('checkpoint', 'the checkpoint is of another log than the key')
  if (String(passport.tree_size) !== String(checkpoint.size)) {
    return fail('checkpoint', 'the passport\'s tree size is not the signed one')
  }
  const events = Array.isArray(passport.events) ? [...passport.events] : []
  if (events.length === 0) return fail('chain', 'the passport has no events')
  events.sort((a, b) => Number(a.index) - Number(b.index))
  let previous = null
  for (const e of events) {
    const index = e?.index
    if (!Number.isSafeInteger(index) || index < 0) return fail('inclusion', 'an event without a leaf index')
    if (typeof e.entry !== 'string') return fail('inclusion', `event ${index} has no entry`, index)
    const proof = Array.isArray(e.inclusion_proof) ? e.inclusion_proof.map(base64Decode) : null
    if (!proof || proof.some((p) => p === null || p.length !== 32)) {
      return fail('inclusion', `event ${index}: a proof hash is not a base64 32-byte hash`, index)
    }
    const ok = await verifyInclusion(subtle, BigInt(index), checkpoint.size, await leafHash(subtle, utf8(e.entry)), proof, checkpoint.root)
    if (!ok) {
      return fail('inclusion', `event ${index}: its leaf hash and inclusion proof do not lead to the signed root`, index)
    }
    let leaf
    try {
      leaf = JSON.parse(e.entry)
    } catch {
      return fail('chain', `event ${index}: the leaf is not JSON`, index)
    }
    if (leaf?.item_id !== (itemId ?? passport.item_id)) return fail('chain', `event ${index} is of another item`, index)
    if ((leaf.prev ?? null) !== previous) {
      return fail('chain', `event ${index}: the item's previous leaf is ${leaf.prev ?? 'none'}, not ${previous ?? 'none'}`, index)
    }
    previous = index
    out.events.push({ index, leaf, verified: true })
  }
  out.verified = true
  return out
}
