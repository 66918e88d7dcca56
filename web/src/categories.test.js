import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CATEGORIES, INTAKE_CATEGORIES, categoryLabels } from './categories.js'
import { MESSAGES } from './i18n/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))

function sources(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n)
    if (statSync(p).isDirectory()) return sources(p)
    return /\.(js|vue)$/.test(n) && !n.endsWith('.test.js') ? [p] : []
  })
}

describe('category vocabulary (data/categories.json)', () => {
  it('offers the intake categories in the server order', () => {
    expect(INTAKE_CATEGORIES).toEqual([
      'phone', 'tablet', 'laptop', 'computer', 'camera', 'appliance', 'furniture',
      'clothing', 'luxury_bag', 'jewellery', 'bicycle', 'car', 'book', 'toy', 'watch',
      'sports_goods', 'musical_instrument', 'other',
    ])
  })

  it('labels every category in both languages, in both message tables', () => {
    for (const c of CATEGORIES) {
      expect(c.label.zh, c.code).toBeTruthy()
      expect(c.label.en, c.code).toBeTruthy()
    }
    expect(MESSAGES['zh-CN'].registry.categories).toEqual(categoryLabels('zh'))
    expect(MESSAGES.en.registry.categories).toEqual(categoryLabels('en'))
    expect(MESSAGES['zh-CN'].market.categories).toEqual(categoryLabels('zh'))
    expect(MESSAGES.en.market.categories).toEqual(categoryLabels('en'))
    expect(categoryLabels('zh').phone).toBe('手机')
    expect(categoryLabels('en').toy).toBe('Toy')
  })

  it('is the only list of categories in the app', () => {
    // A category code that only a list of categories would spell out.
    const offenders = sources(here).filter((f) => /['"]luxury_bag['"]|\bluxury_bag\s*:/.test(readFileSync(f, 'utf8')))
    expect(offenders).toEqual([])
  })
})
