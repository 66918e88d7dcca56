// Browser test of the responsive layout (issue 15 item 1): every page of every demo role, and the
// public pages, fit the screen at 1440×900 (a desk) and at 390×844 (a shop's counter device, a
// buyer's phone): nothing makes the page scroll sideways, and no button or field sits beyond the
// right edge. On a phone the side menu is a drawer opened from the header. A screenshot of every
// page at 390 px goes to test-artifacts/responsive/. One server, one browser, one login per role.
// The same walk runs axe-core on every page, tab and create dialog (issue 15 item 9): no serious or
// critical accessibility violation; the lesser ones are written to test-artifacts/axe/.
import assert from 'node:assert/strict'
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { axeCheck } from './support/axe.mjs'
import { openBrowser } from './support/browser.mjs'
import { REPO_ROOT, startServer } from './support/server.mjs'
import { DEMO_PASSWORD } from './support/session.mjs'
import { imeiSource } from './support/api.mjs'
import { MODULES } from '../../web/src/navigation.js'

const TIMEOUT = 600_000
const DESK = { width: 1440, height: 900 }
const PHONE = { width: 390, height: 844 }
const SHOTS = path.join(REPO_ROOT, 'test-artifacts', 'responsive')
const AXE_REPORT = path.join(REPO_ROOT, 'test-artifacts', 'axe', 'violations.txt')
// Every role of the demo (police.haidian is the same role as police.chaoyang).
const ROLES = [
  'admin', 'shop.admin', 'shop.clerk', 'inspection.admin', 'inspector', 'police.admin', 'police.chaoyang',
  'police.supervisor', 'commerce', 'market', 'buyer',
]
const PATHS = Object.fromEntries(MODULES.map((m) => [m.name, `/${m.path}`]))

let server
let browser

before(async () => {
  mkdirSync(SHOTS, { recursive: true })
  mkdirSync(path.dirname(AXE_REPORT), { recursive: true })
  writeFileSync(AXE_REPORT, '')
  server = await startServer()
  browser = await openBrowser(server.url, { locale: 'zh-CN' })
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Waits until the page has stopped loading (some pages poll: then it goes on after a while). */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {})
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/**
 * What does not fit: the page wider than the window, the layout's content area wider than itself,
 * or a button, field or receipt reaching past the right edge outside a sideways-scrolling box
 * (a wide table may scroll inside its own box).
 */
function overflow(page) {
  return page.evaluate(() => {
    const problems = []
    const doc = document.documentElement
    if (doc.scrollWidth > window.innerWidth) problems.push(`page ${doc.scrollWidth} px wide in a ${window.innerWidth} px window`)
    const main = document.querySelector('.el-main')
    if (main && main.scrollWidth > main.clientWidth + 1) problems.push(`content ${main.scrollWidth} px wide in ${main.clientWidth} px`)
    const scrolls = (el) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (a === main || a === document.body || a.classList.contains('el-overlay')) return false
        const o = getComputedStyle(a).overflowX
        if ((o === 'auto' || o === 'scroll') && a.scrollWidth > a.clientWidth) return true
        if (a.classList.contains('el-tabs__nav-wrap')) return true
      }
      return false
    }
    for (const el of document.querySelectorAll('button, input:not([type=hidden]), textarea, [data-test=receipt], h1')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
      if (r.right > window.innerWidth + 1 && !scrolls(el)) {
        const name = el.getAttribute('data-test') || el.getAttribute('name') || el.textContent.trim().slice(0, 20) || el.className
        problems.push(`${el.tagName.toLowerCase()} "${name}" reaches ${Math.round(r.right)} px`)
      }
    }
    for (const el of document.querySelectorAll('.el-dialog, .el-message-box, .el-drawer')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue
      if (r.left < 0 || r.right > window.innerWidth + 1) problems.push(`${el.className.split(' ')[0]} spans ${Math.round(r.left)}–${Math.round(r.right)} px`)
    }
    return problems.slice(0, 6)
  })
}

// Pages that do not fit, gathered so that one run names them all; each test asserts none.
let misfits = []

async function assertFits(page, what, size, { gather = true } = {}) {
  await settle(page)
  const problems = await overflow(page)
  const message = `${what} at ${size.width}×${size.height} does not fit: ${problems.join('; ')}`
  if (gather && problems.length) misfits.push(message)
  else assert.deepEqual(problems, [], message)
}

function assertAllFit() {
  const found = misfits
  misfits = []
  assert.deepEqual(found, [], `${found.length} pages do not fit:\n${found.join('\n')}`)
}

// Pages with serious or critical accessibility violations, gathered like the misfits.
let inaccessible = []

async function assertAccessible(page, what) {
  await settle(page)
  const { failing, other } = await axeCheck(page)
  for (const line of [...failing, ...other]) appendFileSync(AXE_REPORT, `${what}: ${line}\n`)
  if (failing.length) inaccessible.push(`${what}:\n  ${failing.join('\n  ')}`)
}

function assertAllAccessible() {
  const found = inaccessible
  inaccessible = []
  assert.deepEqual(found, [], `${found.length} pages have serious or critical axe-core violations:\n${found.join('\n')}`)
}

const shotName = (what) => what.replace(/[^a-z0-9.-]+/gi, '_').replace(/^_|_$/g, '')

/** Checks the page at both sizes (the phone last, with a screenshot), and each of its tabs on the phone. */
async function checkPage(page, what) {
  await page.setViewportSize(DESK)
  await assertFits(page, what, DESK)
  await assertAccessible(page, what)
  await page.setViewportSize(PHONE)
  await assertFits(page, what, PHONE)
  await page.screenshot({ path: path.join(SHOTS, `${shotName(what)}.png`), fullPage: true })
  // The page's create dialog, if it has one, fits too.
  const create = page.locator('.el-main [data-test^=create-]:visible, .el-main [data-test=offer-new]:visible').first()
  if (await create.count()) {
    await create.click()
    const dialog = page.locator('.el-dialog:visible').first()
    await dialog.waitFor()
    await page.waitForFunction(() => document.getAnimations().length === 0) // faded in
    await assertFits(page, `${what} create dialog`, PHONE)
    await assertAccessible(page, `${what} create dialog`)
    await page.screenshot({ path: path.join(SHOTS, `${shotName(`${what}-dialog`)}.png`) })
    await dialog.locator('.el-dialog__headerbtn').click()
    await dialog.waitFor({ state: 'hidden' })
  }
  const tabs = page.locator('.el-main .el-tabs__item:visible, .market-main .el-tabs__item:visible')
  const count = await tabs.count()
  for (let i = 1; i < count; i++) {
    const label = (await tabs.nth(i).textContent()).trim()
    await tabs.nth(i).click()
    await assertFits(page, `${what} tab ${label}`, PHONE)
    await assertAccessible(page, `${what} tab ${label}`)
    await page.screenshot({ path: path.join(SHOTS, `${shotName(`${what}-tab-${i}`)}.png`), fullPage: true })
  }
  await page.setViewportSize(DESK)
}

async function logIn(page, username) {
  await page.context().clearCookies()
  await page.setViewportSize(DESK)
  await page.goto('/login')
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('[data-test=login-submit]').click()
  // Staff land on the overview, a buyer on the market.
  await page.waitForURL((u) => ['/overview', '/market'].includes(new URL(u).pathname))
}

/** The route names of the side menu's entries. */
async function menuEntries(page) {
  await page.locator('[data-test=side-menu] [data-menu]').first().waitFor()
  return page.locator('[data-test=side-menu] [data-menu]').evaluateAll((items) => items.map((li) => li.getAttribute('data-menu')))
}

async function publicJson(p) {
  const res = await fetch(`${server.url}/api/v1${p}`)
  assert.equal(res.status, 200, `GET ${p}`)
  return res.json()
}

describe('responsive layout', { timeout: TIMEOUT }, () => {
  test('the public pages fit a desk and a phone', async () => {
    const { page } = browser
    await page.context().clearCookies()
    const search = await publicJson('/search?q=')
    const hit = search.items?.[0]
    assert.ok(hit, `the demo market lists offers: ${JSON.stringify(search)}`)
    const offerId = hit.listing_id
    const offer = await publicJson(`/offers/${offerId}`)
    const pages = [
      ['login', '/login', 'input[name=username]'],
      ['market search', '/market', '.market-main'],
      ['market search for phones', '/market?q=%E6%89%8B%E6%9C%BA', '.market-main'],
      ['offer page', `/market/offers/${offerId}`, '[data-test=offer-disclosure]'],
      ['buyer sign-up', '/market/signup', '.market-main form'],
      ['public item page', `/items/${offer.item_id}`, 'main, #app > *'],
      ['report verification', '/verify/report', '#app > *'],
    ]
    for (const [what, url, ready] of pages) {
      await page.setViewportSize(DESK)
      await page.goto(url)
      await page.locator(ready).first().waitFor()
      await checkPage(page, `public ${what}`)
    }
    assertAllFit()
    assertAllAccessible()
    assert.deepEqual(browser.pageErrors, [], 'the pages reported errors')
  })

  test('every page of every role fits a desk and a phone', async () => {
    const { page } = browser
    const checked = []
    for (const role of ROLES) {
      await logIn(page, role)
      const entries = role === 'buyer' ? [] : await menuEntries(page)
      for (const name of entries) {
        await page.goto(PATHS[name])
        await page.locator('.el-main > *').first().waitFor()
        await checkPage(page, `${role} ${name}`)
        checked.push(`${role}/${name}`)
      }
      if (role === 'buyer') {
        await page.goto('/market/orders')
        await page.locator('.market-main > *').first().waitFor()
        await checkPage(page, 'buyer my orders')
        const search = await publicJson('/search?q=')
        await page.goto(`/market/offers/${search.items[0].listing_id}/checkout`)
        await page.locator('.market-main > *').first().waitFor()
        await checkPage(page, 'buyer checkout')
      }
    }
    assert.ok(checked.length > ROLES.length, `pages checked: ${checked}`)
    assertAllFit()
    assertAllAccessible()
    assert.deepEqual(browser.pageErrors, [], 'the pages reported errors')
  })

  test('on a phone the menu is a drawer that closes on navigation', async () => {
    const { page } = browser
    await logIn(page, 'shop.clerk')
    await page.setViewportSize(PHONE)
    await page.goto('/overview')
    await settle(page)
    const aside = page.locator('.el-aside')
    assert.equal(await aside.isVisible(), false, 'no side column on a phone')
    await page.locator('[data-test=menu-button]').click()
    const drawer = page.locator('[data-test=menu-drawer]')
    await drawer.locator('[data-test=logout]').waitFor()
    assert.equal((await drawer.locator('[data-test=user-role]').textContent()).trim(), '经营者员工')
    await drawer.locator('.el-menu-item', { hasText: '收购登记' }).waitFor()
    await page.waitForFunction(() => document.getAnimations().length === 0) // slid in
    await assertFits(page, 'shop.clerk menu drawer', PHONE, { gather: false })
    await page.screenshot({ path: path.join(SHOTS, 'shop.clerk-menu-drawer.png') })
    await drawer.locator('[data-menu=acquisitions]').click()
    await page.waitForURL((u) => new URL(u).pathname === '/acquisitions')
    await drawer.waitFor({ state: 'hidden' })
    await page.locator('[data-test=intake-form]').waitFor()
    await assertFits(page, 'shop.clerk acquisitions after the drawer', PHONE, { gather: false })
    await page.setViewportSize(DESK)
    await settle(page)
    assert.equal(await page.locator('[data-test=menu-button]').isVisible(), false, 'no menu button on a desk')
    assert.equal(await aside.isVisible(), true, 'the side menu is back on a desk')
  })

  test('on a phone the work lists are cards, each line labelled with its column', async () => {
    const { page } = browser
    await logIn(page, 'shop.clerk')
    await page.setViewportSize(PHONE)
    await page.goto('/shop')
    const table = page.locator('[data-test=offers-table]')
    const card = table.locator('.el-table__body tr').first()
    await card.waitFor()
    assert.equal(await table.locator('.el-table__header-wrapper').isVisible(), false, 'no column headers on a phone')
    await card.locator('.cell[data-label=状态]').waitFor()
    await card.locator('.cell[data-label=价格]', { hasText: '¥' }).waitFor()
    const box = await card.boundingBox()
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the card fits: ${JSON.stringify(box)}`)
    // On a desk it is a table again.
    await page.setViewportSize(DESK)
    await table.locator('.el-table__header-wrapper').waitFor()
    assert.deepEqual(browser.pageErrors, [], 'the pages reported errors')
  })

  test('on a phone a clerk registers an item and sees the whole receipt and its print button', async () => {
    const { page } = browser
    await logIn(page, 'shop.clerk')
    await page.setViewportSize(PHONE)
    await page.goto('/acquisitions')
    await page.locator('[data-test=intake-form]').waitFor()
    const field = (name) =>
      page.locator(`input[data-test=${name}], textarea[data-test=${name}], [data-test=${name}] input, [data-test=${name}] textarea`).first()
    await page.locator('[data-test=outlet]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '朝阳门店' }).first().click()
    await field('price').fill('800')
    await field('origin').fill('2024 年购买，自用')
    await page.locator('[data-test=person-matches-id]').click()
    await field('seller-name').fill('张三丰')
    const body = '11010519880101' + String(Date.now() % 1000).padStart(3, '0')
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i], 0)
    await field('id-number').fill(body + '10X98765432'[sum % 11])
    await field('phone').fill('13800138000')
    await field('brand').fill('Huawei')
    await field('model').fill('Mate 50')
    await field('identifier-0').fill(imeiSource('35209901')())
    await field('condition').fill('九成新')
    await assertFits(page, 'shop.clerk intake form filled', PHONE, { gather: false })
    await page.locator('[data-test=register]').click()
    const receipt = page.locator('[data-test=receipt]')
    await receipt.waitFor()
    await assertFits(page, 'shop.clerk receipt', PHONE, { gather: false })
    const box = await receipt.boundingBox()
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the receipt fits: ${JSON.stringify(box)}`)
    const print = page.locator('[data-test=print]')
    await print.scrollIntoViewIfNeeded()
    assert.ok(await print.isVisible(), 'the print button is visible')
    const p = await print.boundingBox()
    assert.ok(p.x >= 0 && p.x + p.width <= PHONE.width, `the print button fits: ${JSON.stringify(p)}`)
    await page.screenshot({ path: path.join(SHOTS, 'shop.clerk-receipt.png'), fullPage: true })
    await page.setViewportSize(DESK)
    assert.deepEqual(browser.pageErrors, [], 'the pages reported errors')
  })
})
