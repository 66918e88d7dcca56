import { beforeAll, describe, expect, it } from 'vitest'
import { base64Decode, base64Encode } from './bytes.js'
import { verifyPassport } from './passport.js'
import { makePassport, newLogKey } from './test-log.js'

const subtle = globalThis.crypto.subtle
const ITEM = '01KBXG7R2M5D9QH4VJ7QK3M9PZ'
const leaf = (item, index, prev, type) =>
  JSON.stringify({ event_id: `E${index}`, facts: { category: 'phone' }, item_id: item, organisation_id: 'O', prev, time: '2026-12-01T10:00:00.000Z', type, v: 1 })

let key
let entries
beforeAll(async () => {
  key = await newLogKey(subtle, 'recirc.example/log')
  // 11 leaves; the item's are 2, 5 and 9, the others belong to other items.
  entries = Array.from({ length: 11 }, (_, i) => leaf(`OTHER${i}`, i, null, 'item.acquired'))
  entries[2] = leaf(ITEM, 2, null, 'item.acquired')
  entries[5] = leaf(ITEM, 5, 2, 'item.inspected')
  entries[9] = leaf(ITEM, 9, 5, 'item.offered')
})
const honest = () => makePassport(subtle, key, entries, ITEM, [2, 5, 9])
const flipByte = (b64, at) => {
  const bytes = base64Decode(b64)
  bytes[at] ^= 1
  return base64Encode(bytes)
}

describe('verifyPassport', () => {
  it('verifies an honest passport and returns the leaves from the entry bytes', async () => {
    const p = await honest()
    p.events[0].leaf = { type: 'forged' } // the parsed copy is never shown
    const r = await verifyPassport(p, key.verifierKey, ITEM, subtle)
    expect(r.failed).toBeNull()
    expect(r.verified).toBe(true)
    expect(r.events.map((e) => e.leaf.type)).toEqual(['item.acquired', 'item.inspected', 'item.offered'])
    expect(r.key.id).toBe(key.verifierKey.split('+')[1])
    expect(r.checkpoint.size).toBe(11n)
  })

  it('accepts extra cosignature lines of other keys', async () => {
    const p = await honest()
    const witness = await newLogKey(subtle, 'witness.example')
    p.checkpoint += await witness.sign('cosignature/v1\ntime 5\n' + p.checkpoint.split('\n\n')[0] + '\n')
    expect((await verifyPassport(p, key.verifierKey, ITEM, subtle)).verified).toBe(true)
  })

  it('names the inclusion check when one byte of a leaf changes', async () => {
    const p = await honest()
    p.events[1].entry = p.events[1].entry.replace('10:00:00', '10:00:01')
    const r = await verifyPassport(p, key.verifierKey, ITEM, subtle)
    expect(r.verified).toBe(false)
    expect(r.failed).toMatchObject({ check: 'inclusion', index: 5 })
  })

  it('names the inclusion check when one byte of a proof hash changes', async () => {
    const p = await honest()
    p.events[2].inclusion_proof[1] = flipByte(p.events[2].inclusion_proof[1], 7)
    const r = await verifyPassport(p, key.verifierKey, ITEM, subtle)
    expect(r.failed).toMatchObject({ check: 'inclusion', index: 9 })
  })

  it('names the signature check when one byte of the signature changes', async () => {
    const p = await honest()
    const [body, sig] = p.checkpoint.split('\n\n')
    const m = /^(\u2014 \S+ )(\S+)\n$/.exec(sig)
    p.checkpoint = `${body}\n\n${m[1]}${flipByte(m[2], 20)}\n`
    const r = await verifyPassport(p, key.verifierKey, ITEM, subtle)
    expect(r.verified).toBe(false)
    expect(r.failed.check).toBe('signature')
  })

  it('names the signature check when the signed root is replaced', async () => {
    const p = await honest()
    const lines = p.checkpoint.split('\n')
    lines[2] = base64Encode(new Uint8Array(32))
    p.checkpoint = lines.join('\n')
    expect((await verifyPassport(p, key.verifierKey, ITEM, subtle)).failed.check).toBe('signature')
  })

  it('names the key check for another log key', async () => {
    const other = await newLogKey(subtle, 'recirc.example/log')
    const p = await honest()
    expect((await verifyPassport(p, other.verifierKey, ITEM, subtle)).failed.check).toBe('key')
    // A passport re-signed with another key that it names itself is still not the trusted key.
    const forged = await makePassport(subtle, other, entries, ITEM, [2, 5, 9])
    expect((await verifyPassport(forged, key.verifierKey, ITEM, subtle)).failed.check).toBe('key')
  })

  it('names the chain check when an event is hidden or of another item', async () => {
    const p = await honest()
    p.events.splice(1, 1) // the inspection left out: leaf 9 says its previous leaf is 5
    expect((await verifyPassport(p, key.verifierKey, ITEM, subtle)).failed).toMatchObject({ check: 'chain', index: 9 })
    const q = await honest()
    expect((await verifyPassport(q, key.verifierKey, 'ANOTHERITEM', subtle)).failed.check).toBe('chain')
  })

  it('names the checkpoint check when the passport claims another tree size', async () => {
    const p = await honest()
    p.tree_size = 12
    expect((await verifyPassport(p, key.verifierKey, ITEM, subtle)).failed.check).toBe('checkpoint')
  })

  it('never verifies without WebCrypto or without Ed25519', async () => {
    const p = await honest()
    const none = await verifyPassport(p, key.verifierKey, ITEM, null)
    expect(none.verified).toBe(false)
    expect(none.failed.check).toBe('webcrypto')
    const noEd25519 = {
      digest: (...a) => subtle.digest(...a),
      verify: () => true,
      importKey: () => Promise.reject(Object.assign(new Error('no'), { name: 'NotSupportedError' })),
    }
    const r = await verifyPassport(p, key.verifierKey, ITEM, noEd25519)
    expect(r.verified).toBe(false)
    expect(r.failed.check).toBe('webcrypto')
  })
})
