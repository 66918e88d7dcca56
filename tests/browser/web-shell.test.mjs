// Browser tests of the web shell against the real recirc server (`recirc demo`), in Debian's
// Chromium. Each test has its own browser profile; the server and its database are shared.
// Run from the repository root: node --test tests/browser/
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { openBrowser } from './support/browser.mjs'
import { startServer } from './support/server.mjs'

const PASSWORD = 'recirc-demo'
const TIMEOUT = 180_000

let server
let browser // the current test's browser, closed after each test

before(async () => {
  server = await startServer()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function withBrowser(options, fn) {
  browser = await openBrowser(server.url, options)
  try {
    await fn(browser)
    assert.deepEqual(browser.pageErrors, [], 'the page reported errors')
  } catch (err) {
    await browser.screenshot(`failure-${Date.now()}`).catch(() => {})
    throw err
  } finally {
    await browser.close()
    browser = null
  }
}

async function logIn(page, username, password = PASSWORD) {
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

/** The visible titles of the side menu's entries. */
async function menuTitles(page) {
  await page.locator('[data-test=side-menu] [data-menu]').first().waitFor()
  return page
    .locator('[data-test=side-menu] [data-menu]')
    .evaluateAll((items) => items.map((li) => li.querySelector(':scope > span').textContent.trim()))
}

/** The texts of the options of the select dropdown that is open now. */
async function openDropdownOptions(page) {
  const items = page.locator('.el-select-dropdown__item:visible')
  await items.first().waitFor()
  return (await items.allTextContents()).map((text) => text.trim())
}

/** Resolves with the provinces the page asked the server for (GET /api/v1/regions?parent=). */
function provincesRequested(page) {
  const provinces = page
    .waitForResponse((r) => /\/api\/v1\/regions\?parent=$/.test(r.url()))
    .then(async (r) => {
      assert.equal(r.status(), 200, 'GET /api/v1/regions?parent=')
      const { items } = await r.json()
      assert.ok(items.length >= 30, `GET /api/v1/regions?parent= should list the provinces, got ${JSON.stringify(items)}`)
      return items
    })
  provinces.catch(() => {}) // reported where the caller awaits it, not as an unhandled rejection
  return provinces
}

/** Opens the region cascader inside `container` and clicks through `names`, one per level. */
async function pickRegion(page, container, names) {
  await container.locator('[data-test=region-cascader]').click()
  const menus = page.locator('.el-cascader-panel .el-cascader-menu')
  for (const [level, name] of names.entries()) {
    await menus.nth(level).locator('.el-cascader-node', { hasText: name }).click()
  }
}

async function waitForPath(page, pathname) {
  await page.waitForURL((url) => url.pathname === pathname)
}

describe('recirc web shell', { timeout: TIMEOUT }, () => {
  test('an operator administrator works in Chinese: role-aware menu, new outlet via the region cascader', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await page.goto('/')
      await waitForPath(page, '/login')
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
      await page.getByRole('heading', { name: '登录' }).waitFor()
      await screenshot('login-zh')

      await logIn(page, 'shop.admin')
      await waitForPath(page, '/overview')
      await page.locator('[data-test=organisation-name]', { hasText: '绿循环回收' }).waitFor()
      assert.equal((await page.locator('[data-test=user-role]').textContent()).trim(), '经营者管理员')

      const menu = await menuTitles(page)
      for (const title of ['概览', '门店', '用户']) assert.ok(menu.includes(title), `menu has ${title}: ${menu}`)
      for (const title of ['警务', '检测', '统计', '市场监管']) {
        assert.ok(!menu.includes(title), `menu lacks ${title}: ${menu}`)
      }
      // The overview lists the permissions in words.
      await page.locator('[data-test=overview-permissions]', { hasText: '新建和管理门店' }).waitFor()
      await screenshot('shop-admin-overview')

      // Organisations: may read (own organisation), may not manage.
      if (menu.includes('组织机构')) {
        await page.locator('[data-test=side-menu] [data-menu=organisations]').click()
        await waitForPath(page, '/organisations')
        await page.locator('[data-test=organisations-table] .el-table__body tr', { hasText: '绿循环回收' }).waitFor()
      }
      assert.equal(await page.locator('[data-test=create-organisation]').count(), 0, 'no organisation management')
      // The police console is refused even when its address is typed in.
      await page.goto('/police')
      await page.locator('[data-test=forbidden]').waitFor()
      assert.equal(await page.locator('[data-test=placeholder]').count(), 0)

      // Outlets: create one with the cascading region picker.
      await page.goto('/overview')
      await page.locator('[data-test=side-menu] [data-menu=outlets]').click()
      await waitForPath(page, '/outlets')
      const table = page.locator('[data-test=outlets-table]')
      await table.waitFor()
      const provinces = provincesRequested(page)
      await page.locator('[data-test=create-outlet]').click()
      const dialog = page.locator('.el-dialog', { hasText: '新建门店' })
      await dialog.waitFor()
      await provinces

      const name = `朝阳测试门店 ${Date.now().toString(36)}`
      await dialog.locator('input[name=outlet-name]').fill(name)
      // Beijing's districts hang directly under the municipality: 朝阳区 is the last level.
      await pickRegion(page, dialog, ['北京市', '朝阳区'])
      const regionInput = dialog.locator('[data-test=region-cascader] input')
      await page.waitForFunction((el) => el.value.includes('朝阳区'), await regionInput.elementHandle())
      assert.match(await regionInput.inputValue(), /北京市.*朝阳区/)
      await dialog.locator('input[name=outlet-address]').fill('朝阳路 88 号')
      await screenshot('outlet-create-dialog')

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/organisations\/[^/]+\/outlets$/.test(r.url())),
        dialog.locator('[data-test=save]').click(),
      ])
      assert.equal(response.status(), 201)
      const sent = response.request()
      assert.deepEqual(JSON.parse(sent.postData()), { name, region_code: '110105', address: '朝阳路 88 号' })
      assert.ok(await sent.headerValue('x-csrf-token'), 'the write carries the CSRF token')
      assert.match(await sent.headerValue('idempotency-key'), /^[0-9a-f-]{36}$/)
      await dialog.waitFor({ state: 'hidden' })

      const row = table.locator('.el-table__body tr', { hasText: name })
      await row.waitFor()
      await row.locator('td', { hasText: '北京市 朝阳区' }).waitFor()
      assert.match(await row.textContent(), /110105/)
      assert.match(await row.textContent(), /朝阳路 88 号/)
      await screenshot('outlets-table')

      // It is on the server, not only on the screen: a reload lists it again.
      await page.reload()
      await table.locator('.el-table__body tr', { hasText: name }).waitFor()

      // Users: the page lists the organisation's users, the create dialog offers operator roles only.
      await page.locator('[data-test=side-menu] [data-menu=users]').click()
      await waitForPath(page, '/users')
      await page.locator('[data-test=users-table] .el-table__body tr', { hasText: 'shop.clerk' }).waitFor()
      await page.locator('[data-test=create-user]').click()
      await page.locator('.el-dialog', { hasText: '新建用户' }).locator('[data-test=role-select]').click()
      assert.deepEqual(await openDropdownOptions(page), ['经营者管理员', '经营者员工'])
      await screenshot('users-create-dialog')
    })
  })

  test('a police officer works in English: police console, no outlets or users', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await page.goto('/login')
      await page.locator('[data-test=language-switch]').getByText('English', { exact: true }).click()
      await page.getByRole('heading', { name: 'Log in' }).waitFor()
      await logIn(page, 'police.chaoyang')
      await waitForPath(page, '/overview')
      assert.equal((await page.locator('[data-test=user-role]').textContent()).trim(), 'Police officer')

      const menu = await menuTitles(page)
      assert.ok(menu.includes('Overview'), `menu: ${menu}`)
      assert.ok(menu.includes('Police console'), `menu: ${menu}`)
      for (const title of ['Outlets', 'Users', 'Acquisitions', 'Statistics']) {
        assert.ok(!menu.includes(title), `menu lacks ${title}: ${menu}`)
      }
      await screenshot('police-overview-en')

      await page.locator('[data-test=side-menu] [data-menu=police]').click()
      await waitForPath(page, '/police')
      await page.locator('[data-test=police-tabs]', { hasText: 'Alerts' }).waitFor()
      await screenshot('police-console-en')

      // Typed-in addresses of modules the officer may not use are refused.
      for (const path of ['/outlets', '/users']) {
        await page.goto(path)
        await page.locator('[data-test=forbidden]', { hasText: 'Access denied' }).waitFor()
        assert.equal(await page.locator('[data-test=outlets-table], [data-test=users-table]').count(), 0)
      }
    })
  })

  test('a wrong password shows our text for the server\'s message id', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await page.goto('/login')
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/session')),
        logIn(page, 'shop.admin', 'not-the-password'),
      ])
      assert.equal(response.status(), 401)
      const body = await response.json()
      assert.equal(body.error.code, 'unauthenticated')
      assert.ok(body.error.message, 'the server sent a message')

      const alert = page.locator('[data-test=login-error]')
      await alert.waitFor()
      assert.equal(body.error.message_id, 'auth.wrong_credentials')
      assert.equal((await alert.locator('.el-alert__title').textContent()).trim(), '用户名或密码错误。')
      assert.equal(new URL(page.url()).pathname, '/login')
      assert.equal(await page.locator('input[name=password]').inputValue(), '', 'the password field is cleared')
      await screenshot('login-wrong-password')
    })
  })

  test('logging out returns to the login page, and a reload stays logged out', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await page.goto('/login')
      await logIn(page, 'shop.clerk')
      await waitForPath(page, '/overview')
      assert.equal((await page.locator('[data-test=user-role]').textContent()).trim(), '经营者员工')

      // The session survives a reload (GET /api/v1/session restores it) ...
      await page.reload()
      await page.locator('[data-test=user-role]').waitFor()
      assert.equal(new URL(page.url()).pathname, '/overview')

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith('/api/v1/session')),
        page.locator('[data-test=logout]').click(),
      ])
      assert.equal(response.status(), 204)
      await waitForPath(page, '/login')
      await screenshot('after-logout')

      // ... but not a logout.
      await page.reload()
      await page.locator('input[name=username]').waitFor()
      assert.equal(new URL(page.url()).pathname, '/login')
      await page.goto('/outlets')
      await waitForPath(page, '/login')
      assert.equal(new URL(page.url()).searchParams.get('redirect'), '/outlets')
      const session = await page.request.get('/api/v1/session')
      assert.equal(session.status(), 401, 'the server has ended the session')
    })
  })

  test('a platform administrator creates an organisation, one of its users, and an API key shown once', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await page.goto('/login')
      await logIn(page, 'admin')
      await waitForPath(page, '/overview')
      const menu = await menuTitles(page)
      for (const title of ['组织机构', '门店', '用户', 'API 密钥', '统计', '市场监管']) {
        assert.ok(menu.includes(title), `menu has ${title}: ${menu}`)
      }
      for (const title of ['收购登记', '警务', '检测']) assert.ok(!menu.includes(title), `menu lacks ${title}: ${menu}`)

      // A new police organisation for 海淀区.
      await page.locator('[data-test=side-menu] [data-menu=organisations]').click()
      const orgTable = page.locator('[data-test=organisations-table]')
      await orgTable.locator('.el-table__body tr', { hasText: '北京市公安局朝阳分局' }).waitFor()
      const provinces = provincesRequested(page)
      await page.locator('[data-test=create-organisation]').click()
      const dialog = page.locator('.el-dialog', { hasText: '新建组织机构' })
      await dialog.waitFor()
      await provinces
      await dialog.locator('.el-select').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '公安机关' }).click()
      const orgName = `北京市公安局海淀分局 ${Date.now().toString(36)}`
      await dialog.locator('.el-form-item', { hasText: '名称' }).first().locator('input').fill(orgName)
      await pickRegion(page, dialog, ['北京市', '海淀区'])
      // Any level may be chosen here, so the panel stays open: click elsewhere in the dialog to close it.
      await dialog.locator('.el-dialog__title').click()
      await page.locator('.el-cascader-panel').waitFor({ state: 'hidden' })
      assert.match(await dialog.locator('[data-test=region-cascader] input').inputValue(), /北京市.*海淀区/)
      const [created] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/organisations')),
        dialog.locator('[data-test=save]').click(),
      ])
      assert.equal(created.status(), 201)
      assert.deepEqual(JSON.parse(created.request().postData()), { kind: 'police', name: orgName, region_code: '110108' })
      const orgRow = orgTable.locator('.el-table__body tr', { hasText: orgName })
      await orgRow.waitFor()
      assert.match(await orgRow.textContent(), /公安机关/)
      await orgRow.locator('td', { hasText: '北京市 海淀区' }).waitFor()
      await screenshot('admin-organisations')

      // Its first user: the organisation picker offers every organisation, the role list fits a police organisation.
      await page.locator('[data-test=side-menu] [data-menu=users]').click()
      await waitForPath(page, '/users')
      await page.locator('[data-test=organisation-picker]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: orgName }).click()
      const usersTable = page.locator('[data-test=users-table]')
      await usersTable.locator('.el-table__empty-text').waitFor()
      await page.locator('[data-test=create-user]').click()
      const userDialog = page.locator('.el-dialog', { hasText: '新建用户' })
      await userDialog.locator('[data-test=role-select]').click()
      // The platform administrator starts a police organisation with its account administrator;
      // only that administrator creates the officers (docs/security.md, police accounts).
      assert.deepEqual(await openDropdownOptions(page), ['警务账号管理员'])
      await page.locator('.el-select-dropdown__item:visible', { hasText: /^\s*警务账号管理员\s*$/ }).click()
      const username = `police.haidian.admin.${Date.now().toString(36)}`
      const inputs = userDialog.locator('.el-form-item input')
      await userDialog.locator('.el-form-item', { hasText: '用户名' }).locator('input').fill(username)
      await userDialog.locator('.el-form-item', { hasText: '姓名' }).locator('input').fill('钱警官')
      await userDialog.locator('.el-form-item', { hasText: '初始密码' }).locator('input').fill('a-long-password-123')
      assert.ok((await inputs.count()) >= 3)
      const [userCreated] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && /\/users$/.test(r.url())),
        userDialog.locator('[data-test=save]').click(),
      ])
      assert.equal(userCreated.status(), 201)
      const userRow = usersTable.locator('.el-table__body tr', { hasText: username })
      await userRow.waitFor()
      assert.match(await userRow.textContent(), /钱警官.*警务账号管理员/)
      await screenshot('admin-users')

      // An API key: the secret is shown once; revoking it marks it revoked.
      await page.locator('[data-test=side-menu] [data-menu=apiKeys]').click()
      await page.locator('[data-test=create-api-key]').click()
      const keyDialog = page.locator('.el-dialog', { hasText: '新建 API 密钥' })
      const keyName = `对账系统 ${Date.now().toString(36)}`
      await keyDialog.locator('input').fill(keyName)
      const [keyCreated] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/api-keys')),
        keyDialog.locator('[data-test=save]').click(),
      ])
      assert.equal(keyCreated.status(), 201)
      const { secret } = await keyCreated.json()
      const secretInput = page.locator('[data-test=api-key-secret] input')
      await secretInput.waitFor()
      assert.equal(await secretInput.inputValue(), secret)
      await screenshot('api-key-secret')
      await page.locator('.el-dialog', { hasText: 'API 密钥已创建' }).getByRole('button', { name: '关闭', exact: true }).click()
      await secretInput.waitFor({ state: 'hidden' })
      assert.equal(await page.getByText(secret).count(), 0, 'the secret is gone from the page')

      const keyRow = page.locator('[data-test=api-keys-table] .el-table__body tr', { hasText: keyName })
      await keyRow.waitFor()
      assert.match(await keyRow.textContent(), /有效/)
      await keyRow.getByRole('button', { name: '吊销' }).click()
      const [revoked] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'DELETE' && /\/api\/v1\/api-keys\/[^/]+$/.test(r.url())),
        page.locator('.el-message-box').getByRole('button', { name: '吊销' }).click(),
      ])
      assert.equal(revoked.status(), 204)
      await keyRow.locator('.el-tag', { hasText: '已吊销' }).waitFor()
      assert.equal(await keyRow.getByRole('button', { name: '吊销' }).count(), 0)
      await screenshot('api-keys-revoked')
    })
  })

  test('the language choice persists across reloads, Element Plus included', async () => {
    await withBrowser({ locale: 'zh-CN' }, async ({ page, screenshot }) => {
      await page.goto('/login')
      await page.getByRole('heading', { name: '登录' }).waitFor()
      await page.locator('[data-test=language-switch]').getByText('English', { exact: true }).click()
      await page.getByRole('heading', { name: 'Log in' }).waitFor()
      assert.equal(await page.evaluate(() => localStorage.getItem('recirc.locale')), 'en')

      await page.reload()
      await page.getByRole('heading', { name: 'Log in' }).waitFor()
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      await screenshot('login-en')

      await logIn(page, 'inspector')
      await waitForPath(page, '/overview')
      let menu = await menuTitles(page)
      assert.ok(menu.includes('Inspection'), `menu: ${menu}`)
      assert.equal((await page.locator('[data-test=user-role]').textContent()).trim(), 'Inspector')

      // Element Plus's own texts follow: the dialog's close button is labelled in English.
      await page.locator('[data-test=side-menu] [data-menu=apiKeys]').click()
      await page.locator('[data-test=create-api-key]').click()
      const close = page.locator('.el-dialog .el-dialog__headerbtn')
      await close.waitFor()
      assert.equal(await close.getAttribute('aria-label'), 'Close this dialog')
      await close.click()

      await page.locator('[data-test=language-switch]').getByText('中文', { exact: true }).click()
      await page.reload()
      menu = await menuTitles(page)
      assert.ok(menu.includes('检测'), `menu: ${menu}`)
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
      await page.locator('[data-test=create-api-key]').click()
      await close.waitFor()
      assert.equal(await close.getAttribute('aria-label'), '关闭此对话框')
      await screenshot('api-keys-zh')
    })
  })
})
