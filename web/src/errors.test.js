import { describe, expect, it } from 'vitest'
import { errorText } from './errors.js'

const t = (key) => `t:${key}`

describe('errorText', () => {
  it('names a refused Idempotency-Key retry in the user’s language', () => {
    const err = { status: 409, field: 'Idempotency-Key', serverMessage: 'a request with this Idempotency-Key was already done' }
    expect(errorText(err, t)).toBe('t:errors.idempotencyConflict')
  })
  it('keeps the server’s message otherwise', () => {
    expect(errorText({ status: 409, field: 'username', serverMessage: 'taken' }, t)).toBe('taken')
  })
})
