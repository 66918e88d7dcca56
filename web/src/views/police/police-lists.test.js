import { describe, expect, it } from 'vitest'
import { localDay, pageOf, rangeQuery, registerLinkFor, registerPreset, viewerLabel } from './police-lists.js'

describe('registerLinkFor', () => {
  it('searches by the most telling identifier', () => {
    const nearMiss = {
      item: {
        identifiers: [
          { kind: 'engraving', value: 'LW-1' },
          { kind: 'serial', value: 'C02X' },
          { kind: 'imei', value: '490154203237518' },
        ],
      },
      acquisition: { outlet_id: 'O1' },
      created_at: '2026-12-01T10:00:00Z',
    }
    expect(registerLinkFor(nearMiss)).toEqual({ tab: 'register', identifier_kind: 'imei', identifier_value: '490154203237518' })
    nearMiss.item.identifiers.pop()
    expect(registerLinkFor(nearMiss).identifier_kind).toBe('serial')
  })

  it('falls back to the outlet and the local day for an item without identifiers', () => {
    const at = new Date(2026, 10, 30, 23, 30)
    const link = registerLinkFor({ item: { identifiers: [] }, acquisition: { outlet_id: 'O1' }, created_at: at.toISOString() })
    expect(link).toEqual({ tab: 'register', outlet_id: 'O1', day: '2026-11-30' })
    expect(registerLinkFor({ item: {} })).toBeNull()
  })
})

describe('registerPreset', () => {
  it('reads an identifier search and refuses unknown kinds', () => {
    expect(registerPreset({ identifier_kind: 'imei', identifier_value: '49' })).toEqual({
      by: 'identifier',
      identifier_kind: 'imei',
      identifier_value: '49',
    })
    expect(registerPreset({ identifier_kind: 'name', identifier_value: '张三' })).toBeNull()
    expect(registerPreset({})).toBeNull()
  })

  it('reads an outlet search with its day, and ignores a malformed day', () => {
    const p = registerPreset({ outlet_id: 'O1', day: '2026-11-30' })
    expect(p.by).toBe('outlet')
    expect(localDay(p.date)).toBe('2026-11-30')
    expect(registerPreset({ outlet_id: 'O1', day: '30.11.2026' }).date).toBeNull()
  })
})

describe('rangeQuery', () => {
  it('spans whole local days, the last one included', () => {
    const { from, to } = rangeQuery([new Date(2026, 10, 29, 15), new Date(2026, 10, 30, 9)])
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(new Date(to) - new Date(from)).toBe(2 * 24 * 3600 * 1000)
    expect(new Date(from).getHours()).toBe(0)
    expect(new Date(from).getDate()).toBe(29)
  })

  it('is empty without a full range', () => {
    expect(rangeQuery(null)).toEqual({})
    expect(rangeQuery([new Date(), null])).toEqual({})
  })
})

describe('pageOf and viewerLabel', () => {
  it('cuts pages of the given size', () => {
    const items = Array.from({ length: 45 }, (_, i) => i)
    expect(pageOf(items, 1)).toHaveLength(20)
    expect(pageOf(items, 3)).toEqual([40, 41, 42, 43, 44])
    expect(pageOf(items, 0)[0]).toBe(0)
  })

  it('names the viewer as well as it is known', () => {
    expect(viewerLabel({ viewer_display_name: '王警官', viewer_username: 'police.wang', viewer_id: 'U1' })).toBe('王警官 (police.wang)')
    expect(viewerLabel({ viewer_display_name: '', viewer_username: 'police.wang', viewer_id: 'U1' })).toBe('police.wang')
    expect(viewerLabel({ viewer_id: 'U1' })).toBe('U1')
  })
})
