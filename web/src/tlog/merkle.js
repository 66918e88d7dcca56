// RFC 6962 hashing and RFC 9162 proof verification (sections 2.1.3.2 and 2.1.4.2), with
// SHA-256 from WebCrypto. Indexes and sizes are BigInts (a log may pass 2^53 leaves); hashes are
// exactly 32 bytes or the proof is refused. The same rules as src/tlog/merkle.hpp.
import { concat, equal } from './bytes.js'

export const HASH_SIZE = 32

async function sha256(subtle, bytes) {
  return new Uint8Array(await subtle.digest('SHA-256', bytes))
}

/** SHA-256(0x00 || entry). */
export const leafHash = (subtle, entry) => sha256(subtle, concat(Uint8Array.of(0), entry))
/** SHA-256(0x01 || left || right). */
export const nodeHash = (subtle, left, right) => sha256(subtle, concat(Uint8Array.of(1), left, right))

const isHash = (h) => h instanceof Uint8Array && h.length === HASH_SIZE
const odd = (n) => (n & 1n) === 1n

/**
 * The root an inclusion proof leads to, or null when the proof cannot be one for `index` in a
 * tree of `size` leaves (RFC 9162 2.1.3.2, steps 1-6).
 */
export async function rootFromInclusionProof(subtle, index, size, leaf, proof) {
  index = BigInt(index)
  size = BigInt(size)
  if (index < 0n || index >= size || !isHash(leaf) || !Array.isArray(proof)) return null
  if (!proof.every(isHash)) return null
  let fn = index
  let sn = size - 1n
  let r = leaf
  for (const p of proof) {
    if (sn === 0n) return null
    if (odd(fn) || fn === sn) {
      r = await nodeHash(subtle, p, r)
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0n) {
          fn >>= 1n
          sn >>= 1n
        }
      }
    } else {
      r = await nodeHash(subtle, r, p)
    }
    fn >>= 1n
    sn >>= 1n
  }
  return sn === 0n ? r : null
}

/** true when `proof` shows leaf hash `leaf` at `index` in the tree of `size` with `root`. */
export async function verifyInclusion(subtle, index, size, leaf, proof, root) {
  if (!isHash(root)) return false
  const r = await rootFromInclusionProof(subtle, index, size, leaf, proof)
  return r !== null && equal(r, root)
}

/**
 * true when `proof` shows that the tree of `size1` with `root1` is a prefix of the tree of
 * `size2` with `root2` (RFC 9162 2.1.4.2). A proof from size 0 is refused, as recirc does.
 */
export async function verifyConsistency(subtle, size1, size2, proof, root1, root2) {
  size1 = BigInt(size1)
  size2 = BigInt(size2)
  if (!isHash(root1) || !isHash(root2) || !Array.isArray(proof) || !proof.every(isHash)) return false
  if (size1 < 0n || size2 < size1) return false
  if (size1 === size2) return proof.length === 0 && equal(root1, root2)
  if (size1 === 0n || proof.length === 0) return false
  const path = (size1 & (size1 - 1n)) === 0n ? [root1, ...proof] : proof
  let fn = size1 - 1n
  let sn = size2 - 1n
  while (odd(fn)) {
    fn >>= 1n
    sn >>= 1n
  }
  let fr = path[0]
  let sr = path[0]
  for (const c of path.slice(1)) {
    if (sn === 0n) return false
    if (odd(fn) || fn === sn) {
      fr = await nodeHash(subtle, c, fr)
      sr = await nodeHash(subtle, c, sr)
      while (!odd(fn) && fn !== 0n) {
        fn >>= 1n
        sn >>= 1n
      }
    } else {
      sr = await nodeHash(subtle, sr, c)
    }
    fn >>= 1n
    sn >>= 1n
  }
  return sn === 0n && equal(fr, root1) && equal(sr, root2)
}
