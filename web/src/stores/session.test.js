import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureApi } from '../api/index.js'
import { useSessionStore } from './session.js'

const SESSION = {
  user: { id: 'u1', username: 'shop.admin', display_name: '王店长', role: 'operator_admin' },
  organisation: { id: 'o1', name: '绿循环回收', kind: 'operator', region_code: '110105' },
  permissions: ['outlets.read', 'outlets.manage'],
  csrf_token: 'csrf-1',
}

let queue
let calls
function respond(...responses) {
  queue = responses
}

beforeEach(() => {
  setActivePinia(createPinia())
  queue = []
  calls = []
  configureApi({
    csrfToken: () => useSessionStore().csrfToken,
    fetchImpl: async (url, init) => {
      calls.push({ url, init })
      const r = queue.shift()
      if (r instanceof Error) throw r
      return new Response(r.body ? JSON.stringify(r.body) : null, { status: r.status })
    },
  })
})

describe('session store', () => {
  it('remembers that a reset password must be changed, until the session is cleared', async () => {
    respond({ status: 200, body: { ...SESSION, must_change_password: true } })
    const s = useSessionStore()
    await s.login('shop.admin', 'temporary password')
    expect(s.mustChangePassword).toBe(true)
    s.clear()
    expect(s.mustChangePassword).toBe(false)
    s.apply(SESSION)
    expect(s.mustChangePassword).toBe(false)
  })

  it('keeps what the server says after logging in, and answers permission questions from it', async () => {
    respond({ status: 200, body: SESSION })
    const s = useSessionStore()
    await s.login('shop.admin', 'recirc-demo')
    expect(s.loggedIn).toBe(true)
    expect(s.csrfToken).toBe('csrf-1')
    expect(s.can('outlets.manage')).toBe(true)
    expect(s.can('organisations.manage')).toBe(false)
    expect(s.can(null)).toBe(true)
  })

  it('restores once per page load; a 401 means logged out', async () => {
    respond({ status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } })
    const s = useSessionStore()
    await s.restore()
    await s.restore()
    expect(calls).toHaveLength(1)
    expect(s.loggedIn).toBe(false)
    expect(s.restored).toBe(true)
    expect(s.can(null)).toBe(false)
  })

  it('restores the CSRF token so later writes carry it', async () => {
    respond({ status: 200, body: SESSION }, { status: 204 })
    const s = useSessionStore()
    await s.restore()
    expect(s.user.display_name).toBe('王店长')
    await s.logout()
    expect(calls[1].init.method).toBe('DELETE')
    expect(calls[1].init.headers['X-CSRF-Token']).toBe('csrf-1')
    expect(s.loggedIn).toBe(false)
    expect(s.csrfToken).toBe('')
  })

  it('stays logged in when logging out fails, so a reload cannot silently log back in', async () => {
    respond({ status: 200, body: SESSION }, new TypeError('offline'))
    const s = useSessionStore()
    await s.login('shop.admin', 'recirc-demo')
    await expect(s.logout()).rejects.toMatchObject({ code: 'network' })
    expect(s.loggedIn).toBe(true)
  })
})
