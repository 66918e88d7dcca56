// Browser tests of the operator's market screens and the market-supervision view (issue 6): an
// operator creates and publishes an offer for an inspected item (the 3-month warranty rule under
// its field, the disclosure confirmed by version, a refusal in plain words); a listing with a
// prohibited keyword is blocked, the operator appeals, market supervision lifts it; an order placed
// through the API is dispatched through the screen with a photo uploaded to the order; a return with
// a different serial shows the red flag, the dispatch and return photos side by side, and is
// accepted after the in-person check. Real recirc (`recirc demo`, no statutory hold
// period) and Debian's Chromium; the data around the screens is set up through the API.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, GREY_PNG, imeiSource, orderPhoto } from './support/api.mjs'

const TIMEOUT = 240_000
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

let server
before(async () => {
  // Items become sellable at once: the statutory hold period is tried in the market backend tests.
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})
const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const apiAs = (username) => apiSession(server.url, username)
const newImei = imeiSource('35693803')
let serial = (Date.now() % 100_000) * 7

const PHOTO = `sha256:${'a'.repeat(64)}`
const RESULTS = {
  powers_on: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', buttons: 'pass',
  charging: 'pass', connectivity: 'pass', battery_health: 88, liquid_indicator: 'not_triggered',
  activation_lock: 'off', screen_glass: 'flawless', housing: 'light_wear', photo_front: PHOTO, photo_back: PHOTO,
}
const SIGN = { title: '技术员', date: '2026-12-01', place: '北京市朝阳区' }
const WIPE = {
  manufacturer: 'Apple', model: 'iPhone 13', serial: 'F2LXK0ABCD', media_type: 'flash', media_source: 'internal',
  level: 'purge', method: 'crypto_erase', tool: 'recirc-wipe', tool_version: '2.1', verification_method: 'read-back',
  verification_result: 'passed', sanitizer: { ...SIGN, name: '钱清除' }, verifier: { ...SIGN, name: '孙复核' },
  consent: { given: true, scope: '全部用户数据', method_explained: true, date: '2026-11-30' }, destination: 'resale',
}

/** shop.clerk registers a phone; inspected and sanitized unless told otherwise. */
async function phone({ inspect = true } = {}) {
  const clerk = await apiAs('shop.clerk')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`, undefined, 200)
  const imei = newImei()
  const r = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id, kind: 'purchase', channel: 'store', price_fen: 150000,
    payment_method: 'cash', person_matches_id: true, origin_statement: '自用一年',
    seller: { kind: 'individual', name: '李四', id_type: 'passport', id_number: `E${serial++}` },
    item: { category: 'phone', brand: 'Apple', model: 'iPhone 13', identifiers: { imei }, condition: '九成新' },
  }, 201)
  const item = r.body.item_id
  if (inspect) {
    const inspector = await apiAs('inspector')
    await inspector.call('POST', `/items/${item}/inspections`, { results: RESULTS }, 201)
    await clerk.call('POST', `/items/${item}/sanitizations`, WIPE, 201)
  }
  return { clerk, item, imei, number: r.body.number }
}

function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}
async function pickOption(page, selectLocator, text) {
  await selectLocator.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}
async function openShop(page) {
  await page.locator('.el-menu-item', { hasText: '商品上架与订单' }).click()
  await page.waitForURL((u) => new URL(u).pathname === '/shop')
}
/** Fills the new-offer dialog for the acquisition `number`. */
async function fillOffer(page, number, { title, price, warranty = 3 }) {
  await page.locator('[data-test=offer-new]').click()
  await pickOption(page, page.locator('[data-test=offer-item]'), new RegExp(`^\\s*${number} ·`))
  await field(page, 'offer-title').fill(title)
  await field(page, 'offer-description').fill('电池健康 88%，屏幕完好')
  await field(page, 'offer-price').fill(price)
  await field(page, 'offer-warranty').fill(String(warranty))
  await field(page, 'offer-warranty').blur()
}
const offerRow = (page, title) => page.locator('[data-test=offers-table] .el-table__body tr', { hasText: title })

describe('operator market screens', { timeout: TIMEOUT }, () => {
  test('the operator creates an offer (warranty rule on its field, exact fen) and publishes it with the current disclosure', async () => {
    const { item, number } = await phone()
    const bare = await phone({ inspect: false })
    const title = `iPhone 13 128GB 蓝色 ${serial}`
    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await openShop(page)
      // Two months of warranty for a phone: the server's rule, shown under the warranty field.
      await fillOffer(page, number, { title, price: '3299.9', warranty: 2 })
      await page.locator('[data-test=offer-save]').click()
      const warrantyItem = page.locator('[data-test=offer-form] .el-form-item.is-error', { has: page.locator('[data-test=offer-warranty]') })
      await warrantyItem.getByText('3 个月', { exact: false }).first().waitFor()
      await screenshot('shop-offer-warranty-rule')
      await field(page, 'offer-warranty').fill('3')
      await field(page, 'offer-warranty').blur()
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/offers') && r.method() === 'POST')
      await page.locator('[data-test=offer-save]').click()
      const body = JSON.parse((await sent).postData())
      assert.equal(body.price_fen, 329990) // 3299.9 yuan, exactly
      assert.equal(body.warranty_months, 3)
      assert.equal(body.item_id, item)

      // The publish dialog shows the current disclosure; publishing sends its version.
      const current = await (await fetch(`${server.url}/api/v1/items/${item}/disclosure`)).json()
      const dialog = page.locator('[data-test=publish-dialog]')
      await dialog.locator('[data-test=publish-disclosure]').waitFor()
      await dialog.getByText(`第 ${current.version} 版`, { exact: false }).waitFor()
      assert.equal(await dialog.locator('[data-test=publish-submit]').isDisabled(), true)
      await dialog.locator('[data-test=publish-confirm]').click()
      await screenshot('shop-publish-disclosure')
      const publish = page.waitForRequest((r) => r.url().includes('/publish'))
      await dialog.locator('[data-test=publish-submit]').click()
      assert.deepEqual(JSON.parse((await publish).postData()), { disclosure_version: current.version })
      await offerRow(page, title).locator('[data-test=offer-status-tag]', { hasText: '已上架' }).waitFor()
      await screenshot('shop-offer-published')

      // An item without an inspection: the refusal in plain words.
      await fillOffer(page, bare.number, { title: `未检测 ${serial}`, price: '100' })
      await page.locator('[data-test=offer-save]').click()
      await page.locator('[data-test=publish-dialog] [data-test=publish-confirm]').click()
      await page.locator('[data-test=publish-dialog] [data-test=publish-submit]').click()
      await page.locator('[data-test=publish-error]').getByText('物品尚无检测记录', { exact: false }).waitFor()
      await screenshot('shop-publish-refused')
    })
    const offer = await fetch(`${server.url}/api/v1/items/${item}/offers`).then((r) => r.json())
    assert.equal(offer.items[0].status, 'published')
    assert.equal(offer.items[0].price_fen, 329990)
  })

  test('a listing with a prohibited keyword is blocked, the operator appeals, market supervision lifts it', async () => {
    const { number } = await phone()
    const title = `高仿 iPhone 13 ${serial}`
    const statement = '这是正品，标题写错了，已附检测报告'
    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await openShop(page)
      await fillOffer(page, number, { title, price: '1999' })
      await page.locator('[data-test=offer-save]').click()
      const dialog = page.locator('[data-test=publish-dialog]')
      await dialog.locator('[data-test=publish-confirm]').click()
      await dialog.locator('[data-test=publish-submit]').click()
      const card = dialog.locator('[data-test=block-card]')
      await card.locator('[data-test=block-rule]').getByText('counterfeit_wording', { exact: false }).waitFor()
      await card.locator('[data-test=block-reason]').getByText('高仿', { exact: false }).waitFor()
      await screenshot('shop-listing-blocked')
      await field(page, 'appeal-statement').fill(statement)
      const appeal = page.waitForRequest((r) => r.url().endsWith('/appeal'))
      await card.locator('[data-test=appeal-submit]').click()
      assert.deepEqual(JSON.parse((await appeal).postData()), { statement })
      await card.locator('[data-test=block-status]', { hasText: '申诉中' }).waitFor()
      await screenshot('shop-listing-appealed')
    })
    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'market')
      await page.locator('.el-menu-item', { hasText: '市场监管' }).click()
      await page.waitForURL((u) => new URL(u).pathname === '/supervision')
      const row = page.locator('[data-test=blocks-table] .el-table__body tr', { hasText: statement })
      await row.getByText('高仿', { exact: false }).first().waitFor()
      await row.locator('[data-test=sv-status]', { hasText: '申诉中' }).waitFor()
      await screenshot('supervision-appealed')
      await page.locator('[data-test=blocks-table] .el-table__fixed-right tr, [data-test=blocks-table] .el-table__body tr', { hasText: statement })
        .locator('[data-test=sv-decide]').first().click()
      await field(page, 'sv-note').fill('复核检测报告为正品，解除拦截')
      const decided = page.waitForRequest((r) => r.url().endsWith('/decision'))
      await page.locator('[data-test=sv-save]').click()
      assert.deepEqual(JSON.parse((await decided).postData()), { decision: 'lift', note: '复核检测报告为正品，解除拦截' })
      await page.locator('[data-test=block-status-filter]').getByText('已解除').click()
      const lifted = page.locator('[data-test=blocks-table] .el-table__body tr', { hasText: statement })
      await lifted.locator('[data-test=sv-status]', { hasText: '已解除' }).first().waitFor()
      await screenshot('supervision-lifted')
      await page.locator('[data-test=supervision-tabs] .el-tabs__item', { hasText: '禁售规则' }).click()
      await page.locator('[data-test=rules-table]').getByText('counterfeit_wording').waitFor()
    })
    // Lifting returned the offer to draft.
    const clerk = await apiAs('shop.clerk')
    const offers = await clerk.call('GET', '/offers', undefined, 200)
    assert.equal(offers.body.items.find((o) => o.title === title).status, 'draft')
  })

  test('an order placed through the API is dispatched on the screen; a return with another serial is flagged and accepted', async () => {
    const { clerk, item, imei } = await phone()
    const title = `Apple iPhone 13 订单 ${serial}`
    const offer = await clerk.call('POST', '/offers', { item_id: item, channel: 'online', title, price_fen: 280050, warranty_months: 3, return_days: 7 }, 201)
    const disclosure = await (await fetch(`${server.url}/api/v1/items/${item}/disclosure`)).json()
    await clerk.call('POST', `/offers/${offer.body.id}/publish`, { disclosure_version: disclosure.version }, 200)
    const order = await clerk.call('POST', '/orders', {
      offer_id: offer.body.id, buyer_ref: 'B-2026-0042', provider: 'simulated', accepted_disclosure_version: disclosure.version,
    }, 201)
    await clerk.call('POST', `/orders/${order.body.id}/pay`, { amount_fen: 280050 }, 200)

    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await openShop(page)
      await page.locator('[data-test=shop-tabs] .el-tabs__item', { hasText: '订单' }).click()
      const row = page.locator('[data-test=orders-table] .el-table__body tr', { hasText: title })
      await row.locator('[data-test=order-state-tag]', { hasText: '已付款' }).waitFor()
      await page.locator('[data-test=orders-table] tr', { hasText: title }).locator('[data-test=order-open]').first().click()
      const drawer = page.locator('[data-test=order-drawer]')
      await drawer.locator('[data-test=dispatch-form]').waitFor()
      await field(page, 'dispatch-tracking').fill('SF1234567890')
      await field(page, 'dispatch-serials').fill(`${imei}\n`)
      // The photo is uploaded to the order as it is chosen and shown as a thumbnail.
      const uploaded = page.waitForResponse((r) => r.url().includes(`/orders/${order.body.id}/photos?stage=dispatch`) && r.status() === 201)
      await drawer.locator('input[data-test=dispatch-photos-input]').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG })
      const photo = await (await uploaded).json()
      await drawer.getByText('已上传 1 张').waitFor()
      await drawer.locator('[data-test=dispatch-photos] img[data-test=order-photo-thumb]').waitFor()
      await screenshot('shop-dispatch-form')
      const sent = page.waitForRequest((r) => r.url().endsWith('/dispatch'))
      await drawer.locator('[data-test=dispatch-submit]').click()
      const body = JSON.parse((await sent).postData())
      assert.equal(body.method, 'shipping')
      assert.equal(body.tracking, 'SF1234567890')
      assert.deepEqual(body.serials, [imei])
      assert.deepEqual(body.photos, [photo.ref])
      await drawer.locator('[data-test=order-drawer-state]', { hasText: '已发货' }).waitFor()
      await drawer.locator('[data-test=dispatch-record]').getByText(imei).waitFor()
      await drawer.locator('[data-test=dispatch-record-photos][data-count="1"] img').waitFor()
      await screenshot('shop-dispatched')
    })
    const dispatched = await clerk.call('GET', `/orders/${order.body.id}`, undefined, 200)
    assert.deepEqual(dispatched.body.dispatch.serials, [imei])

    // The buyer receives it and returns an item whose serial is not the one sent.
    await clerk.call('POST', `/orders/${order.body.id}/receive`, { condition: 'as_described' }, 200)
    const other = newImei()
    // At the counter (an order with a buyer_ref) the staff take the return's photo for the buyer.
    const returnPhoto = await orderPhoto(clerk, order.body.id, 'return', GREY_PNG)
    const ret = await clerk.call('POST', `/orders/${order.body.id}/returns`, { serials: [other], photos: [returnPhoto], reason: '与描述不符' }, 201)
    assert.equal(ret.body.flagged, true)
    assert.equal(ret.body.details.photos_missing, false)

    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await openShop(page)
      await page.locator('[data-test=shop-tabs] .el-tabs__item', { hasText: '订单' }).click()
      await page.locator('[data-test=order-state]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '退货申请中' }).click()
      await page.locator('[data-test=orders-table] tr', { hasText: title }).locator('[data-test=order-open]').first().click()
      const drawer = page.locator('[data-test=order-drawer]')
      const flag = drawer.locator('[data-test=serial-mismatch]')
      await flag.getByText('序列号不一致', { exact: false }).waitFor()
      await flag.getByText(other, { exact: false }).waitFor()
      assert.equal(await drawer.locator('[data-test=serial-match]').count(), 0)
      await drawer.locator('[data-test=returned-serials] .el-tag--danger', { hasText: other }).waitFor()
      // The dispatch's photo and the return's side by side, each fetched with the session.
      const compare = drawer.locator('[data-test=return-photo-compare]')
      await compare.locator('[data-test=after-dispatch-photos][data-count="1"] img').waitFor()
      await compare.locator('[data-test=after-return-photos][data-count="1"] img').waitFor()
      for (const side of ['after-dispatch-photos', 'after-return-photos']) {
        assert.ok(await compare.locator(`[data-test=${side}] img`).evaluate((img) => img.src.startsWith('blob:') && img.naturalWidth > 0), side)
      }
      assert.equal(await drawer.locator('[data-test=photos-missing]').count(), 0)
      const accept = drawer.locator('[data-test=return-accept]')
      assert.equal(await accept.isDisabled(), true)
      await screenshot('shop-return-flagged')
      await drawer.locator('[data-test=return-override]').click()
      const sent = page.waitForRequest((r) => r.url().endsWith('/accept'))
      await accept.click()
      assert.deepEqual(JSON.parse((await sent).postData()), { refund_fen: 280050, override_flag: true })
      await drawer.locator('[data-test=order-drawer-state]', { hasText: '已退款' }).waitFor()
      await drawer.locator('[data-test=order-refunded]', { hasText: '¥2,800.50' }).waitFor()
      await drawer.locator('[data-test=after-return] [data-test=after-status]', { hasText: '已接受' }).waitFor()
      await screenshot('shop-return-accepted')
    })
    const refunded = await clerk.call('GET', `/orders/${order.body.id}`, undefined, 200)
    assert.equal(refunded.body.state, 'refunded')
    assert.equal(refunded.body.refunded_fen, 280050)
  })

  test('the operator answers a pending best offer with a counter-offer typed in yuan', async () => {
    const { clerk, item } = await phone()
    const title = `iPhone 13 议价 ${serial}`
    const offer = await clerk.call('POST', '/offers', {
      item_id: item, channel: 'online', title, price_fen: 300000, warranty_months: 3, return_days: 7,
      best_offer: { enabled: true, auto_accept_fen: 290000, auto_decline_fen: 200000 },
    }, 201)
    const disclosure = await (await fetch(`${server.url}/api/v1/items/${item}/disclosure`)).json()
    await clerk.call('POST', `/offers/${offer.body.id}/publish`, { disclosure_version: disclosure.version }, 200)
    const low = await clerk.call('POST', `/offers/${offer.body.id}/best-offers`, { buyer_ref: 'B-LOW', amount_fen: 150000 }, 201)
    assert.equal(low.body.status, 'declined')
    const pending = await clerk.call('POST', `/offers/${offer.body.id}/best-offers`, { buyer_ref: 'B-PENDING', amount_fen: 250000 }, 201)
    assert.equal(pending.body.status, 'pending')

    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await openShop(page)
      await page.locator('[data-test=offers-table] tr', { hasText: title }).locator('[data-test=offer-best-offers]').first().click()
      const dialog = page.locator('[data-test=best-dialog]')
      const row = dialog.locator('.el-table__body tr', { hasText: 'B-PENDING' })
      await row.getByText('待处理').waitFor()
      await dialog.locator('.el-table__body tr', { hasText: 'B-LOW' }).getByText('已拒绝').waitFor()
      assert.equal(await dialog.locator('.el-table__body tr', { hasText: 'B-LOW' }).locator('[data-test=best-accept]').count(), 0)
      await row.locator('input[data-test=best-counter-amount]').fill('2799.99')
      const sent = page.waitForRequest((r) => r.url().endsWith('/respond'))
      await row.locator('[data-test=best-counter]').click()
      assert.deepEqual(JSON.parse((await sent).postData()), { action: 'counter', counter_fen: 279999 })
      await row.getByText('已还价').waitFor()
      await row.getByText('¥2,799.99').waitFor()
      await screenshot('shop-best-offer-countered')
    })
    const answered = await clerk.call('GET', `/best-offers/${pending.body.id}`, undefined, 200)
    assert.equal(answered.body.status, 'countered')
    assert.equal(answered.body.counter_fen, 279999)
  })
})
