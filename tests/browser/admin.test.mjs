// Browser test of account administration (issue 15 item 6; docs/security.md "Account
// administration"): the platform administrator finds the demo shop's organisation by name,
// suspends it with a reason, and its clerk can then no longer log in (the login page says the
// organisation is suspended, in Chinese); after the administrator reactivates it the clerk logs in
// again. At 1440×900 and at 390×844, with no sideways scrolling; screenshots in
// test-artifacts/browser/. Run from the repository root: node --test tests/browser/
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { DEMO_PASSWORD, logIn, withBrowser } from './support/session.mjs'

const TIMEOUT = 240_000
const SIZES = [
  { name: 'desk', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]
const SHOP = '绿循环回收'

let server

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

async function noSidewaysScroll(page, where) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }))
  assert.ok(scroll <= inner, `${where}: the page is ${scroll} px wide in a ${inner} px window`)
}

/** Finds the shop by name on the organisations page and suspends or reactivates it. */
async function changeShopStatus(page, expectedAfter) {
  await page.goto('/organisations')
  const rows = page.locator('[data-test=organisations-table] .el-table__body-wrapper tbody tr')
  await rows.first().waitFor() // the unfiltered first page, so it cannot overtake the search below
  // Element Plus puts the data-test attribute on the <input> itself.
  const search = page.locator('input[data-test=organisation-search]')
  await search.fill('green')
  const searched = page.waitForResponse((r) => /\/api\/v1\/organisations\?.*q=green/.test(r.url()))
  await search.press('Enter')
  assert.equal((await searched).status(), 200)
  // The search leaves only the shop (the other demo organisations have no "green" in their names).
  await page.waitForFunction(() => {
    const trs = document.querySelectorAll('[data-test=organisations-table] .el-table__body-wrapper tbody tr')
    return trs.length === 1 && trs[0].textContent.includes('绿循环回收')
  })
  await rows.first().locator('[data-test=organisation-status-action]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test=confirm]').click()
  await dialog.getByText('请填写原因').waitFor() // the reason is required
  await dialog.locator('textarea[data-test=reason]').fill('营业执照核查')
  await dialog.locator('[data-test=confirm]').click()
  await rows.first().locator('[data-test=organisation-status]', { hasText: expectedAfter }).waitFor()
}

async function logInAs(page, context, username) {
  await context.clearCookies()
  await page.goto('/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('[data-test=login-submit]').click()
}

describe('account administration', { timeout: TIMEOUT }, () => {
  for (const size of SIZES) {
    test(`the administrator suspends an organisation and its clerk cannot log in (${size.width} px)`, async () => {
      await withBrowser(server.url, { locale: 'zh-CN' }, async (browser) => {
        const { page, context } = browser
        await page.setViewportSize({ width: size.width, height: size.height })
        await logIn(page, 'admin')
        await changeShopStatus(page, '已暂停')
        await noSidewaysScroll(page, 'organisations')
        await browser.screenshot(`admin-suspended-${size.width}`)

        await logInAs(page, context, 'shop.clerk')
        const error = page.locator('[data-test=login-error]')
        await error.waitFor()
        assert.match(await error.textContent(), /机构已被平台管理员暂停/)
        assert.equal(new URL(page.url()).pathname, '/login')
        await noSidewaysScroll(page, 'login')
        await browser.screenshot(`admin-clerk-refused-${size.width}`)

        await logInAs(page, context, 'admin')
        await page.waitForURL((u) => new URL(u).pathname === '/overview')
        await changeShopStatus(page, '正常')
        await logInAs(page, context, 'shop.clerk')
        await page.waitForURL((u) => new URL(u).pathname === '/overview')
      })
    })
  }
})
