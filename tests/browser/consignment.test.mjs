// Browser test of the shop's consignment screen (issue 19 items 1, 2, 7 in part): shop.clerk adds
// a consignor (shown masked), takes a clothing item in under a 60 % split, records its sale at the
// counter, sees the consignor's balance owed, and pays part of it out; the same page in English,
// and at 390 px nothing reaches past the right edge. Markdowns by the clock are tested in the
// consignment module (fake clock); this server runs on the system clock with no hold period.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { logIn, withBrowser as withBrowserAt } from './support/session.mjs'

const TIMEOUT = 240_000
let server
before(async () => {
  server = await startServer({ config: '[registry]\nhold_days = 0\n' })
})
after(async () => {
  await server?.stop()
})
const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
// An Element Plus input: the data-test attribute sits on the <input> itself or on its wrapper.
const field = (page, name) =>
  page.locator(`input[data-test=${name}], [data-test=${name}] input`).first()

describe('consignment', { timeout: TIMEOUT }, () => {
  test('a consignor, an intake, a sale at the split and a payout', async () => {
    await withBrowser({ locale: 'zh-CN' }, async (browser) => {
      const page = browser.page
      await page.setViewportSize({ width: 390, height: 844 })
      await logIn(page, 'shop.clerk')
      await page.goto('/consignment')
      await page.getByRole('heading', { name: '寄卖', exact: true }).waitFor()

      await field(page, 'consignor-name').fill('陈寄卖')
      await field(page, 'consignor-id-number').fill('11010519491231002X')
      await field(page, 'consignor-phone').fill('13912345678')
      await page.locator('[data-test=consignor-add]').click()
      await page.locator('[data-test=statement-title]', { hasText: '陈*卖' }).waitFor()

      await field(page, 'intake-brand').fill('优衣库')
      await field(page, 'intake-model').fill('羊毛大衣')
      await field(page, 'intake-serial').fill(`COAT-${Date.now()}`)
      await field(page, 'intake-condition').fill('九成新')
      await field(page, 'intake-origin').fill('自己购买，穿过一季')
      await page.locator('[data-test=intake-person-matches]').click()
      await field(page, 'intake-price').fill('300')
      await page.locator('[data-test=intake-submit]').click()
      const agreement = page.locator('[data-test=agreement][data-status=active]')
      await agreement.waitFor()
      assert.match(await agreement.locator('[data-test=agreement-price]').innerText(), /300\.00/)

      await agreement.locator('[data-test=agreement-sell]').click()
      await page.locator('[data-test=agreement][data-status=sold]').waitFor()
      // 60 % of 300 yuan is owed to the consignor.
      await page.locator('[data-test=statement-balance]', { hasText: '180.00' }).waitFor()

      await field(page, 'payout-amount').fill('100')
      await page.locator('[data-test=payout-submit]').click()
      await page.locator('[data-test=statement-balance]', { hasText: '80.00' }).waitFor()
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
      assert.equal(wide, false, 'the page does not scroll sideways at 390 px')
      await browser.screenshot('consignment-390')

      // More than the balance: refused in words.
      await field(page, 'payout-amount').fill('1000')
      await page.locator('[data-test=payout-submit]').click()
      await page.locator('[data-test=consignment-error]', { hasText: '超过了寄卖人的余额' }).waitFor()
    })
  })

  test('the page in English', async () => {
    await withBrowser({ locale: 'en' }, async (browser) => {
      const page = browser.page
      await logIn(page, 'shop.clerk', { english: true })
      await page.goto('/consignment')
      await page.getByRole('heading', { name: 'Consignment', exact: true }).waitFor()
      await page.getByRole('button', { name: 'Add consignor' }).waitFor()
    })
  })
})
