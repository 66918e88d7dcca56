// The market on a buyer's phone (issue 15 item 7), at 390×844 in Debian's Chromium against the
// real server: a shop lists an Apple phone titled in English with two photos; the buyer types
// 苹果 and finds it (brand synonyms, data/search_synonyms.json), and iphone13 finds it too; the
// card shows its photo, the seller and the grade in words; the offer page has a gallery, the
// seller and outlet; the public item page (what the label's QR code opens) shows the photo, the
// sale status and links to the offer and the signed report, with the proof details folded away.
// Nothing overflows the phone's width. Staff home pages (issue 15 item 8) show their work.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, GREY_PNG, TINY_PNG, imeiSource } from './support/api.mjs'

const TIMEOUT = 240_000
let server

before(async () => {
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const newImei = imeiSource('35391711')

async function publicGet(path) {
  const res = await fetch(`${server.url}/api/v1${path}`)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const PHOTO = `sha256:${'c'.repeat(64)}`
const RESULTS = {
  powers_on: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', buttons: 'pass',
  charging: 'pass', connectivity: 'pass', battery_health: 91, liquid_indicator: 'not_triggered',
  activation_lock: 'off', screen_glass: 'flawless', housing: 'light_wear', photo_front: PHOTO, photo_back: PHOTO,
}
const SIGN = { title: '技术员', date: '2026-12-01', place: '北京市朝阳区' }
const WIPE = {
  manufacturer: 'Apple', model: 'iPhone 13', serial: 'SN-PHONE', media_type: 'flash', media_source: '内置存储', level: 'purge',
  method: 'block_erase', tool: 'recirc-wipe', tool_version: '2.1', verification_method: '抽样读取',
  verification_result: 'passed', sanitizer: { ...SIGN, name: '钱清除' }, verifier: { ...SIGN, name: '孙复核' },
  consent: { given: true, scope: '全部用户数据', method_explained: true, date: '2026-12-01' }, destination: 'resale',
}

/** An Apple phone titled in English, two item photos, inspected, wiped and published online. */
async function applePhone() {
  const clerk = await apiSession(server.url, 'shop.clerk')
  const inspector = await apiSession(server.url, 'inspector')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`, undefined, 200)
  const outlet = outlets.body.items[0]
  const reg = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlet.id, kind: 'purchase', channel: 'store', price_fen: 200000,
    payment_method: 'cash', person_matches_id: true, origin_statement: '自用一年',
    seller: { kind: 'individual', name: '周七', id_type: 'passport', id_number: `E${Date.now() % 1e7}` },
    item: { category: 'phone', brand: 'Apple', model: 'iPhone 13', identifiers: { imei: newImei() }, condition: '九成新' },
  }, 201)
  const item = reg.body.item_id
  await clerk.upload(`/acquisitions/${reg.body.id}/photos?kind=item`, GREY_PNG, 'image/png', 201)
  await clerk.upload(`/acquisitions/${reg.body.id}/photos?kind=item`, TINY_PNG, 'image/png', 201)
  await inspector.call('POST', `/items/${item}/inspections`, { results: RESULTS }, 201)
  await clerk.call('POST', `/items/${item}/sanitizations`, WIPE, 201)
  const offer = await clerk.call('POST', '/offers', {
    item_id: item, outlet_id: outlet.id, channel: 'online', title: 'iPhone 13 128GB Midnight', description: 'Battery 91%',
    price_fen: 320000, warranty_months: 3, return_days: 7,
  }, 201)
  const disclosure = await publicGet(`/items/${item}/disclosure`)
  await clerk.call('POST', `/offers/${offer.body.id}/publish`, { disclosure_version: disclosure.body.latest_version }, 200)
  for (let i = 0; ; i++) {
    const found = await publicGet(`/search?q=${encodeURIComponent('iPhone 13')}`)
    if (found.body?.items?.some((l) => l.listing_id === offer.body.id)) break
    assert.ok(i < 300, 'the listing never reached the search index')
    await new Promise((r) => setTimeout(r, 100))
  }
  return { offer: offer.body.id, item, outlet: outlet.name }
}

async function noOverflow(page, where) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  assert.ok(scroll <= width, `${where}: the page is ${scroll} px wide on a ${width} px screen`)
}

describe('market on a phone', { timeout: TIMEOUT }, () => {
  test('苹果 finds the Apple phone with its photo; gallery, seller, grade in words; the item page folds the proof', async () => {
    const phone = await applePhone()
    await withBrowser({}, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto('/market')
      const q = page.locator('input[data-test=market-q], [data-test=market-q] input').first()
      await q.fill('苹果')
      await page.locator('[data-test=market-search]').click()
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === '苹果')
      const card = page.locator(`[data-test=result-card][data-listing="${phone.offer}"]`)
      await card.waitFor()
      await card.locator('[data-test=result-photo]').waitFor()
      assert.ok(await card.locator('[data-test=result-photo]').evaluate((img) => img.complete && img.naturalWidth > 0), 'the photo loaded')
      assert.match(await card.locator('[data-test=result-seller]').innerText(), /绿循环回收/)
      assert.match(await card.locator('[data-test=result-grade-words]').innerText(), /功能完好/)
      await noOverflow(page, 'search 苹果')
      await screenshot('market-phone-search-apple')

      // Typed without the space.
      await q.fill('iphone13')
      await page.locator('[data-test=market-search]').click()
      await page.waitForURL((u) => new URL(u).searchParams.get('q') === 'iphone13')
      await card.waitFor()

      await card.click()
      await page.waitForURL((u) => new URL(u).pathname === `/market/offers/${phone.offer}`)
      await page.locator('[data-test=gallery-main]').waitFor()
      assert.equal(await page.locator('[data-test=gallery-thumb]').count(), 2)
      const first = await page.locator('[data-test=gallery-main]').getAttribute('src')
      await page.locator('[data-test=gallery-thumb]').nth(1).click()
      await page.waitForFunction((src) => document.querySelector('[data-test=gallery-main]').getAttribute('src') !== src, first)
      assert.match(await page.locator('[data-test=offer-seller]').innerText(), /绿循环回收/)
      assert.match(await page.locator('[data-test=offer-outlet]').innerText(), new RegExp(phone.outlet))
      assert.match(await page.locator('[data-test=offer-grade]').innerText(), /功能等级\s*0\s*功能完好/)
      await noOverflow(page, 'offer page')
      await screenshot('market-phone-offer-gallery')

      // The public item page, as the label's QR code opens it.
      await page.goto(`/items/${phone.item}`)
      await page.locator('[data-test=item-verdict]').waitFor()
      await page.locator('[data-test=item-photo]').waitFor()
      assert.equal(await page.locator('[data-test=item-sale-status]').getAttribute('data-status'), 'published')
      assert.equal(await page.locator('[data-test=item-offer-link]').getAttribute('href'), `/market/offers/${phone.offer}`)
      await page.locator('[data-test=item-report-link]').waitFor()
      // The proof details are folded away: present, not shown until asked for.
      assert.equal(await page.locator('[data-test=item-technical]').evaluate((d) => d.open), false)
      assert.equal(await page.locator('[data-test=item-root]').isVisible(), false)
      const plain = await page.locator('.public-page').innerText()
      assert.doesNotMatch(plain, /叶子|根哈希/, 'no jargon before the toggle')
      assert.doesNotMatch(plain, /周七/, 'no personal data')
      await noOverflow(page, 'item page')
      await screenshot('market-phone-item-page')
      await page.locator('[data-test=item-technical-toggle]').click()
      await page.locator('[data-test=item-root]').waitFor()
      assert.match(await page.locator('[data-test=item-technical]').innerText(), /根哈希/)
      await noOverflow(page, 'item page, technical details open')
      await screenshot('market-phone-item-page-technical')

      // The same pages on a desktop screen.
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.goto(`/market?q=${encodeURIComponent('苹果')}`)
      await card.locator('[data-test=result-photo]').waitFor()
      await noOverflow(page, 'search at 1440 px')
      await page.goto(`/market/offers/${phone.offer}`)
      await page.locator('[data-test=gallery-main]').waitFor()
      await page.locator('[data-test=offer-seller]').waitFor()
      await noOverflow(page, 'offer page at 1440 px')
      await screenshot('market-desktop-offer-gallery')
    })
  })

  test('a staff member\'s home page shows their work, not permission codes', async () => {
    await withBrowser({}, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      for (const [user, tile] of [['shop.admin', 'toDispatch'], ['police.chaoyang', 'openAlerts']]) {
        await logIn(page, user)
        const shown = page.locator(`[data-test=work-tile][data-tile=${tile}]`)
        await shown.waitFor()
        await page.waitForFunction((t) => /\d/.test(document.querySelector(`[data-tile=${t}] [data-test=work-count]`)?.textContent ?? ''), tile)
        await noOverflow(page, `${user} overview`)
        await screenshot(`overview-work-${user}`)
        await page.goto('/market') // leave; the next login starts from the login page
        await page.evaluate(() => fetch('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': '' } }).catch(() => {}))
        await page.context().clearCookies()
      }
    })
  })
})
