// Browser test of the statistics dashboard: the commerce official of the demo city sees a new
// registration counted (one more acquisition, its price added) after filtering to a category,
// reads the page in Chinese without raw codes, and downloads the CSV export.
// Run from the repository root: node --test tests/browser/statistics.test.mjs
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, imeiSource } from './support/api.mjs'

const TIMEOUT = 180_000

let server
before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const newImei = imeiSource('35332012')

// A valid resident ID number of its own (a repeated seller would be screened).
function newResidentId(serial) {
  const body = '11010519880101' + String(serial % 1000).padStart(3, '0')
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

async function registerPhone(price_fen) {
  const clerk = await apiSession(server.url, 'shop.clerk')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`)
  const outlet = outlets.body.items[0]
  assert.ok(outlet, JSON.stringify(outlets.body))
  const r = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlet.id,
    kind: 'purchase',
    channel: 'store',
    price_fen,
    payment_method: 'cash',
    person_matches_id: true,
    origin_statement: '自用两年',
    seller: { kind: 'individual', name: '周统计', id_type: 'resident_id', id_number: newResidentId(Date.now()), phone: '13900139001' },
    item: { category: 'phone', brand: 'Huawei', model: 'Mate 40', identifiers: { imei: newImei() }, condition: '八成新' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.body))
}

const figure = async (page, flow, what) =>
  (await page.locator(`[data-test=stat-total-${flow}] [data-test=stat-${what}]`).textContent()).trim()

describe('statistics', { timeout: TIMEOUT }, () => {
  test('the commerce official filters to a category, sees a new acquisition counted, imports the 2024 baseline and exports CSV and Excel', async () => {
    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'commerce')
      await page.goto('/statistics')
      await page.locator('[data-test=stat-category]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '手机' }).first().click()
      await page.locator('[data-test=stat-apply]').click()
      await page.locator('[data-test=stat-total-acquisition]').waitFor()
      const count = Number(await figure(page, 'acquisition', 'count'))
      const value = Number(await figure(page, 'acquisition', 'value'))

      await registerPhone(123456)
      // The rollups follow the journal in the background: ask again until the figure moves.
      const deadline = Date.now() + 30_000
      let now = count
      while (now === count && Date.now() < deadline) {
        await page.locator('[data-test=stat-apply]').click()
        await page.waitForTimeout(300)
        now = Number(await figure(page, 'acquisition', 'count'))
      }
      assert.equal(now, count + 1)
      assert.equal(Number(await figure(page, 'acquisition', 'value')).toFixed(2), (value + 1234.56).toFixed(2))

      // Chinese labels, no raw codes of flows, formats or channels.
      const methods = await page.locator('[data-test=stat-by-method]').textContent()
      assert.match(methods, /收购 · 收购 · 门店/)
      assert.doesNotMatch(methods, /purchase|store|acquisition/)
      // The city's 2024 baseline, imported as CSV: the figures then stand beside it.
      await page.locator('[data-test=stat-baseline-file]').setInputFiles({
        name: 'baseline-2024.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('month,region_code,category,transactions,value_yuan\n2024-01,110105,phone,3,4500.00\n2024-02,110108,phone,4,6000\n'),
      })
      assert.match(await page.locator('[data-test=stat-imported]').textContent(), /已导入 2 行 2024 年基数/)
      await page.locator('[data-test=stat-by-category]').getByText('较 2024 年').first().waitFor()
      await screenshot('statistics-commerce')

      const download = page.waitForEvent('download')
      await page.locator('[data-test=stat-csv]').click()
      const file = await download
      assert.match(file.suggestedFilename(), /^recirc-transactions-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/)
      const saved = path.join(tmpdir(), `recirc-stats-${process.pid}.csv`)
      await file.saveAs(saved)
      const csv = (await readFile(saved)).toString('utf8')
      assert.match(csv, /by category/)
      assert.match(csv, new RegExp(`^acquisition,${now},${Math.round((value + 1234.56) * 100)},`, 'm'))

      const workbook = page.waitForEvent('download')
      await page.locator('[data-test=stat-xlsx]').click()
      const xlsx = await workbook
      assert.match(xlsx.suggestedFilename(), /\.xlsx$/)
      const savedXlsx = path.join(tmpdir(), `recirc-stats-${process.pid}.xlsx`)
      await xlsx.saveAs(savedXlsx)
      assert.equal((await readFile(savedXlsx)).subarray(0, 2).toString(), 'PK')
    })
  })
})
