// Accessibility checks with axe-core (npm, MPL-2.0), the engine behind most accessibility test
// tools: it is evaluated in the page as it stands (after login, data loaded, a dialog open) and
// reports the WCAG 2.x A/AA rules the page breaks. Only serious and critical violations fail a
// test (issue 15 item 9); the moderate and minor ones are listed in test-artifacts/axe/.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const FAILING = new Set(['serious', 'critical'])

/**
 * Runs axe-core on the page and returns its violations as short lines
 * ("color-contrast (serious): 3 nodes, e.g. .el-button > span"), serious and critical first.
 * @returns {Promise<{failing: string[], other: string[]}>}
 */
export async function axeCheck(page) {
  // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not apply.
  const loaded = await page.evaluate(() => typeof window.axe === 'object')
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.replace(/\s+/g, ' ').slice(0, 140)}`),
    }))
  })
  const line = (v) => `${v.id} (${v.impact}): ${v.help}; ${v.targets.length} node(s), e.g. ${v.targets.slice(0, 3).join(' | ')}`
  return {
    failing: violations.filter((v) => FAILING.has(v.impact)).map(line),
    other: violations.filter((v) => !FAILING.has(v.impact)).map(line),
  }
}
