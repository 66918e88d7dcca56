// Browser tests of the inspection screens (issue 5): an inspector fills the phone checklist and
// watches the server-computed grade follow the results, signs the report, and compares it with
// an earlier one; anyone (logged out) verifies the report on the public page, and an altered copy
// is refused; a shop's staff record a data sanitization certificate and a repair, and the item's
// disclosure shows both. Against the real recirc server (`recirc demo`) in Debian's Chromium.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, imeiSource } from './support/api.mjs'

const TIMEOUT = 180_000
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

let server

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const apiAs = (username) => apiSession(server.url, username)
const newImei = imeiSource('86723405')
let serial = Date.now() % 1_000_000

function newResidentId() {
  const body = '11010519880101' + String(serial++ % 1000).padStart(3, '0')
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

/** shop.clerk registers a phone (with `imei`, or a new one); returns its item id. */
async function registerPhone(imei = newImei()) {
  const clerk = await apiAs('shop.clerk')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`)
  const r = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id,
    kind: 'purchase',
    channel: 'store',
    price_fen: 150000,
    payment_method: 'cash',
    person_matches_id: true,
    origin_statement: '自用一年',
    seller: { kind: 'individual', name: '李四', id_type: 'resident_id', id_number: newResidentId() },
    item: { category: 'phone', brand: 'Huawei', model: 'Mate 60', identifiers: { imei }, condition: '九成新' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.body))
  return r.body.item_id
}

const PHOTO = `sha256:${'a'.repeat(64)}`
const RESULTS = {
  powers_on: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', buttons: 'pass',
  charging: 'pass', connectivity: 'pass', battery_health: 91, liquid_indicator: 'not_triggered',
  activation_lock: 'off', screen_glass: 'flawless', housing: 'light_wear', photo_front: PHOTO, photo_back: PHOTO,
}

function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}
async function pickOption(page, selectLocator, text) {
  await selectLocator.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}
const gradeOf = (page, scale) => page.locator(`[data-test=grade-${scale}] .grade-value`)

/** True when nothing reaches past the window's right edge (the page does not scroll sideways). */
function fits(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

describe('inspection', { timeout: TIMEOUT }, () => {
  for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    test(`an inspector finds an item by IMEI and opens its form; an unknown ID is refused at once (${size.width} px)`, async () => {
      const imei = newImei()
      const item = await registerPhone(imei)
      await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
        await page.setViewportSize(size)
        await logIn(page, 'inspector')
        await page.goto('/inspection')
        // The queue opens first: items of the region waiting for inspection, oldest first.
        await page.locator('[data-test=queue-table] .el-table__body tr').first().waitFor()
        // As typed from the box, in groups.
        await field(page, 'lookup-value').fill(`${imei.slice(0, 6)} ${imei.slice(6, 10)} ${imei.slice(10)}`)
        await page.locator('[data-test=lookup-run]').click()
        const hit = page.locator('[data-test=lookup-results] .el-table__body tr', { hasText: imei })
        await hit.waitFor()
        assert.match(await hit.textContent(), /Huawei Mate 60/)
        assert.match(await hit.textContent(), /未检测/)
        assert.ok(await fits(page), `the queue fits ${size.width} px`)
        await screenshot(`inspection-lookup-${size.width}`)
        await hit.locator('[data-test=lookup-inspect]').click()
        await page.locator('[data-test=check-powers_on]').waitFor()
        assert.equal(await field(page, 'inspect-item').inputValue(), item)
        await page.locator('[data-test=inspect-item-found]', { hasText: imei }).waitFor()
        assert.ok(await fits(page), `the form fits ${size.width} px`)
        await screenshot(`inspection-form-from-queue-${size.width}`)

        // An ID no item has: refused before anything is filled in, in Chinese, next to the field.
        await field(page, 'inspect-item').fill('01KBX0000000000000000000AA')
        await page.locator('[data-test=inspect-load]').click()
        await page.locator('.el-form-item__error', { hasText: '没有以此编号登记的物品' }).waitFor()
        assert.equal(await page.locator('[data-test=check-powers_on]').count(), 0)
        await screenshot(`inspection-unknown-item-${size.width}`)
      })
    })
  }

  test('an inspector fills the phone checklist, the computed grade follows, the signed report verifies publicly', async () => {
    const item = await registerPhone()
    // An earlier report of the same item, for the re-inspection comparison.
    const inspector = await apiAs('inspector')
    const first = await inspector.call('POST', `/items/${item}/inspections`, { results: RESULTS })
    assert.equal(first.status, 201, JSON.stringify(first.body))

    let reportId
    let signed
    await withBrowser({ locale: 'en-US' }, async ({ page, screenshot }) => {
      await logIn(page, 'inspector', { english: true })
      await page.locator('.el-menu-item', { hasText: 'Inspection' }).click()
      await page.waitForURL((u) => new URL(u).pathname === '/inspection')
      await page.getByRole('tab', { name: 'Inspect an item' }).click()
      await field(page, 'inspect-item').fill(item)
      await pickOption(page, page.locator('[data-test=inspect-category]'), 'Mobile phone')
      await page.locator('[data-test=inspect-load]').click()
      await page.locator('[data-test=check-powers_on]').waitFor()
      // Nothing given yet: the best grades, and the required checks still missing.
      await page.locator('[data-test=grade-missing]').waitFor()
      for (const id of ['powers_on', 'display', 'touch', 'cameras', 'audio', 'buttons', 'charging', 'connectivity']) {
        await page.locator(`[data-test=check-${id}] .el-radio`, { hasText: 'Pass' }).click()
      }
      await field(page, 'check-battery_health').fill('91')
      await field(page, 'check-battery_health').blur()
      await pickOption(page, page.locator('[data-test=check-liquid_indicator] .el-select'), 'Not triggered')
      await pickOption(page, page.locator('[data-test=check-activation_lock] .el-select'), 'Off')
      await pickOption(page, page.locator('[data-test=check-screen_glass] .el-select'), 'Flawless')
      await pickOption(page, page.locator('[data-test=check-housing] .el-select'), 'Light wear')
      for (const id of ['photo_front', 'photo_back']) {
        await page.locator(`[data-test=check-${id}] input[type=file]`).setInputFiles({ name: `${id}.png`, mimeType: 'image/png', buffer: PNG })
      }
      await page.getByText('All required checks done').waitFor()
      await assert.doesNotReject(() => gradeOf(page, 'functional').getByText('0', { exact: true }).waitFor())
      await gradeOf(page, 'cosmetic').getByText('B', { exact: true }).waitFor()
      await screenshot('inspection-grade-good-battery')

      // Battery health below 80%: the server's rule caps the functional grade at 2.
      const graded = page.waitForResponse((r) => r.url().endsWith('/checklists/phone/grade') && r.request().method() === 'POST')
      await field(page, 'check-battery_health').fill('76')
      await field(page, 'check-battery_health').blur()
      const answer = await (await graded).json()
      assert.equal(answer.grade.functional.value, '2')
      await gradeOf(page, 'functional').getByText('2', { exact: true }).waitFor()
      await page.locator('[data-test=grade-functional]', { hasText: '80' }).waitFor()
      // Cracked glass: the cosmetic grade goes to D.
      await pickOption(page, page.locator('[data-test=check-screen_glass] .el-select'), 'Cracked')
      await gradeOf(page, 'cosmetic').getByText('D', { exact: true }).waitFor()
      await screenshot('inspection-grade-worn-battery')
      await field(page, 'inspect-defects').fill('Scratch on the top left corner')

      const submitted = page.waitForRequest((r) => r.url().endsWith(`/items/${item}/inspections`))
      await page.locator('[data-test=inspect-sign]').click()
      const body = JSON.parse((await submitted).postData())
      assert.equal(body.results.battery_health, 76)
      assert.equal(body.grade, undefined, 'no grade is sent')
      await page.locator('[data-test=inspect-signed]').waitFor()
      await page.locator('[data-test=report-grade-functional]', { hasText: '2' }).waitFor()
      signed = JSON.parse(await page.evaluate(async (itemId) => JSON.stringify(await (await fetch(`/api/v1/items/${itemId}/reports`)).json()), item))
      assert.equal(signed.items.length, 2)
      reportId = signed.items.find((r) => r.report.id !== first.body.report.id).report.id
      await page.locator('[data-test=signed-report]', { hasText: reportId }).waitFor()
      await page.getByText('Battery health (of original capacity)').first().waitFor()
      await screenshot('inspection-signed-report')

      // Re-inspection: the differences with the earlier report.
      await page.locator('[data-test=compare-with]').click()
      const diff = page.locator('[data-test=differences]')
      await diff.locator('tr', { hasText: 'battery_health' }).filter({ hasText: '91' }).filter({ hasText: '76' }).waitFor()
      await diff.locator('tr', { hasText: 'functional' }).waitFor()
      await screenshot('inspection-compare')

      // The PDF certificate behind the link.
      const href = await page.locator('[data-test=certificate-link]').getAttribute('href')
      const pdf = await fetch(`${server.url}${href}`)
      assert.equal(pdf.status, 200)
      assert.equal(pdf.headers.get('content-type'), 'application/pdf')
      assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-')
    })

    // Logged out, in a fresh browser: the public verification page.
    await withBrowser({}, async ({ page, screenshot }) => {
      await page.goto(`/verify/report/${reportId}`)
      await page.locator('[data-test=verdict-valid]').waitFor()
      assert.equal(new URL(page.url()).pathname, `/verify/report/${reportId}`, 'no login asked')
      // Chromium has Ed25519 in WebCrypto: the signature is checked in the page too.
      await page.locator('[data-test=browser-valid]').waitFor()
      await page.locator('[data-test=signed-report]', { hasText: reportId }).waitFor()
      await screenshot('verify-report-valid')

      // An altered copy: the battery health raised after signing.
      const text = await field(page, 'paste-report').inputValue()
      const altered = JSON.parse(text)
      assert.equal(altered.results.battery_health, 76)
      altered.results.battery_health = 95
      await field(page, 'paste-report').fill(JSON.stringify(altered, null, 2))
      await page.locator('[data-test=paste-verify]').click()
      const invalid = page.locator('[data-test=verdict-invalid]')
      await invalid.waitFor()
      assert.equal(await invalid.getAttribute('data-reason'), 'signature_mismatch')
      await invalid.getByText('报告在签署后被改动').waitFor()
      await page.locator('[data-test=browser-invalid]').waitFor()
      await screenshot('verify-report-altered')

      // The original pasted back verifies again.
      await field(page, 'paste-report').fill(text)
      await page.locator('[data-test=paste-verify]').click()
      await page.locator('[data-test=verdict-valid]').waitFor()
    })
  })

  test('shop staff record a sanitization certificate and a repair, and the disclosure shows them', async () => {
    const item = await registerPhone()
    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.locator('.el-menu-item', { hasText: '物品服务' }).click()
      await page.waitForURL((u) => new URL(u).pathname === '/item-service')
      await assert.equal(await page.locator('.el-menu-item', { hasText: '检测' }).count(), 0, 'no inspection for a shop')
      await field(page, 'service-item').fill(item)

      await field(page, 's-manufacturer').fill('Huawei')
      await field(page, 's-model').fill('Mate 60')
      await field(page, 's-serial').fill('SN-2026-0001')
      await field(page, 's-media-source').fill('内置 256 GB')
      await field(page, 's-tool').fill('recirc-erase')
      await field(page, 's-tool-version').fill('2.1')
      await field(page, 's-verification-method').fill('抽样读取校验')
      await field(page, 's-sanitizer-name').fill('李店员')
      await field(page, 's-sanitizer-title').fill('技术员')
      await field(page, 's-sanitizer-place').fill('朝阳门店')
      // The verifier must be another person: first the same name, which the server refuses.
      await field(page, 's-verifier-name').fill('李店员')
      await field(page, 's-verifier-title').fill('店长')
      await field(page, 's-verifier-place').fill('朝阳门店')
      await page.locator('[data-test=s-consent-given]').click()
      await page.locator('[data-test=s-consent-explained]').click()
      await field(page, 's-consent-scope').fill('全部用户数据')
      await pickOption(page, page.locator('[data-test=s-destination]'), '转售')
      await page.locator('[data-test=s-save]').click()
      const err = page.locator('[data-test=sanitization-error]')
      await err.waitFor()
      await page.locator('[data-test=sanitization-form] .el-form-item.is-error', { has: page.locator('input[data-test=s-verifier-name]') }).waitFor()
      await screenshot('service-sanitization-error')
      const sent = page.waitForRequest((r) => r.url().endsWith(`/items/${item}/sanitizations`))
      await field(page, 's-verifier-name').fill('王店长')
      await page.locator('[data-test=s-save]').click()
      const cert = JSON.parse((await sent).postData())
      for (const key of ['manufacturer', 'model', 'serial', 'media_type', 'media_source', 'level', 'method', 'tool',
        'tool_version', 'verification_method', 'verification_result', 'sanitizer', 'verifier', 'consent', 'destination']) {
        assert.ok(key in cert, key)
      }
      assert.deepEqual(Object.keys(cert.verifier).sort(), ['date', 'name', 'place', 'title'])
      await page.locator('[data-test=sanitization-done]').waitFor()
      await screenshot('service-sanitization-recorded')

      await page.locator('[data-test=service-tabs] .el-tabs__item', { hasText: '维修' }).click()
      await field(page, 'r-repairer').fill('李店员')
      await field(page, 'r-description').fill('更换电池和后盖')
      await field(page, 'r-part-name').fill('电池')
      await page.locator('[data-test=r-part-0] .el-radio', { hasText: '第三方' }).click()
      await field(page, 'r-part-brand').fill('Nohon')
      await field(page, 'r-part-maker').fill('深圳诺希')
      await page.locator('[data-test=r-add-part]').click()
      await page.locator('[data-test=r-part-1] input[data-test=r-part-name], [data-test=r-part-1] [data-test=r-part-name] input').first().fill('后盖')
      await page.locator('[data-test=r-part-1] [data-test=r-part-brand] input, [data-test=r-part-1] input[data-test=r-part-brand]').first().fill('Huawei')
      await page.locator('[data-test=r-part-1] [data-test=r-part-maker] input, [data-test=r-part-1] input[data-test=r-part-maker]').first().fill('华为')
      const repairSent = page.waitForRequest((r) => r.url().endsWith(`/items/${item}/repairs`))
      await page.locator('[data-test=r-save]').click()
      const repair = JSON.parse((await repairSent).postData())
      assert.deepEqual(repair.parts.map((p) => p.origin), ['third_party', 'original'])
      await page.locator('[data-test=repair-done]').waitFor()
      await screenshot('service-repair-recorded')

      await page.locator('[data-test=service-tabs] .el-tabs__item', { hasText: '信息披露' }).click()
      const text = page.locator('[data-test=disclosure-text]')
      await text.getByText('更换 电池（第三方', { exact: false }).waitFor()
      await text.getByText('数据清除：净化 / 密码擦除', { exact: false }).waitFor()
      await screenshot('service-disclosure')
    })
    // The public disclosure, logged out, in English.
    await withBrowser({}, async ({ page, screenshot }) => {
      await page.goto(`/disclosure/${item}`)
      await page.locator('[data-test=language-switch]').getByText('English', { exact: true }).click()
      const text = page.locator('[data-test=disclosure-text]')
      await text.getByText('replaced 电池 (third-party', { exact: false }).waitFor()
      await text.getByText('Data sanitization: purge / cryptographic erase', { exact: false }).waitFor()
      assert.equal(await page.getByText('李店员').count(), 0, 'no staff names on the public page')
      await screenshot('disclosure-public-en')
    })
  })
})
