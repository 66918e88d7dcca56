// Every message id the server can send (read from the C++ sources) has a text in both catalogues.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from './index.js'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../../src')

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(cpp|hpp)$/.test(name) && !name.endsWith('_test.cpp') ? [path] : []
  })
}

/**
 * The ids in the server's sources: .Id("x"), reason_id = "x", and the business rules
 * (RuleError / a service's Rule(...) helper) as rule.<name>, the rule given as a string literal or
 * as a kRule... constant.
 */
export function serverMessageIds(texts) {
  const all = texts.join('\n')
  const constants = new Map([...all.matchAll(/\b(kRule\w+)\s*=\s*"([a-z_]+)"/g)].map((m) => [m[1], m[2]]))
  const ids = new Set()
  for (const text of texts) {
    for (const m of text.matchAll(/\.Id\(\s*"([^"]+)"\s*\)/g)) ids.add(m[1])
    for (const m of text.matchAll(/\breason_id\s*=\s*"([^"]+)"/g)) ids.add(m[1])
    for (const m of text.matchAll(/\bRule(?:Error)?\(\s*"([a-z_]+)"/g)) ids.add(`rule.${m[1]}`)
    for (const m of text.matchAll(/\bRule(?:Error)?\(\s*(?:\w+::)*(kRule\w+)/g)) {
      const rule = constants.get(m[1])
      ids.add(rule ? `rule.${rule}` : `unresolved constant ${m[1]}`)
    }
  }
  return [...ids].sort()
}

function lookup(messages, id) {
  return id.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), messages.serverErrors)
}

describe('server message ids', () => {
  const ids = serverMessageIds(sources(SRC).map((p) => readFileSync(p, 'utf8')))

  it('are found in the C++ sources', () => {
    expect(ids).toContain('auth.wrong_credentials')
    expect(ids).toContain('password.too_short')
    expect(ids).toContain('hold.period')
    expect(ids).toContain('rule.item_held')
    expect(ids.length).toBeGreaterThan(50)
  })

  for (const locale of ['zh-CN', 'en']) {
    it(`each has a text in ${locale}`, () => {
      const missing = ids.filter((id) => typeof lookup(MESSAGES[locale], id) !== 'string')
      expect(missing).toEqual([])
    })
  }

  it('the extraction reads ids, rules and rule constants', () => {
    const ids = serverMessageIds([
      'inline constexpr std::string_view kRuleX = "x_rule";',
      'return Error::NotFound("n").Id("a.b");',
      'return Rule("order_state", "..."); return RuleError(kRuleX, "t");',
      'out.reason_id = "hold.period";',
    ])
    expect(ids).toEqual(['a.b', 'hold.period', 'rule.order_state', 'rule.x_rule'])
  })
})
