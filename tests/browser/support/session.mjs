// Shared steps of the browser tests: a browser that is always closed and whose page errors fail
// the test (with a screenshot on failure), and logging in as a demo user through the login page.
import assert from 'node:assert/strict'
import { openBrowser } from './browser.mjs'

export const DEMO_PASSWORD = 'recirc-demo'

/** Opens Chromium on `url`, runs `fn(browser)`, and closes it whatever happens. */
export async function withBrowser(url, options, fn) {
  const browser = await openBrowser(url, options)
  try {
    await fn(browser)
    assert.deepEqual(browser.pageErrors, [], 'the page reported errors')
  } catch (err) {
    await browser.screenshot(`failure-${Date.now()}`).catch(() => {})
    throw err
  } finally {
    await browser.close()
  }
}

/** Logs in through the login page (optionally switching to English first). */
export async function logIn(page, username, { english = false } = {}) {
  await page.goto('/login')
  if (english) {
    await page.locator('[data-test=language-switch]').getByText('English', { exact: true }).click()
    await page.getByRole('heading', { name: 'Log in' }).waitFor()
  }
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => new URL(u).pathname === '/overview')
}
