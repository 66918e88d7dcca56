import { describe, expect, it, vi } from 'vitest'
import { ApiError, createApiClient, idempotencyKeeper, newUuid } from './client.js'

function fakeFetch(responses) {
  const calls = []
  const fetchImpl = vi.fn(async (url, init) => {
    calls.push({ url, init })
    const r = responses.shift()
    if (r instanceof Error) throw r
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
      status: r.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  return { fetchImpl, calls }
}

describe('api client', () => {
  it('sends the CSRF token and idempotency key on unsafe requests only', async () => {
    const { fetchImpl, calls } = fakeFetch([{ body: { items: [] } }, { status: 201, body: { id: 'x' } }, { status: 204 }])
    const api = createApiClient({ csrfToken: () => 'tok', language: () => 'en', fetchImpl })

    await api.get('/organisations', { after: 'c1', empty: null })
    expect(calls[0].url).toBe('/api/v1/organisations?after=c1')
    expect(calls[0].init.method).toBe('GET')
    expect(calls[0].init.headers['X-CSRF-Token']).toBeUndefined()
    expect(calls[0].init.headers['Accept-Language']).toBe('en')

    const created = await api.post('/api-keys', { name: 'k' }, { idempotencyKey: 'key-1' })
    expect(created).toEqual({ id: 'x' })
    expect(calls[1].init.headers['X-CSRF-Token']).toBe('tok')
    expect(calls[1].init.headers['Idempotency-Key']).toBe('key-1')
    expect(calls[1].init.headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(calls[1].init.body)).toEqual({ name: 'k' })

    expect(await api.del('/api-keys/x')).toBeNull()
    expect(calls[2].init.headers['X-CSRF-Token']).toBe('tok')
  })

  it('sends raw bodies (images, CSV) with their own type and reads blobs', async () => {
    const { fetchImpl, calls } = fakeFetch([{ status: 201, body: { sha256: 'ab' } }, { body: { x: 1 } }])
    const api = createApiClient({ csrfToken: () => 'tok', fetchImpl })
    const image = new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' })
    await api.post('/acquisitions/a/photos?kind=item', undefined, { raw: image, contentType: 'image/png', idempotencyKey: 'k' })
    expect(calls[0].init.body).toBe(image)
    expect(calls[0].init.headers['Content-Type']).toBe('image/png')
    expect(calls[0].init.headers['X-CSRF-Token']).toBe('tok')
    const blob = await api.get('/police/register', { format: 'csv' }, { blob: true })
    expect(blob).toBeInstanceOf(Blob)
    expect(calls[1].url).toBe('/api/v1/police/register?format=csv')
    expect(calls[1].init.headers.Accept).toBe('*/*')
  })

  it("turns the server's error body into an ApiError with its message and field", async () => {
    const { fetchImpl } = fakeFetch([
      { status: 400, body: { error: { code: 'invalid_argument', message: '用户名不能为空', field: 'username' } } },
    ])
    const api = createApiClient({ fetchImpl })
    const err = await api.post('/organisations/1/users', {}).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(400)
    expect(err.code).toBe('invalid_argument')
    expect(err.serverMessage).toBe('用户名不能为空')
    expect(err.field).toBe('username')
  })

  it('copes with a non-JSON error and with no network', async () => {
    const { fetchImpl } = fakeFetch([{ status: 502, body: undefined }, new TypeError('Failed to fetch')])
    const api = createApiClient({ fetchImpl })
    const bad = await api.get('/session').catch((e) => e)
    expect(bad.status).toBe(502)
    expect(bad.code).toBe('http_502')
    const offline = await api.get('/session').catch((e) => e)
    expect(offline.status).toBe(0)
    expect(offline.code).toBe('network')
  })

  it('reports a 401 as the end of the session, except from /session itself', async () => {
    const unauthorised = { status: 401, body: { error: { code: 'unauthenticated', message: 'no session' } } }
    const { fetchImpl } = fakeFetch([{ ...unauthorised }, { ...unauthorised }])
    const onUnauthenticated = vi.fn()
    const api = createApiClient({ fetchImpl, onUnauthenticated })
    await api.post('/session', { username: 'a', password: 'b' }).catch(() => {})
    expect(onUnauthenticated).not.toHaveBeenCalled()
    await api.get('/organisations').catch(() => {})
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })
})

describe('idempotency keys', () => {
  it('repeat the key for the same body and change it for a different one', () => {
    let n = 0
    const keeper = idempotencyKeeper(() => `k${++n}`)
    expect(keeper.keyFor({ name: 'a' })).toBe('k1')
    expect(keeper.keyFor({ name: 'a' })).toBe('k1')
    expect(keeper.keyFor({ name: 'b' })).toBe('k2')
    keeper.reset()
    expect(keeper.keyFor({ name: 'b' })).toBe('k3')
  })

  it('are UUIDs even where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    const noRandomUuid = { getRandomValues: (a) => globalThis.crypto.getRandomValues(a) }
    const a = newUuid(noRandomUuid)
    expect(a).toMatch(uuid)
    expect(newUuid(noRandomUuid)).not.toBe(a)
    expect(newUuid()).toMatch(uuid)
  })
})
