import { describe, expect, it } from 'vitest'
import { PAGE_SIZE, appendPage, pageOf } from './paging.js'

describe('pageOf', () => {
  const list = Array.from({ length: 45 }, (_, i) => i)
  it('cuts pages of PAGE_SIZE, the last one short', () => {
    expect(pageOf(list, 1)).toEqual(list.slice(0, PAGE_SIZE))
    expect(pageOf(list, 3)).toEqual([40, 41, 42, 43, 44])
    expect(pageOf(list, 4)).toEqual([])
    expect(pageOf(list, 0)).toEqual(list.slice(0, PAGE_SIZE))
    expect(pageOf(list, 2, 10)).toEqual(list.slice(10, 20))
  })
})

describe('appendPage', () => {
  it('appends the next page without repeating a row', () => {
    const a = [{ id: 'c' }, { id: 'b' }]
    expect(appendPage(a, [{ id: 'b' }, { id: 'a' }])).toEqual([{ id: 'c' }, { id: 'b' }, { id: 'a' }])
    expect(appendPage([], [{ id: 'x' }])).toEqual([{ id: 'x' }])
  })
})
