// Debian's Chromium driven by playwright-core, one fresh profile per test, plus screenshots into
// test-artifacts/browser/ and a record of uncaught page errors (a test fails on any).
import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { REPO_ROOT } from './server.mjs'

export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'browser')
const EXECUTABLE = process.env.CHROMIUM_BIN || '/usr/bin/chromium'
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Opens a browser with an empty profile (no cookies, no localStorage) on `baseURL`.
 * @returns {Promise<{page: import('playwright-core').Page, context: import('playwright-core').BrowserContext,
 *   pageErrors: string[], screenshot: (name: string) => Promise<string>, close: () => Promise<void>}>}
 */
export async function openBrowser(baseURL, { locale = 'zh-CN', extraArgs = [] } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true })
  const profile = await mkdtemp(path.join(tmpdir(), 'recirc-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    args: [...ARGS, ...extraArgs],
    baseURL,
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
  })
  context.setDefaultTimeout(15_000)
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack || err)))
  page.on('console', (msg) => {
    // Vue reports rendering errors and warnings on the console; count errors as failures.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) pageErrors.push(msg.text())
  })

  return {
    page,
    context,
    pageErrors,
    async screenshot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await context.close().catch(() => {})
      await rm(profile, { recursive: true, force: true })
    },
  }
}
