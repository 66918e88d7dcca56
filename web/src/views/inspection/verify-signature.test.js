import { describe, expect, it } from 'vitest'
import { canonicalJson, publicKeyOf } from './verify-signature.js'

describe('canonical JSON', () => {
  it('sorts keys at every level and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}')
  })
  it('keeps non-ASCII text as it is and escapes quotes and control characters', () => {
    expect(canonicalJson({ t: '电池 "80%"\n' })).toBe('{"t":"电池 \\"80%\\"\\n"}')
  })
  it('refuses fractions', () => {
    expect(() => canonicalJson({ x: 1.5 })).toThrow()
  })
})

describe('verifier key', () => {
  it('takes the 32 key bytes after the algorithm byte', () => {
    const raw = new Uint8Array(33)
    raw[0] = 1
    raw[32] = 7
    const key = `recirc-inspection/X+0a1b2c3d+${btoa(String.fromCharCode(...raw))}`
    const pub = publicKeyOf(key)
    expect(pub.length).toBe(32)
    expect(pub[31]).toBe(7)
  })
  it('reads a key whose base64 holds "+"', () => {
    const key = 'recirc-inspection/01M8SPS3AXEAPBPQ25D1T06GNB+e69c72a4+ATodu4ol1CwlnBVXBLK/ZTKXfxOPVOSILGoVpDB44A+M'
    const pub = publicKeyOf(key)
    expect(pub.length).toBe(32)
    expect(pub[0]).toBe(0x3a)
  })
  it('refuses another algorithm', () => {
    const raw = new Uint8Array(33)
    raw[0] = 2
    expect(() => publicKeyOf(`n+0a1b2c3d+${btoa(String.fromCharCode(...raw))}`)).toThrow()
  })
})
