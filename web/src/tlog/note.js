// C2SP signed-note v1.0.0 with Ed25519 keys (WebCrypto), and C2SP tlog-checkpoint bodies: the
// same rules as src/tlog/note.cpp and checkpoint.cpp. Signatures of keys the caller does not
// name (a witness's cosignature lines) are ignored; a line that claims the caller's key but does
// not verify rejects the note.
import { base64Decode, concat, equal, utf8 } from './bytes.js'

export const SIGNATURE_PREFIX = '\u2014 ' // em dash, space
const MAX_SIGNATURES = 100

export class NoteError extends Error {
  constructor(check, message) {
    super(message)
    this.check = check // which check failed: 'key', 'note', 'signature', 'checkpoint'
  }
}

const validName = (name) => name.length > 0 && !/[\s+]/u.test(name)

/** SHA-256(name || "\n" || 0x01 || public key)[:4], big-endian, as a number. */
export async function keyIdOf(subtle, name, publicKey) {
  const digest = new Uint8Array(
    await subtle.digest('SHA-256', concat(utf8(name), Uint8Array.of(0x0a, 0x01), publicKey)),
  )
  return ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0
}

/**
 * A verifier key "name+hash+base64(0x01 || key)" as {name, id (number), idHex, publicKey}; the
 * key id is checked against the name and key. Throws NoteError('key') when malformed.
 */
export async function parseVerifierKey(subtle, text) {
  const m = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(String(text ?? '').trim())
  const bytes = m ? base64Decode(m[3]) : null
  if (!m || !validName(m[1]) || !bytes || bytes.length !== 33 || bytes[0] !== 1) {
    throw new NoteError('key', 'not an Ed25519 verifier key (name+id+key)')
  }
  const key = { name: m[1], id: parseInt(m[2], 16), idHex: m[2], publicKey: bytes.slice(1) }
  if ((await keyIdOf(subtle, key.name, key.publicKey)) !== key.id) {
    throw new NoteError('key', 'the key id does not match the key')
  }
  return key
}

/** Splits a signed note into its text (ending in "\n") and signature lines. */
export function splitNote(note) {
  if (typeof note !== 'string' || !note.endsWith('\n')) throw new NoteError('note', 'the note does not end in a newline')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(note)) throw new NoteError('note', 'control characters in the note')
  const split = note.lastIndexOf('\n\n')
  if (split < 0) throw new NoteError('note', 'the note has no signatures')
  const text = note.slice(0, split + 1)
  const lines = note.slice(split + 2, -1).split('\n')
  if (lines.length > MAX_SIGNATURES) throw new NoteError('note', 'too many signature lines')
  const signatures = lines.map((line) => {
    const m = line.startsWith(SIGNATURE_PREFIX) ? /^(\S+) (\S+)$/.exec(line.slice(SIGNATURE_PREFIX.length)) : null
    const bytes = m ? base64Decode(m[2]) : null
    if (!m || !validName(m[1]) || !bytes || bytes.length < 5) {
      throw new NoteError('note', 'malformed signature line')
    }
    const id = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0
    return { name: m[1], id, signature: bytes.slice(4) }
  })
  return { text, signatures }
}

/**
 * Verifies `note` with `key` (from parseVerifierKey) and returns its text. Throws
 * NoteError('signature') when no line of that key verifies, or one claiming it fails.
 * `cryptoKey` is the imported WebCrypto key (Ed25519, verify).
 */
export async function openNote(subtle, note, key, cryptoKey) {
  const { text, signatures } = splitNote(note)
  const mine = signatures.filter((s) => s.name === key.name && s.id === key.id)
  if (mine.length === 0) throw new NoteError('signature', `no signature by ${key.name}`)
  const message = utf8(text)
  for (const s of mine) {
    const ok = s.signature.length === 64 && (await subtle.verify({ name: 'Ed25519' }, cryptoKey, s.signature, message))
    if (!ok) throw new NoteError('signature', `the signature by ${key.name} does not verify`)
  }
  return text
}

/** A checkpoint body "origin\nsize\nroot\n[extensions]" as {origin, size (BigInt), root}. */
export function parseCheckpoint(text) {
  const lines = text.split('\n')
  if (lines.length < 4 || lines[lines.length - 1] !== '') throw new NoteError('checkpoint', 'a checkpoint has three lines')
  const [origin, size, root] = lines
  if (!origin || !/^(0|[1-9][0-9]{0,19})$/.test(size)) throw new NoteError('checkpoint', 'bad checkpoint origin or size')
  const rootBytes = base64Decode(root)
  if (!rootBytes || rootBytes.length !== 32) throw new NoteError('checkpoint', 'the checkpoint root is not a 32-byte hash')
  return { origin, size: BigInt(size), root: rootBytes }
}

export { equal }
