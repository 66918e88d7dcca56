// Cross-check of the web app's live identifier checks (web/src/validation/validators.js) against
// the server's own (src/core/validators.cpp, run as the C++ program recirc_validate): for seeded
// candidates of every kind — valid ones and corruptions of them (one character changed, swapped
// neighbours, a character dropped or added, a lower-case letter, a forbidden letter) — both must
// give the same verdict. The web app's checks are a convenience (the server checks every value
// again); this test keeps them from telling a shop assistant the opposite of what the server says.
//
//   cmake --build --preset debug --target recirc_validate
//   node --test tests/crosscheck/
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

import {
  creditCodeCheckChar,
  imeiCheckDigit,
  residentIdCheckChar,
  validateCreditCode,
  validateImei,
  validateMeid,
  validateResidentId,
  validateVin,
  vinCheckChar,
} from '../../web/src/validation/validators.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const program = join(resolve(root, process.env.RECIRC_BUILD_DIR ?? 'build/debug'), 'src', 'core', 'recirc_validate')
const now = new Date()
const pad = (n) => String(n).padStart(2, '0')
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`

function recirc(kind, values) {
  assert.ok(existsSync(program), `${program} is missing: cmake --build --preset debug --target recirc_validate`)
  const run = spawnSync(program, [`--today=${today}`], {
    input: values.map((v) => `${kind} ${v}\n`).join(''),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  assert.equal(run.status, 0, `recirc_validate failed: ${run.stderr}`)
  const lines = run.stdout.split('\n')
  lines.pop()
  assert.equal(lines.length, values.length)
  return lines.map((l) => l === 'ok')
}

function seeded(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const int = (n) => Math.floor(next() * n)
  return { int, pick: (s) => s[int(s.length)], chars: (n, s) => Array.from({ length: n }, () => s[int(s.length)]).join('') }
}

function corruptions(r, value, alphabet) {
  const i = r.int(value.length)
  const out = [
    value.slice(0, i) + r.pick(alphabet) + value.slice(i + 1),
    value.slice(0, i) + value.slice(i + 1),
    value.slice(0, i) + r.pick(alphabet) + value.slice(i),
    value.slice(0, i) + value.slice(i + 1, i + 2) + value.slice(i, i + 1) + value.slice(i + 2),
    value.slice(0, i) + value[i].toLowerCase() + value.slice(i + 1),
    value.slice(0, i) + r.pick('IOQSVZ-x!') + value.slice(i + 1),
  ]
  return out.filter((v) => v.length > 0 && !/\s/.test(v))
}

function compare(t, kind, values, web) {
  const server = recirc(kind, values)
  const disagreements = values
    .map((v, i) => ({ value: v, server: server[i], web: web(v) === null }))
    .filter((d) => d.server !== d.web)
  const accepted = server.filter(Boolean).length
  t.diagnostic(`${kind}: ${values.length} candidates, ${accepted} valid, ${disagreements.length} disagreements`)
  assert.deepEqual(disagreements.slice(0, 20), [])
  assert.ok(accepted >= values.length / 8 && values.length - accepted >= values.length / 4, `${kind}: lopsided sample`)
}

const DIGITS = '0123456789'
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const VIN = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'

function sample(seed, make, alphabet, n = 400) {
  const r = seeded(seed)
  const values = []
  for (let i = 0; i < n; i++) {
    const v = make(r)
    values.push(v, ...corruptions(r, v, alphabet))
  }
  return values
}

test('IMEI: the web check and the server agree', (t) => {
  const values = sample(1, (r) => {
    const body = r.chars(14, DIGITS)
    return body + imeiCheckDigit(body)
  }, DIGITS)
  compare(t, 'imei', values, validateImei)
})

test('MEID: the web check and the server agree', (t) => {
  compare(t, 'meid', sample(2, (r) => r.chars(14, '0123456789ABCDEF'), '0123456789ABCDEFG'), validateMeid)
})

test('VIN: the web check and the server agree', (t) => {
  const values = sample(3, (r) => {
    const v = r.chars(17, VIN)
    return v.slice(0, 8) + vinCheckChar(v) + v.slice(9)
  }, VIN + 'IOQ')
  compare(t, 'vin', values, validateVin)
})

test('resident ID: the web check and the server agree (dates, regions, check character)', (t) => {
  const provinces = ['11', '31', '44', '65', '82', '99', '00']
  const values = sample(4, (r) => {
    const year = 1790 + r.int(240)
    const month = pad(1 + r.int(13))
    const day = pad(1 + r.int(31))
    const body = r.pick(provinces) + r.chars(4, DIGITS) + year + month + day + r.chars(3, DIGITS)
    return body + residentIdCheckChar(body)
  }, DIGITS + 'X')
  compare(t, 'resident_id', values, (v) => validateResidentId(v, now))
})

test('credit code: the web check and the server agree', (t) => {
  const values = sample(5, (r) => {
    const body = r.pick('123456789ANYBZ') + r.chars(1, CREDIT) + r.chars(6, r.int(8) ? DIGITS : CREDIT) + r.chars(9, CREDIT)
    return body + creditCodeCheckChar(body)
  }, CREDIT + UPPER)
  compare(t, 'credit_code', values, validateCreditCode)
})
