// Browser test of complaints (issue 16 item 6): a buyer complains about an order from My orders,
// the shop answers in its Complaints tab (without seeing the buyer's contact), and `market`
// (Beijing market supervision) takes the complaint and decides — order refund at 1440 px,
// mediation at 390 px (supervision in English) with no sideways scrolling; the statistics count
// both. Real recirc
// (`recirc demo`, no statutory hold period) and Debian's Chromium; the sale is set up through the
// API.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, imeiSource } from './support/api.mjs'

const TIMEOUT = 300_000
let server
before(async () => {
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})
const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const apiAs = (username, password) => apiSession(server.url, username, password)
const newImei = imeiSource('35332277')
let serial = (Date.now() % 100_000) * 13

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
const PASSWORD = 'buyer-pass-2026'

/** A phone bought online and paid by a new buyer account: {username, order}. */
async function paidOrder(title) {
  const clerk = await apiAs('shop.clerk')
  const inspector = await apiAs('inspector')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`, undefined, 200)
  const reg = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id, kind: 'purchase', channel: 'store', price_fen: 150000,
    payment_method: 'cash', person_matches_id: true, origin_statement: '自用一年',
    seller: { kind: 'individual', name: '李四', id_type: 'passport', id_number: `E${serial++}` },
    item: { category: 'phone', brand: 'Apple', model: 'iPhone 13', identifiers: { imei: newImei() }, condition: '九成新' },
  }, 201)
  const item = reg.body.item_id
  await inspector.call('POST', `/items/${item}/inspections`, { results: RESULTS }, 201)
  await clerk.call('POST', `/items/${item}/sanitizations`, WIPE, 201)
  const offer = await clerk.call('POST', '/offers', {
    item_id: item, channel: 'online', title, price_fen: 350000, warranty_months: 3, return_days: 7,
  }, 201)
  const version = (await (await fetch(`${server.url}/api/v1/items/${item}/disclosure`)).json()).latest_version
  await clerk.call('POST', `/offers/${offer.body.id}/publish`, { disclosure_version: version }, 200)
  const username = `complain-${Date.now()}-${serial++}`
  const signup = await fetch(`${server.url}/api/v1/buyers`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD, display_name: username }),
  })
  assert.equal(signup.status, 201, await signup.text())
  const buyer = await apiAs(username, PASSWORD)
  const order = await buyer.call('POST', '/orders', { offer_id: offer.body.id, provider: 'simulated', accepted_disclosure_version: version }, 201)
  await buyer.call('POST', `/orders/${order.body.id}/pay`, { amount_fen: 350000 }, 200)
  return { username, order: order.body.id }
}

function field(page, name) {
  return page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
}
async function noSidewaysScroll(page, width) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(wide <= width, `the page is ${wide} px wide at ${width} px`)
}

// What market supervision's page says, in the language it is read in.
const SUPERVISION_TEXT = {
  zh: { tab: '投诉', review: '监管处理中', reason: '请填写理由', stats: '统计' },
  en: { tab: 'Complaints', review: 'Under review', reason: 'Give the reason', stats: 'Statistics' },
}

/**
 * The whole path of one complaint in a browser of `size`, decided with `outcome`; market
 * supervision reads its page in `lang` (zh or en).
 */
async function complaintPath(size, outcome, label, lang = 'zh') {
  const words = SUPERVISION_TEXT[lang]
  const s = await paidOrder(`iPhone 13 投诉 ${label} ${serial}`)
  const facts = `收到的手机电池健康只有 70%（${label}）`
  let id

  await withBrowser({}, async ({ page, screenshot }) => {
    await page.setViewportSize(size)
    await page.goto('/login?redirect=/market/orders')
    await page.locator('input[name=username]').fill(s.username)
    await page.locator('input[name=password]').fill(PASSWORD)
    await page.locator('[data-test=login-submit]').click()
    await page.waitForURL((u) => new URL(u).pathname === '/market/orders')
    await page.locator(`[data-test=order][data-order="${s.order}"] [data-test=order-complain]`).click()
    // Without facts the dialog says what is missing and sends nothing.
    await page.locator('[data-test=c-file-submit]').click()
    await page.locator('.el-form-item__error', { hasText: '请描述事实经过' }).waitFor()
    await field(page, 'c-facts').fill(facts)
    await field(page, 'c-contact-name').fill('赵小燕')
    await field(page, 'c-contact-phone').fill('13812345678')
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST')
    await page.locator('[data-test=c-file-submit]').click()
    const filed = await (await sent).json()
    id = filed.id
    assert.equal(filed.subject_id, s.order)
    const card = page.locator(`[data-test=my-complaints] [data-test=complaint][data-id="${id}"]`)
    await card.locator('[data-test=complaint-state]', { hasText: '待经营者答复' }).waitFor()
    await card.locator('[data-test=complaint-contact]', { hasText: '13812345678' }).waitFor()
    if (size.width < 500) await noSidewaysScroll(page, size.width)
    await screenshot(`complaints-${label}-filed`)
  })

  await withBrowser({}, async ({ page, screenshot }) => {
    await page.setViewportSize(size)
    await logIn(page, 'shop.clerk')
    await page.goto('/shop?tab=complaints')
    const card = page.locator(`[data-test=operator-complaints] [data-test=complaint][data-id="${id}"]`)
    await card.waitFor()
    assert.equal(await card.locator('[data-test=complaint-contact]').count(), 0, 'the shop never sees the contact')
    assert.equal(await card.getByText('13812345678').count(), 0)
    await card.getByText(facts).waitFor()
    await card.locator('[data-test=complaint-answer]').click()
    await field(page, 'c-text').fill('已联系买家，同意退货退款。')
    await page.locator('[data-test=c-submit]').click()
    await card.locator('[data-test=complaint-state]', { hasText: '已答复' }).waitFor()
    assert.equal(await card.locator('[data-test=complaint-answer]').count(), 0)
    if (size.width < 500) await noSidewaysScroll(page, size.width)
    await screenshot(`complaints-${label}-answered`)
  })

  await withBrowser({}, async ({ page, screenshot }) => {
    await page.setViewportSize(size)
    await logIn(page, 'market', { english: lang === 'en' })
    await page.goto('/supervision')
    await page.locator('[data-test=supervision-tabs] .el-tabs__item', { hasText: words.tab }).first().click()
    const card = page.locator(`[data-test=supervision-complaints] [data-test=complaint][data-id="${id}"]`)
    await card.locator('[data-test=complaint-contact]', { hasText: '138****5678' }).waitFor()
    await card.locator('[data-test=complaint-assign]').click()
    await card.locator('[data-test=complaint-state]', { hasText: words.review }).waitFor()
    await card.locator('[data-test=complaint-decide]').click()
    await page.locator(`[data-test=c-outcome-${outcome}]`).click()
    // A decision without a reason is refused in the dialog.
    await page.locator('[data-test=c-submit]').click()
    await page.locator('.el-form-item__error', { hasText: words.reason }).waitFor()
    await field(page, 'c-text').fill('经核实与描述不符。')
    const sent = page.waitForRequest((r) => r.url().endsWith(`/complaints/${id}/decide`))
    await page.locator('[data-test=c-submit]').click()
    assert.deepEqual(JSON.parse((await sent).postData()), { outcome, reason: '经核实与描述不符。' })
    await card.locator(`[data-test=complaint-outcome][data-outcome=${outcome}]`).waitFor()
    await card.locator('[data-test=complaint-step][data-action=decide]').waitFor()
    if (size.width < 500) await noSidewaysScroll(page, size.width)
    await screenshot(`complaints-${label}-decided`)

    await page.locator('[data-test=supervision-tabs] .el-tabs__item', { hasText: words.stats }).click()
    await page.locator(`[data-test=stat-by_outcome] [data-key=${outcome}]`).waitFor()
    const total = Number(await page.locator('[data-test=stat-total]').textContent())
    assert.ok(total >= 1)
    await screenshot(`complaints-${label}-statistics`)
  })

  await withBrowser({}, async ({ page }) => {
    await page.setViewportSize(size)
    await page.goto('/login?redirect=/market/orders')
    await page.locator('input[name=username]').fill(s.username)
    await page.locator('input[name=password]').fill(PASSWORD)
    await page.locator('[data-test=login-submit]').click()
    const card = page.locator(`[data-test=my-complaints] [data-test=complaint][data-id="${id}"]`)
    await card.locator(`[data-test=complaint-outcome][data-outcome=${outcome}]`).waitFor()
    await card.getByText('经核实与描述不符。').waitFor()
  })
}

describe('complaints', { timeout: TIMEOUT }, () => {
  test('a buyer complains about an order; the shop answers; market supervision orders a refund (1440 px)', async () => {
    await complaintPath({ width: 1440, height: 900 }, 'order_refund', 'desktop')
  })
  test('the same path on phones (390 px): market supervision mediates, in English', async () => {
    await complaintPath({ width: 390, height: 844 }, 'mediate', 'phone', 'en')
  })
})
