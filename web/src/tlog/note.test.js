import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NoteError, openNote, parseCheckpoint, parseVerifierKey, splitNote } from './note.js'
import { newLogKey } from './test-log.js'

const subtle = globalThis.crypto.subtle
// The copy kept in the repository (src/tlog/testdata/README.md), shared with the C++ tests.
const testdata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/tlog/testdata')
const vector = JSON.parse(readFileSync(path.join(testdata, 'note/peterneumann.json'), 'utf8'))

async function open(note, verifierKey) {
  const key = await parseVerifierKey(subtle, verifierKey)
  const cryptoKey = await subtle.importKey('raw', key.publicKey, { name: 'Ed25519' }, false, ['verify'])
  return openNote(subtle, note, key, cryptoKey)
}

async function failure(promise) {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(NoteError)
    return err.check
  }
  return 'no error'
}

describe('signed notes', () => {
  it('open the C2SP vector with its verifier key', async () => {
    expect(await open(vector.signed_note, vector.verifier_key)).toBe(vector.text)
  })

  it('refuse the vector with any single byte of text or signature changed', async () => {
    const note = vector.signed_note
    const sigStart = note.lastIndexOf(' ') + 1
    for (const at of [0, 10, vector.text.length - 2, sigStart + 8, sigStart + 40, note.length - 3]) {
      const c = note[at] === 'A' ? 'B' : 'A'
      const altered = note.slice(0, at) + c + note.slice(at + 1)
      expect(await failure(open(altered, vector.verifier_key)), `byte ${at}`).not.toBe('no error')
    }
  })

  it('check the key id against the key', async () => {
    const wrongId = vector.verifier_key.replace('+c74f20a3+', '+c74f20a4+')
    expect(await failure(parseVerifierKey(subtle, wrongId))).toBe('key')
    expect(await failure(parseVerifierKey(subtle, 'nonsense'))).toBe('key')
  })

  it('ignore other keys (a witness cosignature) but refuse a failing line of the key', async () => {
    const witness = await newLogKey(subtle, 'witness.example/w1')
    const withCosig = vector.signed_note + (await witness.sign('cosignature/v1\ntime 1\n' + vector.text))
    expect(await open(withCosig, vector.verifier_key)).toBe(vector.text)
    // Only the witness signed: no signature by the log's key.
    const onlyWitness = `${vector.text}\n${await witness.sign(vector.text)}`
    expect(await failure(open(onlyWitness, vector.verifier_key))).toBe('signature')
    // A second line claiming the log's key, with a wrong signature.
    const line = vector.signed_note.slice(vector.text.length + 1)
    const forged = vector.signed_note + line.replace(/[A-Za-z](=*\n)$/, (m) => (m[0] === 'A' ? 'B' : 'A') + m.slice(1))
    expect(await failure(open(forged, vector.verifier_key))).toBe('signature')
  })

  it('refuse malformed notes', () => {
    expect(() => splitNote('no newline')).toThrow(NoteError)
    expect(() => splitNote('text\n')).toThrow(NoteError)
    expect(() => splitNote('text\n\nno dash line\n')).toThrow(NoteError)
    expect(() => splitNote('te\u0001xt\n\n\u2014 a AAAAAAA=\n')).toThrow(NoteError)
  })
})

describe('checkpoints', () => {
  it('parse origin, size and root', () => {
    const c = parseCheckpoint('recirc.example/log\n12\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n')
    expect(c.origin).toBe('recirc.example/log')
    expect(c.size).toBe(12n)
    expect(c.root.length).toBe(32)
  })
  it.each([
    ['leading zero', 'o\n012\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n'],
    ['short root', 'o\n1\nV3JvbmdSb290\n'],
    ['two lines', 'o\n1\n'],
  ])('refuse %s', (_name, text) => expect(() => parseCheckpoint(text)).toThrow(NoteError))
})
