// Browser tests of the after-sales decisions (issue 6): the operator refuses a return with a
// reason, the buyer sees the refusal on My orders and opens a dispute from it; a warranty claim is
// decided refund on the operator's screen and the buyer sees the refund. Real recirc (`recirc
// demo`, no statutory hold period) and Debian's Chromium; the sale is set up through the API.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, imeiSource, orderPhoto } from './support/api.mjs'

const TIMEOUT = 240_000
let server
before(async () => {
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})
const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const apiAs = (username, password) => apiSession(server.url, username, password)
const newImei = imeiSource('35332211')
let serial = (Date.now() % 100_000) * 11

const PHOTO = `sha256:${'e'.repeat(64)}`
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

/** A phone sold online to a new buyer account, dispatched and received: {clerk, buyer, username, order, imei, title}. */
async function receivedPhone(title) {
  const clerk = await apiAs('shop.clerk')
  const inspector = await apiAs('inspector')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`, undefined, 200)
  const imei = newImei()
  const reg = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id, kind: 'purchase', channel: 'store', price_fen: 150000,
    payment_method: 'cash', person_matches_id: true, origin_statement: '自用一年',
    seller: { kind: 'individual', name: '李四', id_type: 'passport', id_number: `E${serial++}` },
    item: { category: 'phone', brand: 'Apple', model: 'iPhone 13', identifiers: { imei }, condition: '九成新' },
  }, 201)
  const item = reg.body.item_id
  await inspector.call('POST', `/items/${item}/inspections`, { results: RESULTS }, 201)
  await clerk.call('POST', `/items/${item}/sanitizations`, WIPE, 201)
  const offer = await clerk.call('POST', '/offers', {
    item_id: item, channel: 'online', title, price_fen: 350000, warranty_months: 3, return_days: 7,
  }, 201)
  const version = (await (await fetch(`${server.url}/api/v1/items/${item}/disclosure`)).json()).latest_version
  await clerk.call('POST', `/offers/${offer.body.id}/publish`, { disclosure_version: version }, 200)
  const username = `after-${Date.now()}-${serial++}`
  const signup = await fetch(`${server.url}/api/v1/buyers`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'buyer-pass-2026', display_name: username }),
  })
  assert.equal(signup.status, 201, await signup.text())
  const buyer = await apiAs(username, 'buyer-pass-2026')
  const order = await buyer.call('POST', '/orders', { offer_id: offer.body.id, provider: 'simulated', accepted_disclosure_version: version }, 201)
  const id = order.body.id
  await buyer.call('POST', `/orders/${id}/pay`, { amount_fen: 350000 }, 200)
  await clerk.call('POST', `/orders/${id}/dispatch`, { method: 'shipping', serials: [imei], photos: [await orderPhoto(clerk, id, 'dispatch')] }, 200)
  await buyer.call('POST', `/orders/${id}/receive`, { condition: 'as_described' }, 200)
  return { clerk, buyer, username, order: id, imei, title }
}

function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}
async function openOrderInShop(page, title) {
  await logIn(page, 'shop.clerk')
  await page.locator('.el-menu-item', { hasText: '商品上架与订单' }).click()
  await page.waitForURL((u) => new URL(u).pathname === '/shop')
  await page.locator('[data-test=shop-tabs] .el-tabs__item', { hasText: '订单' }).click()
  await page.locator('[data-test=orders-table] tr', { hasText: title }).locator('[data-test=order-open]').first().click()
  return page.locator('[data-test=order-drawer]')
}
async function buyerOrders(page, username) {
  await page.goto('/login?redirect=/market/orders')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill('buyer-pass-2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => new URL(u).pathname === '/market/orders')
}

describe('after-sales decisions', { timeout: TIMEOUT }, () => {
  test('the operator refuses a return with a reason; the buyer sees it and opens a dispute', async () => {
    const s = await receivedPhone(`iPhone 13 拒退 ${serial}`)
    await s.buyer.call('POST', `/orders/${s.order}/returns`, { serials: [newImei()], reason: '不想要了' }, 201)
    const reason = '退回的手机 IMEI 与售出的不一致'

    await withBrowser({}, async ({ page, screenshot }) => {
      const drawer = await openOrderInShop(page, s.title)
      const card = drawer.locator('[data-test=after-return]')
      await card.locator('[data-test=serial-mismatch]').waitFor()
      // Without a reason the server names the field; the refusal is shown on the card.
      await card.locator('[data-test=return-refuse]').click()
      await card.locator('[data-test=decision-error]').waitFor()
      await field(page, 'return-refuse-reason').fill(reason)
      const sent = page.waitForRequest((r) => r.url().endsWith('/refuse'))
      await card.locator('[data-test=return-refuse]').click()
      assert.deepEqual(JSON.parse((await sent).postData()), { reason })
      await drawer.locator('[data-test=order-drawer-state]', { hasText: '已收货' }).waitFor()
      await drawer.locator('[data-test=after-return] [data-test=after-status]', { hasText: '已拒绝' }).waitFor()
      await drawer.locator('[data-test=after-return] [data-test=refusal-reason]', { hasText: reason }).waitFor()
      assert.equal(await drawer.locator('[data-test=return-accept]').count(), 0)
      await screenshot('after-sales-return-refused')
    })

    await withBrowser({}, async ({ page, screenshot }) => {
      await buyerOrders(page, s.username)
      const row = page.locator(`[data-test=order][data-order="${s.order}"]`)
      const ret = row.locator('[data-test=after-sale][data-kind=return][data-status=refused]')
      await ret.locator('[data-test=after-sale-refusal]', { hasText: reason }).waitFor()
      await screenshot('after-sales-buyer-sees-refusal')
      await ret.locator('[data-test=after-sale-dispute]').click()
      await field(page, 'f-claim').waitFor()
      await field(page, 'f-claim').fill('退回的就是原机，请复检')
      const sent = page.waitForRequest((r) => r.url().endsWith(`/orders/${s.order}/disputes`))
      await page.locator('[data-test=order-dialog-submit]').click()
      const body = JSON.parse((await sent).postData())
      assert.ok(body.report_id)
      await row.locator('[data-test=after-sale][data-kind=dispute][data-status=open]').waitFor()
      await screenshot('after-sales-dispute-opened')
    })
    const cases = (await s.clerk.call('GET', `/orders/${s.order}/after-sales`, undefined, 200)).body.items
    assert.deepEqual(cases.map((c) => [c.kind, c.status]).sort(), [['dispute', 'open'], ['return', 'refused']])
  })

  test('a warranty claim is decided refund on the operator screen and the buyer sees the refund', async () => {
    const s = await receivedPhone(`iPhone 13 保修 ${serial}`)
    await s.buyer.call('POST', `/orders/${s.order}/warranty-claims`, { fault: '无法充电' }, 201)

    await withBrowser({}, async ({ page, screenshot }) => {
      const drawer = await openOrderInShop(page, s.title)
      const card = drawer.locator('[data-test=after-warranty]')
      await card.locator('[data-test=warranty-decide-form]').waitFor()
      await card.locator('[data-test=warranty-outcome-select]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '退款' }).first().click()
      await field(page, 'warranty-amount').fill('1000')
      await field(page, 'warranty-note').fill('充电口损坏，部分退款')
      const sent = page.waitForRequest((r) => r.url().endsWith('/decision'))
      await card.locator('[data-test=warranty-decide]').click()
      assert.deepEqual(JSON.parse((await sent).postData()), { outcome: 'refund', note: '充电口损坏，部分退款', amount_fen: 100000 })
      await drawer.locator('[data-test=order-refunded]', { hasText: '¥1,000.00' }).waitFor()
      await drawer.locator('[data-test=after-warranty] [data-test=after-status]', { hasText: '已退款' }).waitFor()
      await screenshot('after-sales-warranty-refunded')
    })

    await withBrowser({}, async ({ page, screenshot }) => {
      await buyerOrders(page, s.username)
      const claim = page.locator(`[data-test=order][data-order="${s.order}"] [data-test=after-sale][data-kind=warranty][data-status=refunded]`)
      await claim.locator('[data-test=after-sale-refund]', { hasText: '¥1,000.00' }).waitFor()
      await claim.locator('[data-test=after-sale-note]', { hasText: '充电口损坏，部分退款' }).waitFor()
      await screenshot('after-sales-buyer-sees-refund')
    })
    const order = (await s.clerk.call('GET', `/orders/${s.order}`, undefined, 200)).body
    assert.equal(order.refunded_fen, 100000)
    assert.equal(order.state, 'received')
  })
})
