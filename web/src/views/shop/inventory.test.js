import { describe, expect, it } from 'vitest'
import { inventoryQuery, offerable, statusTag } from './inventory.js'

describe('the offer picker', () => {
  it('leaves out held registrations and items the inventory shows held or seized', () => {
    const rows = [
      { item_id: 'I1', status: 'registered' },
      { item_id: 'I2', status: 'held' },
      { item_id: 'I3', status: 'registered' },
      { item_id: 'I4', status: 'registered' },
      { item_id: 'I1', status: 'registered' },
    ]
    expect(offerable(rows, ['I3']).map((a) => a.item_id)).toEqual(['I1', 'I4'])
  })
})

describe('the inventory list', () => {
  it('sends only the filters given, the IMEI without spaces', () => {
    expect(inventoryQuery({ status: '', imei: ' ' })).toEqual({})
    expect(inventoryQuery({ status: 'in_hold', imei: '35 6938 0356 4394-1' })).toEqual({ status: 'in_hold', imei: '356938035643941' })
  })
  it('marks held and seized items as dangers', () => {
    expect(statusTag('seized')).toBe('danger')
    expect(statusTag('unknown')).toBe('info')
  })
})
