// Browser tests of the police console's near-miss and access-audit panels, and of the alert list
// (IMEI, outlet names, region filter) with a seizure that needs a note and a confirmation, at
// 1440 and 390 px, against the real recirc server (`recirc demo`) in Debian's Chromium.
// Run from the repository root: node --test tests/browser/police-audit.test.mjs
import assert from 'node:assert/strict'
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
const apiAs = (username) => apiSession(server.url, username)
const newImei = imeiSource('35332011')
let serial = Date.now() % 100_000

// Valid numbers made here (a repeated IMEI or seller would be screened).
function newResidentId() {
  const body = '11010519900101' + String(serial++ % 1000).padStart(3, '0')
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

/** True when nothing reaches past the window's right edge (the page does not scroll sideways). */
function fits(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

/** The <input> of an Element Plus field marked data-test=name (on the input or its wrapper). */
function field(page, name) {
  return page.locator(`input[data-test=${name}], [data-test=${name}] input`).first()
}

/** shop.clerk registers a phone at the Chaoyang outlet (110105); returns the receipt. */
async function registerPhone({ model, imei, personMatchesId }) {
  const clerk = await apiAs('shop.clerk')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`)
  const outlet = outlets.body.items.find((o) => o.name === '朝阳门店')
  assert.ok(outlet, JSON.stringify(outlets.body))
  const r = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlet.id,
    kind: 'purchase',
    channel: 'store',
    price_fen: 150000,
    payment_method: 'cash',
    person_matches_id: personMatchesId,
    origin_statement: '自用一年',
    seller: { kind: 'individual', name: '孙审计', id_type: 'resident_id', id_number: newResidentId(), phone: '13900139000' },
    item: { category: 'phone', brand: 'Xiaomi', model, identifiers: { imei }, condition: '九成新' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.body))
  return r.body
}

describe('police console: near misses and the access audit', { timeout: TIMEOUT }, () => {
  test('a registration below the alert threshold shows in the near misses and links to the register search', async () => {
    const model = `NearMiss ${serial++}`
    const imei = newImei()
    // identity_not_checked weighs 40: below the threshold of 50, so nothing is held.
    const receipt = await registerPhone({ model, imei, personMatchesId: false })
    assert.equal(receipt.status, 'registered')

    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await logIn(page, 'police.chaoyang')
      await page.goto('/police')
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: '未达阈值' }).click()
      const row = page.locator('[data-test=near-miss-table] .el-table__body tr', { hasText: model })
      await row.waitFor()
      const text = await row.textContent()
      assert.match(text, /店员未核验人证 \+40/)
      assert.match(text, new RegExp(imei))
      assert.match(text, /Xiaomi/)
      await row.locator('text=朝阳区').waitFor() // the outlet's region by name
      assert.doesNotMatch(text, /孙审计|13900139000/, 'no seller data in the list')
      const score = await row.locator('td').nth(1).textContent()
      assert.equal(score.trim(), '40')
      await screenshot('police-near-misses')

      // The link opens the register search for the item.
      await row.locator('[data-test=near-miss-search]').click()
      await page.waitForURL((u) => new URL(u).searchParams.get('identifier_value') === imei)
      const hit = page.locator('[data-test=register-table] .el-table__body tr', { hasText: model })
      await hit.waitFor()
      assert.equal(await page.locator('[data-test=police-tabs] .el-tabs__item.is-active').textContent(), '登记查询')
      assert.equal(await field(page, 'search-identifier').inputValue(), imei)
      assert.equal(await page.locator('[data-test=register-table] .el-table__body tr').count(), 1)
      await screenshot('police-near-miss-register-search')
      // Back to the near misses by hand: the same link works again.
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: '未达阈值' }).click()
      await page.waitForURL((u) => new URL(u).searchParams.get('tab') === 'near-misses')
      await row.locator('[data-test=near-miss-search]').click()
      await page.waitForURL((u) => new URL(u).searchParams.get('tab') === 'register')
      await page.locator('[data-test=police-tabs] .el-tabs__item.is-active', { hasText: '登记查询' }).waitFor()
    })

    // Another district's police do not see it.
    const haidian = await apiAs('police.haidian')
    const theirs = await haidian.call('GET', '/police/near-misses')
    assert.equal(theirs.status, 200)
    assert.ok(!theirs.body.items.some((n) => n.acquisition_id === receipt.id))
  })

  test('a supervisor sees the full views made with a reason; an officer has no audit tab', async () => {
    const model = `Audit ${serial++}`
    const imei = newImei()
    const receipt = await registerPhone({ model, imei, personMatchesId: true })
    const officerReason = `案件 2026-${serial++}：核查手机来源`
    const officer = await apiAs('police.chaoyang')
    const full = await officer.call('POST', `/police/acquisitions/${receipt.id}/seller`, { reason: officerReason })
    assert.equal(full.status, 200, JSON.stringify(full.body))

    const supervisorReason = `Spot check ${serial++} of officer views`
    await withBrowser({ locale: 'en' }, async ({ page, screenshot }) => {
      await logIn(page, 'police.supervisor', { english: true })
      await page.goto('/police')
      // The supervisor views the seller's full data with a reason, through the register search.
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Register search' }).click()
      await field(page, 'search-identifier').fill(imei)
      await page.locator('[data-test=search]').click()
      const hit = page.locator('[data-test=register-table] .el-table__body tr', { hasText: model })
      await hit.locator('[data-test=register-seller]').click()
      const dialog = page.locator('.el-dialog', { hasText: 'Full seller view' })
      await dialog.waitFor()
      await field(page, 'seller-reason').fill(supervisorReason)
      await dialog.locator('[data-test=seller-show]').click()
      await dialog.locator('[data-test=seller-full]', { hasText: '孙审计' }).waitFor()
      await dialog.locator('.el-dialog__headerbtn').click()
      await dialog.waitFor({ state: 'hidden' })

      // Both views are in the audit: who, when, why, and the registration — never the seller.
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Access audit' }).click()
      const mine = page.locator('[data-test=audit-table] .el-table__body tr', { hasText: supervisorReason })
      await mine.waitFor()
      assert.match(await mine.locator('[data-test=audit-viewer]').textContent(), /吴督察 \(police\.supervisor\)/)
      assert.match(await mine.textContent(), new RegExp(`Xiaomi ${model}`))
      assert.match(await mine.textContent(), new RegExp(`/ ${receipt.number}`))
      const theirs = page.locator('[data-test=audit-table] .el-table__body tr', { hasText: officerReason })
      await theirs.waitFor()
      assert.match(await theirs.locator('[data-test=audit-viewer]').textContent(), /赵警官 \(police\.chaoyang\)/)
      const rows = page.locator('[data-test=audit-table] .el-table__body tr')
      const first = await rows.first().textContent()
      assert.ok(first.includes(supervisorReason), 'newest first')
      const table = await page.locator('[data-test=audit-table]').textContent()
      assert.doesNotMatch(table, /孙审计|13900139000|110105199001/, 'the audit names no seller')
      await screenshot('police-access-audit')

      // A date range that ended yesterday shows none of today's views.
      const yesterday = new Date(Date.now() - 86_400_000)
      const pad = (n) => String(n).padStart(2, '0')
      const day = `${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}`
      const ends = page.locator('.el-range-editor:visible .el-range-input')
      await ends.first().click()
      await ends.first().fill(day)
      await ends.nth(1).fill(day)
      await ends.nth(1).press('Enter')
      await mine.waitFor({ state: 'detached' })
      await page.locator('[data-test=audit-count]', { hasText: /^0 entries$/ }).waitFor()
    })

    await withBrowser({ locale: 'en' }, async ({ page, screenshot }) => {
      await logIn(page, 'police.chaoyang', { english: true })
      await page.goto('/police?tab=audit')
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Alerts' }).waitFor()
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Near misses' }).waitFor()
      assert.equal(await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Access audit' }).count(), 0)
      assert.equal(await page.locator('[data-test=audit-table]').count(), 0)
      const status = await page.evaluate(async () => (await fetch('/api/v1/police/access-audit')).status)
      assert.equal(status, 403)
      await screenshot('police-officer-no-audit')
    })
  })

  for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    test(`an officer seizes an item with a note and a confirmation; the alert shows the IMEI and outlet (${size.width} px)`, async () => {
      const model = `Seize ${size.width} ${serial++}`
      const imei = newImei()
      const police = await apiAs('police.chaoyang')
      await police.call('POST', '/police/watchlist', { identifier_kind: 'imei', identifier_value: imei, note: '失窃报案 2026-512' }, 201)
      const receipt = await registerPhone({ model, imei, personMatchesId: true })
      assert.equal(receipt.status, 'held_for_verification')

      await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
        await page.setViewportSize(size)
        await logIn(page, 'police.chaoyang')
        await page.goto('/police')
        const row = page.locator('[data-test=alerts-table] .el-table__body tr', { hasText: model })
        await row.waitFor()
        await row.locator('[data-test=alert-imei]', { hasText: imei }).waitFor()
        await row.locator('[data-test=alert-outlet]', { hasText: '朝阳门店' }).waitFor()
        // The region filter offers the jurisdiction's regions by name.
        const listed = page.waitForResponse((r) => new URL(r.url()).searchParams.get('region') === '110105')
        await page.locator('[data-test=alert-region]').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '110105' }).click()
        assert.equal((await listed).status(), 200)
        await row.waitFor()
        assert.ok(await fits(page), `the alert list fits ${size.width} px`)
        await screenshot(`police-alerts-imei-${size.width}`)

        await row.locator('[data-test=decide]').click()
        const dialog = page.locator('.el-dialog', { hasText: '处理决定' })
        await dialog.waitFor()
        await dialog.locator('[data-test=decision] .el-radio', { hasText: '扣押' }).click()
        // No note: refused here, nothing sent.
        let sent = 0
        page.on('request', (r) => r.url().endsWith('/decision') && sent++)
        await dialog.locator('[data-test=decision-save]').click()
        await dialog.locator('.el-form-item__error', { hasText: '扣押必须填写备注' }).waitFor()
        assert.equal(sent, 0)
        await page.locator('textarea[data-test=decision-note], [data-test=decision-note] textarea').first().fill('案件 2026-512：与报案串号一致，予以扣押')
        // The confirmation names the item; cancelling sends nothing.
        await dialog.locator('[data-test=decision-save]').click()
        const confirm = page.locator('.seize-confirm')
        await confirm.waitFor()
        assert.match(await confirm.textContent(), new RegExp(imei))
        assert.match(await confirm.textContent(), /朝阳门店/)
        await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"]')) // faded in
        assert.ok(await fits(page), `the confirmation fits ${size.width} px`)
        await screenshot(`police-seize-confirm-${size.width}`)
        await confirm.getByRole('button', { name: '取消' }).click()
        await confirm.waitFor({ state: 'hidden' })
        assert.equal(sent, 0)
        await dialog.locator('[data-test=decision-save]').click()
        const decided = page.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST')
        await page.locator('.seize-confirm').getByRole('button', { name: '扣押' }).click()
        const d = await decided
        assert.equal(d.status(), 200)
        assert.deepEqual(JSON.parse(d.request().postData()), { decision: 'seize', note: '案件 2026-512：与报案串号一致，予以扣押' })
        await row.waitFor({ state: 'detached' })
        await page.locator('[data-test=alert-status]').getByText('全部').click()
        const seized = page.locator('[data-test=alerts-table] .el-table__body tr', { hasText: model })
        await seized.locator('[data-test=alert-status-tag]', { hasText: '已扣押' }).waitFor()
        assert.match(await seized.textContent(), /案件 2026-512/)
        await screenshot(`police-seized-${size.width}`)

        // The daily report picks the outlet from the directory, by name.
        await page.locator('[data-test=police-tabs]').getByRole('tab', { name: '日报' }).click()
        await page.locator('[data-test=report-outlet]').click()
        await page.locator('.el-select-dropdown__item:visible', { hasText: '朝阳门店' }).waitFor()
        await page.keyboard.press('Escape')
      })
    })
  }
})
