// Browser test of English auctions (issue 17 items 6 and 7): the operator creates a bidding offer
// in the new-offer dialog (sale mode, start price, Buy-It-Now, end time, soft close) and publishes
// it; two buyers in two browsers bid against each other with maximum (proxy) bids; the price
// rises to the lower maximum plus one increment; each page shows "winning" or "outbid" (the
// other's page learns it by polling GET /offers/{id}/auction); Buy-It-Now is gone after the first
// bid. The auction ends by the real clock (the end is set 90 s ahead: the server has no test
// clock) and the server's minute job closes it: the winner has an order at the hammer price and
// the item's public history shows the auction closed with a band and the number of bidders.
// B bids at 390 px. Real recirc (`recirc demo`, no hold period) and Debian's Chromium.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, imeiSource } from './support/api.mjs'

const TIMEOUT = 420_000
const END_IN_MS = 90_000

let server
before(async () => {
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})
const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const newImei = imeiSource('35693804')

const PHOTO = `sha256:${'a'.repeat(64)}`
const RESULTS = {
  powers_on: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', buttons: 'pass',
  charging: 'pass', connectivity: 'pass', battery_health: 91, liquid_indicator: 'not_triggered',
  activation_lock: 'off', screen_glass: 'flawless', housing: 'light_wear', photo_front: PHOTO, photo_back: PHOTO,
}
const SIGN = { title: '技术员', date: '2026-12-01', place: '北京市朝阳区' }
const WIPE = {
  manufacturer: 'Apple', model: 'iPhone 14', serial: 'F2LXK0AUCT', media_type: 'flash', media_source: 'internal',
  level: 'purge', method: 'crypto_erase', tool: 'recirc-wipe', tool_version: '2.1', verification_method: 'read-back',
  verification_result: 'passed', sanitizer: { ...SIGN, name: '钱清除' }, verifier: { ...SIGN, name: '孙复核' },
  consent: { given: true, scope: '全部用户数据', method_explained: true, date: '2026-11-30' }, destination: 'resale',
}

/** An inspected and sanitized phone of shop.clerk's, ready to be offered. */
async function phone() {
  const clerk = await apiSession(server.url, 'shop.clerk')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`, undefined, 200)
  const r = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id, kind: 'purchase', channel: 'store', price_fen: 150000,
    payment_method: 'cash', person_matches_id: true, origin_statement: '自用一年',
    seller: { kind: 'individual', name: '王五', id_type: 'passport', id_number: `E${Date.now() % 1_000_000}` },
    item: { category: 'phone', brand: 'Apple', model: 'iPhone 14', identifiers: { imei: newImei() }, condition: '九成新' },
  }, 201)
  const inspector = await apiSession(server.url, 'inspector')
  await inspector.call('POST', `/items/${r.body.item_id}/inspections`, { results: RESULTS }, 201)
  await clerk.call('POST', `/items/${r.body.item_id}/sanitizations`, WIPE, 201)
  return { clerk, item: r.body.item_id, number: r.body.number }
}

async function newBuyer(username) {
  const r = await fetch(`${server.url}/api/v1/buyers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'buyer-pass-2026', display_name: '竞买人' }),
  })
  assert.equal(r.status, 201, await r.text())
}

function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}

/** A buyer opens the offer page, logs in from the bidding box and comes back to it. */
async function buyerOn(page, offerPath, username) {
  await page.goto(offerPath)
  await page.locator('[data-test=auction-login]').click()
  await page.waitForURL((u) => new URL(u).pathname === '/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill('buyer-pass-2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => new URL(u).pathname === offerPath)
  await page.locator('[data-test=auction-max]').waitFor()
}

async function bid(page, offerId, yuan) {
  await field(page, 'auction-max').fill(String(yuan))
  const answer = page.waitForResponse((r) => r.url().endsWith(`/offers/${offerId}/bids`) && r.request().method() === 'POST')
  await page.locator('[data-test=auction-bid]').click()
  assert.equal((await answer).status(), 201)
}

describe('english auctions', { timeout: TIMEOUT }, () => {
  test('two buyers bid by proxy; the price is the lower maximum plus one increment; the winner gets the order', async () => {
    const { item, number } = await phone()
    const stamp = Date.now() % 100_000
    const [userA, userB] = [`bidder-a-${stamp}`, `bidder-b-${stamp}`]
    await newBuyer(userA)
    await newBuyer(userB)
    const title = `iPhone 14 竞价 ${stamp}`

    // The operator: a bidding offer from the new-offer dialog, published with its disclosure.
    let offerId
    await withBrowser({}, async ({ page, screenshot }) => {
      await logIn(page, 'shop.clerk')
      await page.locator('.el-menu-item', { hasText: '商品上架与订单' }).click()
      await page.waitForURL((u) => new URL(u).pathname === '/shop')
      await page.locator('[data-test=offer-new]').click()
      await page.locator('[data-test=offer-item]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: new RegExp(`^\\s*${number} ·`) }).first().click()
      await field(page, 'offer-title').fill(title)
      await page.locator('[data-test=offer-sale-mode]').getByText('竞价', { exact: false }).click()
      await page.locator('[data-test=offer-increments]').waitFor()
      await field(page, 'offer-price').fill('1000')
      await field(page, 'offer-buy-it-now').fill('5000')
      await field(page, 'offer-soft-close').fill('0')
      await field(page, 'offer-extension').fill('0')
      const endMs = Math.ceil((Date.now() + END_IN_MS) / 1000) * 1000
      // datetime-local is the browser's local time: written the page's way.
      const local = await page.evaluate((ms) => {
        const d = new Date(ms)
        const p = (n) => String(n).padStart(2, '0')
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
      }, endMs)
      await field(page, 'offer-ends-at').fill(local)
      await screenshot('auction-create')
      const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/offers') && r.method() === 'POST')
      await page.locator('[data-test=offer-save]').click()
      const body = JSON.parse((await sent).postData())
      assert.equal(body.sale_mode, 'english_auction')
      assert.equal(body.price_fen, 100000)
      assert.deepEqual(body.auction, {
        ends_at: new Date(endMs).toISOString(), soft_close_minutes: 0, extension_minutes: 0, buy_it_now_fen: 500000,
      })
      assert.equal(body.best_offer, undefined)
      const dialog = page.locator('[data-test=publish-dialog]')
      await dialog.locator('[data-test=publish-confirm]').click()
      await dialog.locator('[data-test=publish-submit]').click()
      await page.locator('[data-test=offers-table] .el-table__body tr', { hasText: title }).locator('[data-test=offer-status-tag]', { hasText: '已上架' }).waitFor()
    })
    const offers = await fetch(`${server.url}/api/v1/items/${item}/offers`).then((r) => r.json())
    offerId = offers.items.find((o) => o.sale_mode === 'english_auction').id
    const offerPath = `/market/offers/${offerId}`
    const state = () => fetch(`${server.url}/api/v1/offers/${offerId}/auction`).then((r) => r.json())

    await withBrowser({}, async (a) => {
      await withBrowser({}, async (b) => {
        await buyerOn(a.page, offerPath, userA)
        await a.page.locator('[data-test=auction-label]', { hasText: '竞价' }).waitFor() // not a licensed auctioneer
        await a.page.locator('[data-test=auction-price]', { hasText: '¥1,000.00' }).waitFor()
        await a.page.locator('[data-test=auction-buy-now]').waitFor() // before the first bid
        await bid(a.page, offerId, 2000)
        await a.page.locator('[data-test=auction-standing][data-standing=winning]').waitFor()
        await a.page.locator('[data-test=auction-price]', { hasText: '¥1,000.00' }).waitFor() // one bidder: the start
        assert.equal(await a.page.locator('[data-test=auction-buy-now]').count(), 0, 'Buy-It-Now goes with the first bid')

        // B bids from a phone: the bidding box fits 390 px without sideways scrolling.
        await b.page.setViewportSize({ width: 390, height: 844 })
        await buyerOn(b.page, offerPath, userB)
        const wide = await b.page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(wide <= 390, `the page is ${wide} px wide at 390 px`)
        await bid(b.page, offerId, 1500)
        // A's maximum bids for A: 1,500 + one increment (10 yuan in the 1,000-2,500 yuan band).
        await b.page.locator('[data-test=auction-standing][data-standing=outbid]').waitFor()
        await b.page.locator('[data-test=auction-price]', { hasText: '¥1,510.00' }).waitFor()
        await b.screenshot('auction-outbid')
        // A's page learns it by polling, and A is still winning.
        await a.page.locator('[data-test=auction-price]', { hasText: '¥1,510.00' }).waitFor()
        await a.page.locator('[data-test=auction-bids]', { hasText: '2' }).waitFor()
        await a.page.locator('[data-test=auction-standing][data-standing=winning]').waitFor()
        await a.screenshot('auction-winning')
        const s = await state()
        assert.equal(s.price_fen, 151000)
        assert.equal(s.bid_count, 2)
        assert.equal(s.winning, undefined, 'an anonymous caller is told nothing about standing')

        // The end passes; the server's minute job closes the auction.
        const deadline = Date.now() + END_IN_MS + 150_000
        let closed = s
        while (closed.phase === 'open' && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 2000))
          closed = await state()
        }
        assert.equal(closed.phase, 'sold', 'the close job ended the auction')
        await a.page.locator('[data-test=auction-won]').waitFor({ timeout: 30_000 })
        await b.page.locator('[data-test=auction-phase-sold], [data-test=auction][data-phase=sold]').first().waitFor({ timeout: 30_000 })
        assert.equal(await b.page.locator('[data-test=auction-won]').count(), 0)
        await a.screenshot('auction-won')
      })
    })
    const winner = await apiSession(server.url, userA, 'buyer-pass-2026')
    const mine = await winner.call('GET', '/orders/mine', undefined, 200)
    const order = mine.body.items.find((o) => o.offer_id === offerId)
    assert.ok(order, 'the winner has an order')
    assert.equal(order.price_fen, 151000)
    const loser = await apiSession(server.url, userB, 'buyer-pass-2026')
    const theirs = await loser.call('GET', '/orders/mine', undefined, 200)
    assert.equal(theirs.body.items.filter((o) => o.offer_id === offerId).length, 0)

    // The item's public history: opened and closed, a band and the number of bidders, nobody's name.
    let passport
    for (let i = 0; i < 30; i++) {
      passport = await fetch(`${server.url}/api/v1/items/${item}/passport`).then((r) => r.text())
      if (passport.includes('item.auction_closed')) break
      await new Promise((r) => setTimeout(r, 1000))
    }
    assert.ok(passport.includes('item.auction_opened'), passport)
    assert.ok(passport.includes('item.auction_closed'), passport)
    assert.ok(passport.includes('"bidders":2'), passport)
    assert.ok(!passport.includes(userA) && !passport.includes(userB), 'no bidder in the public history')
    assert.ok(!passport.includes(winner.session.user.id), 'no bidder id in the public history')
  })
})
