import { describe, expect, it } from 'vitest'
import { MODULES } from './navigation.js'
import { redirectTarget, routes } from './router.js'

describe('routes', () => {
  it('give every module its permission', () => {
    const children = routes.find((r) => r.path === '/').children
    for (const m of MODULES) {
      const route = children.find((r) => r.name === m.name)
      expect(route, m.name).toBeTruthy()
      expect(route.meta.permission).toBe(m.permission)
    }
  })

  it('only the login page, report verification, the disclosure and the item page are public', () => {
    const publicRoutes = routes.filter((r) => r.meta?.public).map((r) => r.path)
    expect(publicRoutes).toEqual(['/login', '/verify/report/:id?', '/disclosure/:id', '/items/:id'])
  })
})

describe('the public market', () => {
  const market = routes.find((r) => r.path === '/market').children
  const meta = (name) => market.find((r) => r.name === name).meta
  it('searches, shows items and signs up without a login', () => {
    for (const name of ['market-search', 'market-offer', 'market-signup']) expect(meta(name).public, name).toBe(true)
  })
  it('needs market.buy for checkout and my orders', () => {
    for (const name of ['market-checkout', 'market-orders']) {
      expect(meta(name).public, name).toBeUndefined()
      expect(meta(name).permission, name).toBe('market.buy')
    }
  })
  it('leaves /market to the public market (the shop’s module is elsewhere)', () => {
    expect(MODULES.find((m) => m.path === 'market')).toBeUndefined()
  })
})

describe('redirect after login', () => {
  it('returns to the page asked for', () => {
    expect(redirectTarget({ query: { redirect: '/outlets?x=1' } })).toBe('/outlets?x=1')
  })

  it('never leaves the site or loops back to login', () => {
    for (const redirect of ['https://evil.example/', '//evil.example/', '/\\evil.example/', '/login', 'outlets', undefined, ['/a']]) {
      expect(redirectTarget({ query: { redirect } }), String(redirect)).toEqual({ name: 'overview' })
    }
  })
})
