// Every choice option of every checklist in data/checklists/ has a name in both languages, so
// the inspector's form never shows a bare option id.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import en from '../../i18n/messages/inspection.en.js'
import zh from '../../i18n/messages/inspection.zh-CN.js'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/checklists')

describe('checklist options', () => {
  const options = new Set()
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    for (const c of JSON.parse(readFileSync(path.join(dir, f), 'utf8')).checks) for (const o of c.options ?? []) options.add(o)
  }
  it('finds the options', () => expect(options.size).toBeGreaterThan(10))
  it.each([...options])('%s has an English and a Chinese name', (o) => {
    expect(en.inspection.options[o]).toBeTruthy()
    expect(zh.inspection.options[o]).toBeTruthy()
  })
})
