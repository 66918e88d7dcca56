// Server errors on Chinese pages: every error the server sends carries a message id and the page
// shows our Chinese text for it (or, without one, a Chinese sentence from the code and field),
// never the server's English message (docs/api.md "Message ids", docs/web.md "Server errors").
// Run from the repository root: node --test tests/browser/messages.test.mjs
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { openBrowser } from './support/browser.mjs'
import { startServer } from './support/server.mjs'

const PASSWORD = 'recirc-demo'
const TIMEOUT = 180_000

let server
let browser

before(async () => {
  server = await startServer()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Opens a Chinese browser and records the error bodies of every API answer. */
async function withChinesePage(fn) {
  browser = await openBrowser(server.url, { locale: 'zh-CN' })
  const errors = []
  browser.page.on('response', async (r) => {
    if (r.status() < 400 || !r.url().includes('/api/v1/')) return
    const body = await r.json().catch(() => null)
    if (body?.error) errors.push(body.error)
  })
  try {
    await fn(browser, errors)
    assert.deepEqual(browser.pageErrors, [], 'the page reported errors')
  } catch (err) {
    await browser.screenshot(`failure-messages-${Date.now()}`).catch(() => {})
    throw err
  } finally {
    await browser.close()
    browser = null
  }
}

/** The page shows none of the server's English messages. */
async function assertNoServerEnglish(page, errors) {
  const text = await page.locator('body').innerText()
  for (const e of errors) {
    assert.ok(!text.includes(e.message), `the page shows the server's English "${e.message}"`)
  }
}

async function logIn(page, username, password = PASSWORD) {
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

describe('server errors on Chinese pages', { timeout: TIMEOUT }, () => {
  test('a wrong password: the Chinese text for auth.wrong_credentials', async () => {
    await withChinesePage(async ({ page, screenshot }, errors) => {
      await page.goto('/login')
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/session')),
        logIn(page, 'shop.admin', 'not-the-password'),
      ])
      assert.equal(response.status(), 401)
      const body = await response.json()
      assert.equal(body.error.message_id, 'auth.wrong_credentials')
      assert.deepEqual(body.error.params, {})
      const alert = page.locator('[data-test=login-error] .el-alert__title')
      await alert.waitFor()
      assert.equal((await alert.textContent()).trim(), '用户名或密码错误。')
      await assertNoServerEnglish(page, errors)
      await screenshot('messages-wrong-password')
    })
  })

  test('a too-short password for a new user: password.too_short with its minimum', async () => {
    await withChinesePage(async ({ page, screenshot }, errors) => {
      await page.goto('/login')
      await logIn(page, 'shop.admin')
      await page.locator('[data-test=user-role]').waitFor()
      await page.locator('[data-test=side-menu] [data-menu=users]').click()
      await page.locator('[data-test=users-table]').waitFor()
      await page.locator('[data-test=create-user]').click()
      const dialog = page.locator('.el-dialog', { hasText: '新建用户' })
      await dialog.locator('[data-test=role-select]').click()
      await page.locator('.el-select-dropdown__item:visible').first().click()
      await dialog.locator('.el-form-item', { hasText: '用户名' }).locator('input').fill(`clerk.${Date.now().toString(36)}`)
      await dialog.locator('.el-form-item', { hasText: '姓名' }).locator('input').fill('孙店员')
      await dialog.locator('.el-form-item', { hasText: '初始密码' }).locator('input').fill('short')
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/users$/.test(r.url())),
        dialog.locator('[data-test=save]').click(),
      ])
      assert.equal(response.status(), 400)
      const body = await response.json()
      assert.equal(body.error.message_id, 'password.too_short')
      assert.equal(body.error.params.min, '10')
      assert.equal(body.error.field, 'password')
      await dialog.locator('.el-form-item__error', { hasText: '密码至少 10 个字符。' }).waitFor()
      await assertNoServerEnglish(page, errors)
      await screenshot('messages-short-password')
    })
  })

  test('a username in use: username.taken; an empty login: a Chinese field message', async () => {
    await withChinesePage(async ({ page }, errors) => {
      // An empty password goes to the server as it is (auth.password_required).
      const r = await page.request.post('/api/v1/session', { data: { username: 'shop.admin', password: '' } })
      assert.equal(r.status(), 400)
      const body = await r.json()
      assert.equal(body.error.message_id, 'auth.password_required')
      assert.equal(body.error.field, 'password')
      errors.push(body.error)

      await page.goto('/login')
      await logIn(page, 'shop.admin')
      await page.locator('[data-test=user-role]').waitFor()
      await page.locator('[data-test=side-menu] [data-menu=users]').click()
      await page.locator('[data-test=users-table]').waitFor()
      await page.locator('[data-test=create-user]').click()
      const dialog = page.locator('.el-dialog', { hasText: '新建用户' })
      await dialog.locator('[data-test=role-select]').click()
      await page.locator('.el-select-dropdown__item:visible').first().click()
      await dialog.locator('.el-form-item', { hasText: '用户名' }).locator('input').fill('shop.clerk')
      await dialog.locator('.el-form-item', { hasText: '姓名' }).locator('input').fill('重名')
      await dialog.locator('.el-form-item', { hasText: '初始密码' }).locator('input').fill('a-long-password-123')
      const [response] = await Promise.all([
        page.waitForResponse((res) => res.request().method() === 'POST' && /\/users$/.test(res.url())),
        dialog.locator('[data-test=save]').click(),
      ])
      assert.equal(response.status(), 409)
      assert.equal((await response.json()).error.message_id, 'username.taken')
      await dialog.locator('.el-form-item__error', { hasText: '该用户名已被使用。' }).waitFor()
      await assertNoServerEnglish(page, errors)
    })
  })

  test('the node tells the web app its time zone', async () => {
    const r = await fetch(`${server.url}/api/v1/web-settings`)
    assert.equal(r.status, 200)
    assert.deepEqual(await r.json(), { time_zone: 'Asia/Shanghai' })
  })
})
