// Browser tests of the acquisition register: the shop assistant's intake screen and the police
// console, against the real recirc server (`recirc demo`) in Debian's Chromium.
// Run from the repository root: node --test tests/browser/
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { DEMO_PASSWORD, logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { imeiSource } from './support/api.mjs'

const PASSWORD = DEMO_PASSWORD
const TIMEOUT = 180_000
// A fake camera, so that the getUserMedia path is what the test takes.
const CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
// 1×1 PNG for the file-input fallback.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
// 8×8 grey RGB PNG: a real image, but not the colour photo an item without a serial number needs.
const GREY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAD0lEQVR4nGNowAEYhpYEAILzYAGc7g8kAAAAAElFTkSuQmCC', 'base64')

let server

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const newImei = imeiSource('35209900')
let serial = Date.now() % 1_000_000

// Valid numbers made here, each test its own (a repeated IMEI or seller would be screened).
function newResidentId() {
  const body = '11010519880101' + String(serial++ % 1000).padStart(3, '0')
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

/** The <input>/<textarea> of an Element Plus field marked data-test=name. */
function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}

async function pickOption(page, selectTest, text) {
  await page.locator(`[data-test=${selectTest}]`).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** Fills the intake form for an item with `imei`, sold by `idNumber`, at the Chaoyang outlet. */
async function fillIntake(page, { imei, idNumber, model }) {
  await page.locator('[data-test=intake-form]').waitFor()
  await pickOption(page, 'outlet', '朝阳门店')
  await field(page, 'price').fill('1200')
  await field(page, 'origin').fill('2024 年购买，自用')
  await page.locator('[data-test=person-matches-id]').click()
  await field(page, 'seller-name').fill('张三丰')
  await field(page, 'id-number').fill(idNumber)
  await field(page, 'phone').fill('13800138000')
  await field(page, 'brand').fill('Huawei')
  await field(page, 'model').fill(model)
  await field(page, 'identifier-0').fill(imei)
  await field(page, 'condition').fill('九成新')
}

function registration(page) {
  return page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/acquisitions')
}

describe('acquisition register', { timeout: TIMEOUT }, () => {
  test('an invalid IMEI shows the field error while it is typed', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.locator('[data-test=side-menu] [data-menu=acquisitions]').click()
      await page.locator('[data-test=intake-form]').waitFor()
      const imei = newImei()
      const wrong = imei.slice(0, 14) + String((Number(imei[14]) + 1) % 10)
      const error = page.locator('[data-test=identifier-item-0] .el-form-item__error')
      await field(page, 'identifier-0').pressSequentially(wrong.slice(0, 10))
      await error.waitFor()
      assert.match(await error.textContent(), /IMEI应为 15 位，实际 10 位/)
      await field(page, 'identifier-0').pressSequentially(wrong.slice(10))
      await page.locator('[data-test=identifier-item-0] .el-form-item__error', { hasText: `IMEI校验位错误：应为 ${imei[14]}` }).waitFor()
      await screenshot('intake-invalid-imei')
      // Corrected, the error goes away without submitting anything.
      await field(page, 'identifier-0').fill(imei)
      await error.waitFor({ state: 'detached' })
      // A wrong resident ID check character is named live too.
      const id = newResidentId()
      await field(page, 'id-number').fill(id.slice(0, 17) + (id[17] === '0' ? '1' : '0'))
      await page.locator('[data-test=id-number-item] .el-form-item__error', { hasText: '校验位错误' }).waitFor()
    })
  })

  test('a clerk registers an item with a valid IMEI, sees "registered" and the receipt', async () => {
    await withBrowser({ locale: 'zh-CN', extraArgs: CAMERA }, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.goto('/acquisitions')
      const imei = newImei()
      await fillIntake(page, { imei, idNumber: newResidentId(), model: 'Mate 60 Pro' })
      // One photo from the (fake) camera, one chosen as a file.
      await page.locator('[data-test=item-photos-camera]').click()
      const video = page.locator('[data-test=item-photos] video')
      await video.waitFor()
      await page.waitForFunction(() => document.querySelector('[data-test=item-photos] video')?.videoWidth > 0)
      await page.locator('[data-test=item-photos]').getByRole('button', { name: '拍摄' }).click()
      await page.locator('[data-test=item-photos] .thumb').first().waitFor()
      const file = path.join(tmpdir(), `recirc-item-${process.pid}.png`)
      await writeFile(file, PNG)
      await page.locator('[data-test=item-photos-input]').setInputFiles(file)
      await page.locator('[data-test=item-photos] .thumb').nth(1).waitFor()
      await screenshot('intake-form-filled')

      // A double click sends one registration (one Idempotency-Key, the button busy).
      const sent = []
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/acquisitions') sent.push(r.headers()['idempotency-key'])
      })
      const answer = registration(page)
      await page.locator('[data-test=register]').dblclick()
      const res = await answer
      assert.equal(res.status(), 201)
      const receipt = await res.json()
      assert.equal(receipt.status, 'registered')
      const body = JSON.parse(res.request().postData())
      assert.deepEqual(body.item.identifiers, { imei })
      assert.equal(body.price_fen, 120000)
      assert.equal(body.person_matches_id, true)
      assert.ok(sent.length >= 1 && new Set(sent).size === 1, `one Idempotency-Key: ${sent}`)
      assert.match(sent[0], /^[0-9a-f-]{36}$/)

      await page.locator('[data-test=intake-result][data-status=registered]', { hasText: '已登记' }).waitFor()
      await page.locator('[data-test=photo-progress]', { hasText: '已上传 2 / 2' }).waitFor()
      const card = page.locator('[data-test=receipt]')
      assert.equal((await card.locator('[data-test=receipt-number]').textContent()).trim(), String(receipt.number))
      // The item ID inspection needs, with the QR code of the item's public page.
      assert.equal((await card.locator('[data-test=receipt-item-id]').textContent()).trim(), receipt.item_id)
      const qr = card.locator('[data-test=receipt-qr]')
      await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await qr.elementHandle())
      assert.match(await card.locator('[data-test=receipt-item]').textContent(), /Huawei Mate 60 Pro/)
      await card.locator('[data-test=receipt-seller]', { hasText: '张*丰' }).waitFor()
      assert.match(await card.locator('[data-test=receipt-seller]').textContent(), /\*{8}/)
      assert.doesNotMatch(await card.textContent(), /张三丰/)
      assert.equal((await card.locator('[data-test=receipt-staff]').textContent()).trim(), '李店员')
      assert.ok((await card.locator('[data-test=receipt-time]').textContent()).trim().length > 0)
      await screenshot('intake-registered-receipt')
      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.locator('[data-test=intake-result]').isVisible(), false, 'only the receipt is printed')
      assert.ok(await card.locator('[data-test=receipt-qr]').isVisible(), 'the QR label is printed')
      await screenshot('intake-receipt-print')
      await page.emulateMedia({ media: 'screen' })

      // Exactly the two photos are stored with the registration.
      const photos = await page.evaluate(async (id) => (await fetch(`/api/v1/acquisitions/${id}/photos`)).json(), receipt.id)
      assert.equal(photos.items.length, 2)
      assert.deepEqual(photos.items.map((p) => p.kind), ['item', 'item'])
    })
  })

  test('an item without a serial number is not sent without its colour photo; the photo completes it', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.goto('/acquisitions')
      await fillIntake(page, { imei: '', idNumber: newResidentId(), model: `NoSerial ${serial++}` })
      let sent = 0
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/acquisitions') sent++
      })
      await page.locator('[data-test=register]').click()
      const error = page.locator('[data-test=item-photos-item] .el-form-item__error')
      await error.waitFor()
      assert.match(await error.textContent(), /无序列号的物品必须拍摄彩色照片/)
      assert.equal(sent, 0, 'nothing is sent without the photo')
      await screenshot('intake-photo-required')

      const file = path.join(tmpdir(), `recirc-noserial-${process.pid}.png`)
      await writeFile(file, PNG)
      await page.locator('[data-test=item-photos-input]').setInputFiles(file)
      await error.waitFor({ state: 'detached' })
      const answer = registration(page)
      await page.locator('[data-test=register]').click()
      const res = await answer
      assert.equal(res.status(), 201)
      const receipt = await res.json()
      assert.equal(receipt.photo_required, true)
      await page.locator('[data-test=photo-progress]', { hasText: '已上传 1 / 1' }).waitFor()
      // The uploaded photo released the photo hold: only the statutory period remains.
      const view = await page.evaluate(async (id) => (await fetch(`/api/v1/acquisitions/${id}`)).json(), receipt.id)
      const photoHold = view.holds.find((h) => h.kind === 'photo_required')
      assert.ok(photoHold, JSON.stringify(view.holds))
      assert.equal(photoHold.active, false)
      assert.doesNotMatch(view.not_sellable_reason ?? '', /item\.photos/)
    })
  })

  test('a black-and-white photo is stored but does not complete an item without a serial number', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.goto('/acquisitions')
      await fillIntake(page, { imei: '', idNumber: newResidentId(), model: `GreySerial ${serial++}` })
      const file = path.join(tmpdir(), `recirc-grey-${process.pid}.png`)
      await writeFile(file, GREY_PNG)
      await page.locator('[data-test=item-photos-input]').setInputFiles(file)
      await page.locator('[data-test=item-photos] .thumb').first().waitFor()
      const answer = registration(page)
      await page.locator('[data-test=register]').click()
      const res = await answer
      assert.equal(res.status(), 201)
      const receipt = await res.json()
      assert.equal(receipt.photo_required, true)
      await page.locator('[data-test=photo-progress]', { hasText: '已上传 1 / 1' }).waitFor()
      await page.locator('[data-test=photo-not-colour]', { hasText: '需要彩色照片' }).waitFor()
      await page.locator('[data-test=photo-required]').waitFor()
      await screenshot('intake-photo-not-colour')
      const view = await page.evaluate(async (id) => (await fetch(`/api/v1/acquisitions/${id}`)).json(), receipt.id)
      assert.equal(view.holds.find((h) => h.kind === 'photo_required')?.active, true, JSON.stringify(view.holds))
      const photos = await page.evaluate(async (id) => (await fetch(`/api/v1/acquisitions/${id}/photos`)).json(), receipt.id)
      assert.equal(photos.items.length, 1, 'the grey photo is kept as evidence')
    })
  })

  test('a stolen IMEI from a CSV block list: the shop sees only "held", the district police release it, the next district sees nothing', async () => {
    const imei = newImei()
    const model = `P${serial}`
    await withBrowser({ locale: 'en' }, async ({ page, screenshot }) => {
      await logIn(page, 'police.chaoyang', { english: true })
      await page.locator('[data-test=side-menu] [data-menu=police]').click()
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Watchlist' }).click()
      // A bad file first: nothing is imported and the first bad line is named.
      const bad = path.join(tmpdir(), `recirc-bad-${process.pid}.csv`)
      await writeFile(bad, `identifier_kind,identifier_value,status,note\nimei,${imei},black,ok\nimei,123,black,too short\n`)
      await page.locator('[data-test=import-input]').setInputFiles(bad)
      await page.locator('[data-test=import-run]').click()
      await page.locator('[data-test=import-error]', { hasText: 'line 3' }).waitFor()
      await screenshot('police-import-error')
      const good = path.join(tmpdir(), `recirc-good-${process.pid}.csv`)
      await writeFile(good, `identifier_kind,identifier_value,status,note\nimei,${imei},black,stolen 2026-11-30\n`)
      await page.locator('[data-test=import-input]').setInputFiles(good)
      await page.locator('[data-test=import-run]').click()
      await page.locator('[data-test=import-done]', { hasText: '1 entries imported' }).waitFor()
      // A single entry: the number is checked while typed, then added.
      const single = newImei()
      await field(page, 'entry-value').fill(single.slice(0, 14) + String((Number(single[14]) + 1) % 10))
      await page.locator('.el-form-item__error', { hasText: `IMEI check character is wrong: expected ${single[14]}` }).waitFor()
      await field(page, 'entry-value').fill(single)
      await field(page, 'entry-note').fill('theft report 2026-301')
      const added = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/police/watchlist')
      await page.locator('[data-test=entry-add]').click()
      assert.equal((await added).status(), 201)
      await page.locator('[data-test=entry-done]', { hasText: 'Added to the watchlist' }).waitFor()
    })

    let acquisitionId
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.goto('/acquisitions')
      await fillIntake(page, { imei, idNumber: newResidentId(), model })
      const idPhoto = path.join(tmpdir(), `recirc-id-${process.pid}.png`)
      await writeFile(idPhoto, PNG)
      await page.locator('[data-test=id-photos-input]').setInputFiles(idPhoto)
      await page.locator('[data-test=id-photos] .thumb').waitFor()
      const answer = registration(page)
      await page.locator('[data-test=register]').click()
      const res = await answer
      assert.equal(res.status(), 201)
      const receipt = await res.json()
      acquisitionId = receipt.id
      assert.deepEqual(Object.keys(receipt).sort(), ['created_at', 'id', 'item_id', 'number', 'photo_required', 'status'])
      assert.equal(receipt.status, 'held_for_verification')
      const result = page.locator('[data-test=intake-result][data-status=held_for_verification]')
      await result.waitFor()
      assert.match(await result.textContent(), /待核查/)
      await page.locator('[data-test=photo-progress]', { hasText: '已上传 1 / 1' }).waitFor()
      // The shop cannot look at the ID document photo it took.
      const photos = await page.evaluate(async (id) => (await fetch(`/api/v1/acquisitions/${id}/photos`)).json(), receipt.id)
      assert.deepEqual(photos.items.map((p) => [p.kind, p.encrypted]), [['id_document', true]])
      const status = await page.evaluate(async (url) => (await fetch(url)).status, photos.items[0].url)
      assert.equal(status, 403)
      const pageText = await page.locator('main, .intake').first().textContent()
      assert.doesNotMatch(pageText, /黑名单|watchlist|black|被盗|stolen/i, 'the shop is never told why')
      await screenshot('intake-held')
    })

    await withBrowser({ locale: 'en' }, async ({ page, screenshot }) => {
      await logIn(page, 'police.chaoyang', { english: true })
      await page.goto('/police')
      const row = page.locator('[data-test=alerts-table] .el-table__body tr', { hasText: model })
      await row.waitFor()
      assert.match(await row.textContent(), /On a black list/)
      assert.match(await row.textContent(), /Open/)
      await screenshot('police-alerts')
      // The full seller view needs a reason.
      await row.locator('[data-test=alert-seller]').click()
      const dialog = page.locator('.el-dialog', { hasText: 'Full seller view' })
      await dialog.waitFor()
      await field(page, 'seller-reason').fill('Case 2026-301: stolen phone check')
      await dialog.locator('[data-test=seller-show]').click()
      await dialog.locator('[data-test=seller-full]', { hasText: '张三丰' }).waitFor()
      const shown = page.waitForResponse((r) => /\/api\/v1\/police\/acquisitions\/.+\/photos\//.test(r.url()))
      await dialog.getByRole('button', { name: 'Show ID photo' }).click()
      assert.equal((await shown).status(), 200)
      await dialog.locator('.photo img').waitFor()
      await screenshot('police-seller-full')
      await dialog.locator('.el-dialog__headerbtn').click()

      await row.locator('[data-test=decide]').click()
      const decide = page.locator('.el-dialog', { hasText: 'Decision' })
      await decide.waitFor()
      await field(page, 'decision-note').fill('Owner confirmed the sale; report withdrawn')
      const decided = page.waitForResponse((r) => r.url().endsWith(`/decision`) && r.request().method() === 'POST')
      await decide.locator('[data-test=decision-save]').click()
      const d = await decided
      assert.equal(d.status(), 200)
      assert.deepEqual(JSON.parse(d.request().postData()), { decision: 'release', note: 'Owner confirmed the sale; report withdrawn' })
      // Released alerts leave the "open" list; under "all" it shows as released, with the note.
      await row.waitFor({ state: 'detached' })
      await page.locator('[data-test=alert-status]').getByText('All').click()
      const releasedRow = page.locator('[data-test=alerts-table] .el-table__body tr', { hasText: model })
      await releasedRow.waitFor()
      assert.match(await releasedRow.textContent(), /Released/)
      assert.match(await releasedRow.textContent(), /Owner confirmed the sale/)
      await screenshot('police-alert-released')

      // Register search by the IMEI finds it; the daily report of its outlet downloads.
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Register search' }).click()
      await field(page, 'search-identifier').fill(imei)
      await page.locator('[data-test=search]').click()
      const hit = page.locator('[data-test=register-table] .el-table__body tr', { hasText: model })
      await hit.waitFor()
      assert.match(await hit.textContent(), /Registered/)
      await screenshot('police-register-search')
      await page.locator('[data-test=police-tabs]').getByRole('tab', { name: 'Daily report' }).click()
      await pickOption(page, 'report-outlet', '')
      for (const format of ['csv', 'xlsx']) {
        const download = page.waitForEvent('download')
        await page.locator(`[data-test=report-${format}]`).click()
        const file = await download
        assert.match(file.suggestedFilename(), new RegExp(`^recirc-register-\\d{8}\\.${format}$`))
        const saved = path.join(tmpdir(), `recirc-report-${process.pid}.${format}`)
        await file.saveAs(saved)
        const { readFile } = await import('node:fs/promises')
        const bytes = await readFile(saved)
        if (format === 'csv') assert.match(bytes.toString('utf8'), new RegExp(model))
        else assert.equal(bytes.subarray(0, 2).toString(), 'PK')
      }
      await screenshot('police-daily-report')
    })

    await withBrowser({ locale: 'en' }, async ({ page, screenshot }) => {
      await logIn(page, 'police.haidian', { english: true })
      await page.goto('/police')
      await page.locator('[data-test=alert-status]').getByText('All').click()
      await page.locator('[data-test=alerts-table] .el-table__empty-text').waitFor()
      assert.equal(await page.locator('[data-test=alerts-table] .el-table__body tr', { hasText: model }).count(), 0)
      // Nor can it open the registration by its id.
      const status = await page.evaluate(async (id) => (await fetch(`/api/v1/acquisitions/${id}/photos`)).status, acquisitionId)
      assert.equal(status, 404)
      await screenshot('police-other-district')
    })
  })
})
