import { describe, expect, it } from 'vitest'
import { summarise, tilesFor } from './work.js'

describe('home page work tiles', () => {
  it('follows the permissions, not the role', () => {
    expect(tilesFor(['market.manage']).map((t) => t.key)).toEqual(['toDispatch', 'toPay', 'returns'])
    expect(tilesFor(['police.read', 'other']).map((t) => t.key)).toEqual(['openAlerts'])
    expect(tilesFor(['inspection.write']).map((t) => t.key)).toEqual(['toInspect'])
    expect(tilesFor(undefined)).toEqual([])
  })
  it('counts what is to act on and lists the newest first', () => {
    const [toDispatch] = tilesFor(['market.manage'])
    const page = {
      items: [
        { id: 'a', state: 'paid', created_at: '2026-12-01T00:00:00Z' },
        { id: 'b', state: 'placed', created_at: '2026-12-03T00:00:00Z' },
        { id: 'c', state: 'paid', created_at: '2026-12-02T00:00:00Z' },
      ],
      next_cursor: 'x',
    }
    expect(summarise(toDispatch, page)).toEqual({
      count: 2,
      more: true,
      recent: [page.items[2], page.items[0]],
    })
    expect(summarise(toDispatch, null)).toEqual({ count: 0, more: false, recent: [] })
  })
})
