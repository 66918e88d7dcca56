import { describe, expect, it } from 'vitest'
import { outletLabel, outletRegions } from './outlet-directory.js'

describe('outlet directory', () => {
  it('lists each region of the outlets once, sorted', () => {
    expect(outletRegions([{ region_code: '110108' }, { region_code: '110105' }, { region_code: '110108' }])).toEqual([
      '110105',
      '110108',
    ])
  })
  it('names an outlet with its operator', () => {
    expect(outletLabel({ name: '朝阳门店', organisation_name: '绿循环回收' })).toBe('朝阳门店 · 绿循环回收')
    expect(outletLabel({ name: '朝阳门店' })).toBe('朝阳门店')
  })
})
