import { describe, expect, it } from 'vitest'
import { errorText } from './errors.js'

const t = (key) => `t:${key}`

describe('errorText', () => {
  it('says the server is busy for a 503, in the page language', () => {
    expect(errorText({ status: 503, serverMessage: 'too many logins are being checked at once' }, t)).toBe('t:errors.busy')
  })
  it('names a refused Idempotency-Key retry in the user’s language', () => {
    const err = { status: 409, field: 'Idempotency-Key', serverMessage: 'a request with this Idempotency-Key was already done' }
    expect(errorText(err, t)).toBe('t:errors.idempotencyConflict')
  })
  it('keeps the server’s message otherwise', () => {
    expect(errorText({ status: 401, serverMessage: 'wrong username or password' }, t)).toBe('wrong username or password')
    expect(errorText({ status: 409, field: 'username', serverMessage: 'taken' }, t)).toBe('taken')
  })
})
