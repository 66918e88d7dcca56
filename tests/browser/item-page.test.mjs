// Browser test of the public item page (/items/:id, what an item label's QR code opens): the
// page verifies the item's passport itself (checkpoint signature with WebCrypto Ed25519, leaf
// hashes and inclusion proofs with SHA-256) and says "verified" only for an honest answer. The
// same page with the passport altered in flight (one byte of a leaf, of a proof hash, of the
// checkpoint signature) says "not verified" and names the check; without WebCrypto it never
// says "verified". Against the real recirc server in Debian's Chromium.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startServer } from './support/server.mjs'
import { withBrowser as withBrowserAt } from './support/session.mjs'
import { apiSession, withLuhn } from './support/api.mjs'

const TIMEOUT = 180_000
let server

before(async () => {
  server = await startServer()
})
after(async () => {
  await server?.stop()
})

const withBrowser = (options, fn) => withBrowserAt(server.url, options, fn)
const apiAs = (username) => apiSession(server.url, username)

const PHOTO = `sha256:${'a'.repeat(64)}`
const RESULTS = {
  powers_on: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', buttons: 'pass',
  charging: 'pass', connectivity: 'pass', battery_health: 91, liquid_indicator: 'not_triggered',
  activation_lock: 'off', screen_glass: 'flawless', housing: 'light_wear', photo_front: PHOTO, photo_back: PHOTO,
}

/** A phone registered by shop.clerk and inspected, with both events in a signed checkpoint. */
async function inspectedPhone() {
  const clerk = await apiAs('shop.clerk')
  const outlets = await clerk.call('GET', `/organisations/${clerk.session.organisation.id}/outlets`)
  const r = await clerk.call('POST', '/acquisitions', {
    outlet_id: outlets.body.items[0].id,
    kind: 'purchase',
    channel: 'store',
    price_fen: 150000,
    payment_method: 'cash',
    person_matches_id: true,
    origin_statement: '自用一年',
    seller: { kind: 'individual', name: '李四', id_type: 'resident_id', id_number: '11010519491231002X' },
    item: { category: 'phone', brand: 'Huawei', model: 'Mate 60', identifiers: { imei: withLuhn(`8672340${String(Date.now() % 10_000_000).padStart(7, '0')}`) }, condition: '九成新' },
  })
  assert.equal(r.status, 201, JSON.stringify(r.body))
  const item = r.body.item_id
  const inspection = await (await apiAs('inspector')).call('POST', `/items/${item}/inspections`, { results: RESULTS })
  assert.equal(inspection.status, 201, JSON.stringify(inspection.body))
  // The sequencer signs a checkpoint within its interval (1 s by default).
  for (let i = 0; i < 100; i++) {
    const p = await fetch(`${server.url}/api/v1/items/${item}/passport`)
    if (p.status === 200 && (await p.json()).events.length === 2) return { item, clerk }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the item\'s events were not sequenced')
}

const verdict = (page) => page.locator('[data-test=item-verdict]')

/** Serves the page a passport changed by `alter(passport)` instead of the node's. */
async function alterPassport(page, alter) {
  await page.unroute('**/api/v1/items/*/passport')
  await page.route('**/api/v1/items/*/passport', async (route) => {
    const response = await route.fetch()
    const passport = await response.json()
    alter(passport)
    await route.fulfill({ response, body: JSON.stringify(passport) })
  })
}

function flipBase64Byte(b64, at) {
  const bytes = Buffer.from(b64, 'base64')
  bytes[at] ^= 0x01
  return bytes.toString('base64')
}

describe('public item page', { timeout: TIMEOUT }, () => {
  test('an honest item shows verified; altered answers show not verified naming the check', async () => {
    const { item, clerk } = await inspectedPhone()
    const logKey = (await (await fetch(`${server.url}/log/key`)).text()).trim()
    const keyId = logKey.split('+')[1]

    // The label that points here needs a login (items.service); the QR code is checked in C++ tests.
    assert.equal((await fetch(`${server.url}/api/v1/items/${item}/label.pdf`)).status, 401)
    const label = await clerk.call('GET', `/items/${item}/label.pdf?size=40x30`)
    assert.equal(label.status, 200)
    assert.match(label.body, /^%PDF-/)

    await withBrowser({}, async ({ page, screenshot }) => {
      // Honest, in Chinese (the default language).
      await page.goto(`/items/${item}`)
      await verdict(page).waitFor()
      assert.equal(await verdict(page).getAttribute('data-verified'), 'true', await verdict(page).innerText())
      const text = await page.locator('.public-page').innerText()
      assert.match(text, /已验证/)
      assert.match(text, /由登记商户收购/)
      assert.match(text, /检测并定级/)
      assert.match(text, /功能 0/)
      assert.match(text, /Huawei Mate 60/)
      // The proof details are folded away under "technical details"; the log's key is inside.
      assert.equal(await page.locator('[data-test=item-key-id]').isVisible(), false)
      await page.locator('[data-test=item-technical-toggle]').click()
      assert.equal(await page.locator('[data-test=item-key-id]').innerText(), keyId)
      assert.doesNotMatch(text, /李四|11010519491231002X|1500/, 'no personal data, no price')
      await screenshot('item-page-verified-zh')
      await page.locator('[data-test=language-switch]').getByText('English', { exact: true }).click()
      await page.locator('[data-test=item-events]').getByText('Taken in by a registered shop').waitFor()
      assert.match(await verdict(page).innerText(), /Verified/)
      await screenshot('item-page-verified-en')

      const cases = [
        ['one byte of a leaf', 'inclusion', /leaf hash and inclusion proof/, (p) => {
          p.events[0].entry = p.events[0].entry.replace(/"v":1}$/, '"v":2}')
          assert.match(p.events[0].entry, /"v":2}$/)
        }],
        ['one byte of a proof hash', 'inclusion', /leaf hash and inclusion proof/, (p) => {
          p.events[1].inclusion_proof[0] = flipBase64Byte(p.events[1].inclusion_proof[0], 5)
        }],
        ['one byte of the checkpoint signature', 'signature', /checkpoint signature/, (p) => {
          p.checkpoint = p.checkpoint.replace(/ (\S+)\n$/, (_m, sig) => ` ${flipBase64Byte(sig, 30)}\n`)
        }],
      ]
      for (const [name, check, words, alter] of cases) {
        await alterPassport(page, alter)
        await page.goto(`/items/${item}`)
        await verdict(page).waitFor()
        assert.equal(await verdict(page).getAttribute('data-verified'), 'false', name)
        assert.equal(await verdict(page).getAttribute('data-check'), check, name)
        const shown = await verdict(page).innerText()
        assert.match(shown, /Not verified/, name)
        assert.match(shown, words, name)
        assert.doesNotMatch(shown, /^Verified/m, name)
        assert.equal(await page.locator('[data-test=item-event]').count(), 0, `${name}: no history shown as verified`)
        await screenshot(`item-page-altered-${check}-${cases.findIndex((c) => c[0] === name)}`)
      }
    })

    // A browser without WebCrypto never says verified.
    await withBrowser({}, async ({ page, screenshot }) => {
      await page.addInitScript(() => {
        Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true })
      })
      await page.goto(`/items/${item}`)
      await verdict(page).waitFor()
      assert.equal(await verdict(page).getAttribute('data-verified'), 'false')
      assert.equal(await verdict(page).getAttribute('data-check'), 'webcrypto')
      assert.match(await verdict(page).innerText(), /未验证/)
      await screenshot('item-page-no-webcrypto')
    })
  })

  test('an item without public history says so', async () => {
    await withBrowser({}, async ({ page }) => {
      await page.goto('/items/01M82QGDFSEZ4VR0P0J7CYX2FC')
      await page.locator('[data-test=item-error]').waitFor()
      assert.match(await page.locator('[data-test=item-error]').innerText(), /没有公开履历/)
      assert.equal(await verdict(page).count(), 0)
    })
  })
})
