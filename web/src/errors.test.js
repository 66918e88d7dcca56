import { describe, expect, it } from 'vitest'
import { errorText } from './errors.js'

describe('errorText', () => {
  const t = (key) => `t:${key}`
  it('says the server is busy for a 503, in the page language', () => {
    expect(errorText({ status: 503, serverMessage: 'too many logins are being checked at once' }, t)).toBe('t:errors.busy')
  })
  it('keeps the server message otherwise', () => {
    expect(errorText({ status: 401, serverMessage: 'wrong username or password' }, t)).toBe('wrong username or password')
  })
})
