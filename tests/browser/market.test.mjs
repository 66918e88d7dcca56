// Browser tests of the public market and the buyer's pages (issue 6 item 7): a buyer signs up,
// finds a phone by 手机, by its model name and by a mixed query, reads its disclosure, buys it
// with the simulated payment, confirms receipt after the operator dispatched it, and sees the
// sale in the item's history; a return with a different serial is flagged; an item put on hold
// after publishing says why it cannot be bought and has no buy button. Against the real recirc
// server (`recirc demo`, with no statutory hold period so that items set up here can be sold at
// once) in Debian's Chromium. Data is set up through the API as the shop and the inspector would.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, GREY_PNG, imeiSource, orderPhoto } from './support/api.mjs'

const TIMEOUT = 240_000
let server

before(async () => {
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const apiLogin = (username, password) => apiSession(server.url, username, password)
const newImei = imeiSource('35290611')
let serial = (Date.now() % 100_000) * 7

async function publicGet(path) {
  const res = await fetch(`${server.url}/api/v1${path}`)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/**
 * Waits until the item's public passport holds an event of this type. The passport shows only
 * sequenced leaves, and the sequencer integrates a batch per checkpoint interval, so an event just
 * written reaches it a little later; the page reads the passport once when it opens.
 */
async function passportShows(item, type) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const passport = (await publicGet(`/items/${item}/passport`)).body
    if (passport?.events?.some((e) => e.leaf.type === type)) return passport
    assert.ok(Date.now() < deadline, `the passport of ${item} never showed ${type}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const PHOTO = `sha256:${'b'.repeat(64)}`
const RESULTS = {
  powers_on: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', buttons: 'pass',
  charging: 'pass', connectivity: 'pass', battery_health: 88, liquid_indicator: 'not_triggered',
  activation_lock: 'off', screen_glass: 'flawless', housing: 'light_wear', photo_front: PHOTO, photo_back: PHOTO,
}
const SIGN = { title: '技术员', date: '2026-12-01', place: '北京市朝阳区' }
function wipe(brand, model) {
  return {
    manufacturer: brand, model, serial: 'SN-MARKET', media_type: 'flash', media_source: '内置存储', level: 'purge',
    method: 'block_erase', tool: 'recirc-wipe', tool_version: '2.1', verification_method: '抽样读取',
    verification_result: 'passed', sanitizer: { ...SIGN, name: '钱清除' }, verifier: { ...SIGN, name: '孙复核' },
    consent: { given: true, scope: '全部用户数据', method_explained: true, date: '2026-12-01' }, destination: 'resale',
  }
}

/**
 * The shop registers a phone, the inspection body inspects it, the shop records the data wipe and
 * publishes a fixed-price online offer; returns {offer, item, acquisition, imei} once search finds it.
 */
async function publishedPhone({ brand, model, title, description, price }) {
  const clerk = await apiLogin('shop.clerk')
  const inspector = await apiLogin('inspector')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`)
  const imei = newImei()
  const reg = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id, kind: 'purchase', channel: 'store', price_fen: 150000,
    payment_method: 'cash', person_matches_id: true, origin_statement: '自用两年',
    seller: { kind: 'individual', name: '赵六', id_type: 'passport', id_number: `E${serial++}` },
    item: { category: 'phone', brand, model, identifiers: { imei }, condition: '九成新' },
  })
  assert.equal(reg.status, 201, JSON.stringify(reg.body))
  const item = reg.body.item_id
  const inspected = await inspector.call('POST', `/items/${item}/inspections`, { results: RESULTS })
  assert.equal(inspected.status, 201, JSON.stringify(inspected.body))
  const wiped = await clerk.call('POST', `/items/${item}/sanitizations`, wipe(brand, model))
  assert.equal(wiped.status, 201, JSON.stringify(wiped.body))
  const offer = await clerk.call('POST', '/offers', {
    item_id: item, channel: 'online', title, description, price_fen: price, warranty_months: 3, return_days: 7,
  })
  assert.equal(offer.status, 201, JSON.stringify(offer.body))
  const disclosure = await publicGet(`/items/${item}/disclosure`)
  const published = await clerk.call('POST', `/offers/${offer.body.id}/publish`, { disclosure_version: disclosure.body.latest_version })
  assert.equal(published.status, 200, JSON.stringify(published.body))
  assert.equal(published.body.offer.status, 'published')
  // The search index follows the journal: wait until the listing is found by its model.
  for (let i = 0; ; i++) {
    const found = await publicGet(`/search?q=${encodeURIComponent(model)}`)
    if (found.body?.items?.some((l) => l.listing_id === offer.body.id)) break
    assert.ok(i < 300, 'the listing never reached the search index')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { offer: offer.body.id, item, acquisition: reg.body.id, imei, clerk }
}

/** A buyer account made through the API (the sign-up page has its own test below). */
async function apiBuyer(username) {
  const r = await fetch(`${server.url}/api/v1/buyers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'buyer-pass-2026', display_name: username }),
  })
  assert.equal(r.status, 201, await r.text())
  return apiLogin(username, 'buyer-pass-2026')
}

/** An Element Plus input or textarea by its data-test (the attribute lands on the element itself). */
function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}

const card = (page, offer) => page.locator(`[data-test=result-card][data-listing="${offer}"]`)

async function searchFor(page, words) {
  await field(page, 'market-q').fill(words)
  await page.locator('[data-test=market-search]').click()
  await page.waitForURL((u) => new URL(u).searchParams.get('q') === words)
}

describe('market', { timeout: TIMEOUT }, () => {
  test('a buyer signs up, finds the phone three ways, reads the disclosure, buys it and receives it', async () => {
    const phone = await publishedPhone({
      brand: 'Huawei', model: 'Mate 40 Pro', title: '华为 Mate 40 Pro 手机 8+256 亮黑', description: '麒麟9000，电池 88%', price: 289900,
    })
    const username = `buyer-${Date.now()}`
    let orderId
    await withBrowser({}, async ({ page, screenshot }) => {
      await page.goto('/market')
      await page.locator('[data-test=header-signup]').click()
      await page.waitForURL((u) => new URL(u).pathname === '/market/signup')
      // A username that is taken: the server's 409 names the field, shown under it.
      await field(page, 'signup-username').fill('shop.clerk')
      await field(page, 'signup-password').fill('buyer-pass-2026')
      await field(page, 'signup-display-name').fill('小王')
      await page.locator('[data-test=signup-submit]').click()
      await page.locator('[data-test=signup-form] .el-form-item.is-error', { has: page.locator('[data-test=signup-username]') }).waitFor()
      await screenshot('market-signup-taken')
      await field(page, 'signup-username').fill(username)
      await page.locator('[data-test=signup-submit]').click()
      await page.waitForURL((u) => new URL(u).pathname === '/market')
      await page.locator('[data-test=header-orders]').waitFor()
      await page.locator('[data-test=header-user]', { hasText: '小王' }).waitFor()

      // 手机: the two-character word finds it; the card shows price in yuan, grade and region.
      await searchFor(page, '手机')
      const found = card(page, phone.offer)
      await found.waitFor()
      await found.locator('[data-test=result-price]', { hasText: '¥2,899.00' }).waitFor()
      assert.match(await found.locator('[data-test=result-grade]').innerText(), /\//, 'the grade of both scales')
      await screenshot('market-search-phone')

      // A facet is a filter in the URL; the back button undoes it.
      await page.locator('[data-test=facet-category] [data-value=phone]').click()
      await page.waitForURL((u) => new URL(u).searchParams.get('category') === 'phone')
      await found.waitFor()
      await page.locator('[data-test=facet-category] [data-value=phone].chosen').waitFor()
      await page.goBack()
      await page.waitForURL((u) => !new URL(u).searchParams.has('category') && new URL(u).searchParams.get('q') === '手机')

      // The model name, and a mixed query: every word must match.
      await searchFor(page, 'Mate 40')
      await card(page, phone.offer).waitFor()
      await searchFor(page, '华为 手机')
      await card(page, phone.offer).waitFor()
      await searchFor(page, '华为 沙发')
      await page.locator('[data-test=market-none]').waitFor()

      // A shared link gives the same results.
      await passportShows(phone.item, 'item.offered')
      await page.goto(`/market?q=${encodeURIComponent('Mate 40 手机')}&category=phone`)
      await card(page, phone.offer).click()
      await page.waitForURL((u) => new URL(u).pathname === `/market/offers/${phone.offer}`)
      await page.locator('[data-test=offer-title]', { hasText: '华为 Mate 40 Pro 手机' }).waitFor()
      await page.locator('[data-test=offer-price]', { hasText: '¥2,899.00' }).waitFor()
      await page.locator('[data-test=offer-report-link]').waitFor()
      const disclosure = (await publicGet(`/items/${phone.item}/disclosure`)).body
      await page.locator('[data-test=offer-disclosure-version]', { hasText: String(disclosure.version) }).waitFor()
      assert.equal((await page.locator('[data-test=offer-disclosure-text]').innerText()).trim(), disclosure.text['zh-CN'].trim())
      await page.locator('[data-test=history-event][data-type="item.offered"]').waitFor()
      assert.equal(await page.locator('[data-test=verify-history]').getAttribute('href'), `/items/${phone.item}`)
      await screenshot('market-offer')

      // Checkout: the disclosure must be accepted; the payment is labelled simulated.
      await page.locator('[data-test=buy]').click()
      await page.waitForURL((u) => new URL(u).pathname === `/market/offers/${phone.offer}/checkout`)
      await page.locator('[data-test=simulated-payment]', { hasText: '模拟支付' }).waitFor()
      await page.locator('[data-test=place-order]').click()
      await page.getByText('请先阅读并接受信息披露').waitFor()
      await page.locator('[data-test=accept-disclosure]').click()
      // Delivery to an address: each missing field is named before anything is sent.
      await page.locator('[data-test=delivery-delivery]').click()
      await page.locator('[data-test=place-order]').click()
      await page.getByText('快递需要收货地址').waitFor()
      await page.locator('input[data-test=delivery-recipient]').fill('李四')
      await page.locator('input[data-test=delivery-phone]').fill('13800138000')
      await page.locator('input[data-test=delivery-address]').fill('北京市朝阳区建国路 88 号')
      await page.locator('input[data-test=delivery-region]').fill('110105')
      await screenshot('market-checkout-delivery')
      const placed = page.waitForRequest((r) => r.url().endsWith('/api/v1/orders') && r.method() === 'POST')
      await page.locator('[data-test=place-order]').click()
      const body = JSON.parse((await placed).postData())
      const delivery = { mode: 'delivery', recipient: '李四', phone: '13800138000', address: '北京市朝阳区建国路 88 号', region_code: '110105' }
      assert.deepEqual(body, { offer_id: phone.offer, provider: 'simulated', accepted_disclosure_version: disclosure.version, delivery })
      await page.waitForURL((u) => new URL(u).pathname === '/market/orders')
      const order = page.locator('[data-test=order][data-state=paid]')
      await order.waitFor()
      orderId = await order.getAttribute('data-order')
      await screenshot('market-order-paid')
    })

    // The operator dispatches (through the API), with the phone's IMEI as the dispatched serial.
    const dispatched = await phone.clerk.call('POST', `/orders/${orderId}/dispatch`, {
      method: 'shipping', serials: [phone.imei], photos: [await orderPhoto(phone.clerk, orderId, 'dispatch')], tracking: 'SF1234567890',
    })
    assert.equal(dispatched.status, 200, JSON.stringify(dispatched.body))
    // The shop reads the delivery address on its order.
    const shopOrder = await phone.clerk.call('GET', `/orders/${orderId}`)
    assert.equal(shopOrder.body.delivery.address, '北京市朝阳区建国路 88 号')

    await withBrowser({}, async ({ page, screenshot }) => {
      await page.goto('/market/orders')
      // Logged out in a fresh browser: the login page, then back to my orders.
      await page.waitForURL((u) => new URL(u).pathname === '/login')
      await page.locator('input[name=username]').fill(username)
      await page.locator('input[name=password]').fill('buyer-pass-2026')
      await page.locator('[data-test=login-submit]').click()
      await page.waitForURL((u) => new URL(u).pathname === '/market/orders')
      const order = page.locator(`[data-test=order][data-order="${orderId}"]`)
      await order.and(page.locator('[data-state=dispatched]')).waitFor()
      await order.locator('[data-test=order-receive]').click()
      await page.locator('[data-test=f-condition] .el-radio', { hasText: '与描述一致' }).click()
      await page.locator('[data-test=order-dialog-submit]').click()
      await page.locator(`[data-test=order][data-order="${orderId}"][data-state=received]`).waitFor()
      await passportShows(phone.item, 'item.received')

      // The item page: reserved for this order until settlement, no buy button, and the history
      // shows the sale and the receipt.
      await page.goto(`/market/offers/${phone.offer}`)
      await page.locator('[data-test=unavailable][data-why=reserved]').waitFor()
      assert.equal(await page.locator('[data-test=buy]').count(), 0)
      await page.locator('[data-test=history-event][data-type="item.sold"]').waitFor()
      await page.locator('[data-test=history-event][data-type="item.received"]').waitFor()
      await screenshot('market-history-sold')
    })
    // What the page showed is the public passport.
    const passport = (await publicGet(`/items/${phone.item}/passport`)).body
    assert.ok(passport.events.some((e) => e.leaf.type === 'item.sold'))
  })

  test('a return naming a different serial is flagged for the operator', async () => {
    const phone = await publishedPhone({
      brand: 'Apple', model: 'iPhone 13', title: 'iPhone 13 128GB 手机 蓝色', description: '电池 88%，轻微使用痕迹', price: 350000,
    })
    const returner = `returner-${Date.now()}`
    const buyer = await apiBuyer(returner)
    const version = (await publicGet(`/items/${phone.item}/disclosure`)).body.latest_version
    const order = await buyer.call('POST', '/orders', { offer_id: phone.offer, provider: 'simulated', accepted_disclosure_version: version })
    assert.equal(order.status, 201, JSON.stringify(order.body))
    const id = order.body.id
    assert.equal((await buyer.call('POST', `/orders/${id}/pay`, { amount_fen: 350000 })).status, 200)
    const dispatchPhoto = await orderPhoto(phone.clerk, id, 'dispatch')
    assert.equal((await phone.clerk.call('POST', `/orders/${id}/dispatch`, { method: 'shipping', serials: [phone.imei], photos: [dispatchPhoto] })).status, 200)
    assert.equal((await buyer.call('POST', `/orders/${id}/receive`, { condition: 'as_described' })).status, 200)

    await withBrowser({}, async ({ page, screenshot }) => {
      await page.goto('/login?redirect=/market/orders')
      await page.locator('input[name=username]').fill(returner)
      await page.locator('input[name=password]').fill('buyer-pass-2026')
      await page.locator('[data-test=login-submit]').click()
      await page.waitForURL((u) => new URL(u).pathname === '/market/orders')
      const row = page.locator(`[data-test=order][data-order="${id}"]`)
      await row.locator('[data-test=order-return]').click()
      // Without serials the server names the field; the error is shown under it.
      await field(page, 'f-reason').fill('和描述不符，想退货')
      await page.locator('[data-test=order-dialog-submit]').click()
      await page.locator('[data-test=order-dialog] .el-form-item.is-error', { has: page.locator('[data-test=f-serials]') }).waitFor()
      await field(page, 'f-serials').fill('356938035643809')
      // Not an image: the server refuses the upload, naming the photo; nothing is added.
      await page.locator('input[data-test=f-photos-input]').setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') })
      await page.locator('[data-test=f-photos-error]').waitFor()
      // A real image is uploaded at once and shown as a thumbnail fetched with the session.
      const uploaded = page.waitForResponse((r) => r.url().includes(`/orders/${id}/photos?stage=return`) && r.status() === 201)
      await page.locator('input[data-test=f-photos-input]').setInputFiles({ name: 'back.png', mimeType: 'image/png', buffer: GREY_PNG })
      const photo = await (await uploaded).json()
      await page.locator('[data-test=f-photos][data-count="1"] img[data-test=order-photo-thumb]').waitFor()
      assert.ok(await page.locator('[data-test=f-photos] img').evaluate((img) => img.src.startsWith('blob:') && img.naturalWidth > 0))
      const sent = page.waitForRequest((r) => r.url().endsWith(`/orders/${id}/returns`))
      await page.locator('[data-test=order-dialog-submit]').click()
      const body = JSON.parse((await sent).postData())
      assert.deepEqual(body.serials, ['356938035643809'])
      assert.deepEqual(body.photos, [photo.ref])
      await page.locator(`[data-test=order][data-order="${id}"][data-state=return_requested]`).waitFor()
      const afterSale = page.locator(`[data-test=order][data-order="${id}"] [data-test=after-sale][data-kind=return]`)
      await afterSale.and(page.locator('[data-flagged=true]')).waitFor()
      await afterSale.locator('[data-test=after-sale-flagged]').waitFor()
      await screenshot('market-return-flagged')
    })
    // The operator sees the flag and the differing serials.
    const seen = await phone.clerk.call('GET', `/orders/${id}/after-sales`)
    assert.equal(seen.status, 200)
    const ret = seen.body.items.find((a) => a.kind === 'return')
    assert.equal(ret.flagged, true)
    assert.ok(ret.details.serial_differences.length > 0)
    assert.equal(ret.status, 'open')
    // The return's photo is stored with the order, beside the dispatch's.
    assert.deepEqual(ret.details.dispatch_photos, [dispatchPhoto])
    const photos = await phone.clerk.call('GET', `/orders/${id}/photos`, undefined, 200)
    assert.deepEqual(photos.body.items.map((p) => p.stage), ['dispatch', 'return'])
    assert.deepEqual(ret.details.photos, [photos.body.items[1].ref])
  })

  test('an item put on hold after publishing says why it cannot be bought, with no buy button', async () => {
    const phone = await publishedPhone({
      brand: 'Xiaomi', model: 'Redmi K60', title: '小米 Redmi K60 手机 12+256', description: '成色良好', price: 129900,
    })
    // A correction changes the IMEI: the identifier_changed signal alerts the police and holds the item.
    const corrected = await phone.clerk.call('POST', `/acquisitions/${phone.acquisition}/corrections`, {
      reason: '录入时 IMEI 抄错', item: { identifiers: { imei: newImei() } },
    })
    assert.equal(corrected.status, 201, JSON.stringify(corrected.body))
    const availability = await publicGet(`/offers/${phone.offer}/availability`)
    assert.equal(availability.status, 200)
    assert.equal(availability.body.buyable, false)
    assert.equal(availability.body.rule, 'item_held')

    await withBrowser({ locale: 'en-US' }, async ({ page, screenshot }) => {
      await page.goto(`/market/offers/${phone.offer}`)
      await page.locator('[data-test=language-switch]').getByText('English', { exact: true }).click()
      const why = page.locator('[data-test=unavailable][data-why=held]')
      await why.waitFor()
      await why.getByText('on hold for verification').waitFor()
      await page.locator('[data-test=unavailable-reason]', { hasText: 'held for verification until the police release it' }).waitFor()
      assert.equal(await page.locator('[data-test=buy]').count(), 0, 'no buy button')
      // Still searchable, still described: only buying is refused.
      await page.locator('[data-test=offer-title]', { hasText: 'Redmi K60' }).waitFor()
      await screenshot('market-offer-held')
    })
    // And the order itself is refused with the rule, whatever a page shows.
    const buyer = await apiBuyer(`held-${Date.now()}`)
    const version = (await publicGet(`/items/${phone.item}/disclosure`)).body.latest_version
    const refused = await buyer.call('POST', '/orders', { offer_id: phone.offer, provider: 'simulated', accepted_disclosure_version: version })
    assert.equal(refused.status, 422, JSON.stringify(refused.body))
    assert.match(refused.body.error.message, /^item_held/)
  })
})
