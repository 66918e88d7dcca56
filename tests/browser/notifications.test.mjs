// Browser test of the notification centre (issue 15 item 5): the shop's clerk has the staff
// pages open on a phone-sized screen (390 px); a buyer orders one of the shop's offers; the bell's
// unread count rises without a reload (the Server-Sent Events stream), and the panel lists the
// new order in Chinese with a link to the shop's orders. Against the real recirc server
// (`recirc demo`) in Debian's Chromium.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession } from './support/api.mjs'

const TIMEOUT = 180_000
let server

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)

async function bellCount(page) {
  const badge = page.locator('[data-test=notification-count] sup')
  if (!(await badge.isVisible())) return 0
  return Number((await badge.innerText()).trim())
}

describe('notifications', { timeout: TIMEOUT }, () => {
  test("a buyer's order raises the shop's bell count without a reload", async () => {
    const clerk = await apiSession(server.url, 'shop.clerk')
    const buyer = await apiSession(server.url, 'buyer')
    const offers = await clerk.call('GET', '/offers', undefined, 200)
    const offer = offers.body.items.find((o) => o.status === 'published' && o.sale_mode === 'fixed_price' && o.channel === 'online')
    assert.ok(offer, 'the demo has a published online fixed-price offer')
    const disclosure = await buyer.call('GET', `/items/${offer.item_id}/disclosure`, undefined, 200)

    await withBrowser({}, async ({ page, screenshot }) => {
      await page.setViewportSize({ width: 390, height: 844 })
      await logIn(page, 'shop.clerk')
      const bell = page.locator('[data-test=notification-bell]')
      await bell.waitFor()
      // The stream's first event sets the count; wait until it has been answered.
      await page.waitForFunction(() => document.querySelector('[data-test=notification-bell]')?.getAttribute('aria-label')?.includes('未读'))
      const before = await bellCount(page)
      const loadsBefore = await page.evaluate(() => performance.getEntriesByType('navigation').length)

      const order = await buyer.call(
        'POST',
        '/orders',
        { offer_id: offer.id, provider: 'simulated', accepted_disclosure_version: disclosure.body.version },
        201,
      )
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-test=notification-count] sup')?.innerText || 0) > n,
        before,
        { timeout: 30_000 },
      )
      assert.equal(await bellCount(page), before + 1)
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), loadsBefore, 'no reload')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 0, `no horizontal overflow at 390 px (${overflow})`)
      await screenshot('notifications-bell-390')

      // The panel lists the new order first, in Chinese; following it marks it read.
      await bell.click()
      const first = page.locator('[data-test=notification-item]').first()
      await first.getByText('新订单').waitFor()
      assert.ok((await first.innerText()).includes(`¥${(order.body.price_fen / 100).toFixed(2)}`))
      await page.locator('.notification-popper').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)))
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.notification-popper')).opacity === '1')
      await screenshot('notifications-panel-390')
      await first.click()
      await page.waitForURL((u) => new URL(u).pathname === '/shop')
      await page.waitForFunction((n) => Number(document.querySelector('[data-test=notification-count] sup')?.innerText || 0) === n, before)
    })
  })
})
