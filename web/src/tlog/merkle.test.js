// The RFC 6962/9162 vectors (src/tlog/testdata/merkle, from transparency-dev/merkle), read
// at test time: every inclusion and consistency case gives the expected answer.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { base64Decode } from './bytes.js'
import { verifyConsistency, verifyInclusion } from './merkle.js'

const subtle = globalThis.crypto.subtle
// The copy kept in the repository (src/tlog/testdata/README.md), shared with the C++ tests.
const testdata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/tlog/testdata')

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n)
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.json') ? [p] : []
  })
}

// Sizes and indexes as BigInts: one vector's leaf index is 2^64 - 1, beyond a JS number.
function load(file) {
  const text = readFileSync(file, 'utf8').replace(/"(leafIdx|treeSize|size1|size2)":\s*(\d+)/g, '"$1":"$2"')
  return JSON.parse(text)
}
const hash = (b64) => base64Decode(b64 ?? '') ?? new Uint8Array()
const hashes = (list) => (list ?? []).map(hash)

// The one deliberate deviation, as in src/tlog/merkle_test.cpp: 12-byte "roots" are refused.
const DEVIATIONS = new Set(['consistency/additional/sizes-are-equal-one-and-proof-is-empty.json'])

describe('merkle vectors', () => {
  const inclusion = files(path.join(testdata, 'merkle/inclusion'))
  const consistency = files(path.join(testdata, 'merkle/consistency'))
  it('finds all 196 files', () => {
    expect(inclusion.length).toBe(98)
    expect(consistency.length).toBe(98)
  })

  it.each(inclusion.map((f) => [path.relative(path.join(testdata, 'merkle'), f), f]))('%s', async (_name, f) => {
    const v = load(f)
    const ok = await verifyInclusion(subtle, BigInt(v.leafIdx), BigInt(v.treeSize), hash(v.leafHash), hashes(v.proof), hash(v.root))
    expect(ok).toBe(!v.wantErr)
  })

  it.each(consistency.map((f) => [path.relative(path.join(testdata, 'merkle'), f), f]))('%s', async (name, f) => {
    const v = load(f)
    const ok = await verifyConsistency(subtle, BigInt(v.size1), BigInt(v.size2), hashes(v.proof), hash(v.root1), hash(v.root2))
    expect(ok).toBe(DEVIATIONS.has(name) ? false : !v.wantErr)
  })

  it('lists only deviations that exist and that the vectors expect to pass', () => {
    for (const name of DEVIATIONS) expect(load(path.join(testdata, 'merkle', name)).wantErr).toBe(false)
  })
})
