// For tests: a small log in memory — RFC 6962 tree hashes and inclusion proofs (the recursive
// definitions, section 2.1) and checkpoints signed with a fresh Ed25519 key from WebCrypto.
import { base64Encode, concat, utf8 } from './bytes.js'
import { leafHash, nodeHash } from './merkle.js'
import { SIGNATURE_PREFIX, keyIdOf } from './note.js'

const split = (n) => {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

export async function treeHash(subtle, leaves) {
  if (leaves.length === 1) return leaves[0]
  const k = split(leaves.length)
  return nodeHash(subtle, await treeHash(subtle, leaves.slice(0, k)), await treeHash(subtle, leaves.slice(k)))
}

export async function inclusionProof(subtle, index, leaves) {
  if (leaves.length <= 1) return []
  const k = split(leaves.length)
  if (index < k) return [...(await inclusionProof(subtle, index, leaves.slice(0, k))), await treeHash(subtle, leaves.slice(k))]
  return [...(await inclusionProof(subtle, index - k, leaves.slice(k))), await treeHash(subtle, leaves.slice(0, k))]
}

export async function newLogKey(subtle, name) {
  const pair = await subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])
  const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey))
  const id = await keyIdOf(subtle, name, publicKey)
  const idHex = id.toString(16).padStart(8, '0')
  const idBytes = Uint8Array.of(id >>> 24, (id >>> 16) & 255, (id >>> 8) & 255, id & 255)
  return {
    name,
    verifierKey: `${name}+${idHex}+${base64Encode(concat(Uint8Array.of(1), publicKey))}`,
    async sign(text) {
      const sig = new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, utf8(text)))
      return `${SIGNATURE_PREFIX}${name} ${base64Encode(concat(idBytes, sig))}\n`
    },
  }
}

/** A passport of `item` whose events are at `indexes` among `entries` (strings). */
export async function makePassport(subtle, key, entries, item, indexes) {
  const hashes = await Promise.all(entries.map((e) => leafHash(subtle, utf8(e))))
  const root = await treeHash(subtle, hashes)
  const body = `${key.name}\n${entries.length}\n${base64Encode(root)}\n`
  const events = []
  for (const index of indexes) {
    const proof = await inclusionProof(subtle, index, hashes)
    events.push({ index, entry: entries[index], leaf: JSON.parse(entries[index]), inclusion_proof: proof.map(base64Encode) })
  }
  return { item_id: item, tree_size: entries.length, checkpoint: `${body}\n${await key.sign(body)}`, log_key: key.verifierKey, events }
}
