// Identifier checks for live validation in forms, ported from the server's own
// src/core/validators.cpp (the reference; the server checks every value again). Each validator
// takes the normalised value (normaliseIdentifier) and returns null when it is valid, else
// { code, params } for the message `validation.<code>` (src/i18n/messages/*.js), so the text is
// in the page's language. Positions count from 1.

const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42',
  '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
])
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const CREDIT_AUTHORITIES = '123456789ANY'

const isDigit = (c) => c >= '0' && c <= '9'
const isLower = (c) => c >= 'a' && c <= 'z'
const isUpperHex = (c) => isDigit(c) || (c >= 'A' && c <= 'F')
const isVinChar = (c) => isDigit(c) || (c >= 'A' && c <= 'Z' && c !== 'I' && c !== 'O' && c !== 'Q')
const isCreditChar = (c) => CREDIT_ALPHABET.includes(c)

/** Removes spaces and hyphens and upper-cases ASCII letters (as NormaliseIdentifier does). */
export function normaliseIdentifier(value) {
  return String(value ?? '')
    .replace(/[ -]/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase())
}

const fail = (code, params = {}) => ({ code, params })

function checkCharacters(value, label, allowedKey, allowed) {
  if (value.length === 0) return fail('empty', { label })
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (allowed(i, c)) continue
    if (isLower(c) && allowed(i, c.toUpperCase())) return fail('upperCase', { label, position: i + 1 })
    return fail('characters', { label, allowed: allowedKey, char: c, position: i + 1 })
  }
  return null
}

function checkLength(value, expected, label) {
  return value.length === expected ? null : fail('length', { label, expected, actual: value.length })
}

function luhn(first14) {
  let sum = 0
  for (let i = 0; i < first14.length; i++) {
    let d = Number(first14[i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return String((10 - (sum % 10)) % 10)
}

export function imeiCheckDigit(first14) {
  return luhn(first14)
}

export function validateImei(v) {
  const e = checkCharacters(v, 'IMEI', 'digits', (_, c) => isDigit(c)) ?? checkLength(v, 15, 'IMEI')
  if (e) return e
  const expected = luhn(v.slice(0, 14))
  return v[14] === expected ? null : fail('checkDigit', { label: 'IMEI', expected })
}

export function validateMeid(v) {
  return checkCharacters(v, 'MEID', 'hex', (_, c) => isUpperHex(c)) ?? checkLength(v, 14, 'MEID')
}

function vinValue(c) {
  if (isDigit(c)) return Number(c)
  if (c <= 'H') return c.charCodeAt(0) - 64
  if (c <= 'N') return c.charCodeAt(0) - 73
  if (c === 'P') return 7
  if (c === 'R') return 9
  return c.charCodeAt(0) - 81
}

export function vinCheckChar(vin) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += vinValue(vin[i]) * VIN_WEIGHTS[i]
  const r = sum % 11
  return r === 10 ? 'X' : String(r)
}

export function validateVin(v) {
  const e = checkCharacters(v, 'VIN', 'vin', (_, c) => isVinChar(c)) ?? checkLength(v, 17, 'VIN')
  if (e) return e
  const expected = vinCheckChar(v)
  return v[8] === expected ? null : fail('checkDigit', { label: 'VIN', expected })
}

export function residentIdCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

/** GB 11643-1999; `today` (a Date) rules out birth dates in the future. */
export function validateResidentId(v, today = new Date()) {
  const label = 'residentId'
  const e = checkCharacters(v, label, 'residentId', (i, c) => isDigit(c) || (i === 17 && c === 'X'))
  if (e) return e
  if (v.length !== 18) return fail(v.length === 15 ? 'firstGeneration' : 'length', { label, expected: 18, actual: v.length })
  if (!PROVINCES.has(v.slice(0, 2))) return fail('province', { region: v.slice(0, 6) })
  const birth = v.slice(6, 14)
  const y = Number(birth.slice(0, 4))
  const m = Number(birth.slice(4, 6))
  const d = Number(birth.slice(6, 8))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || d < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail('birthDate', { birth })
  }
  if (y < 1800) return fail('birthTooEarly', { birth })
  const todayKey = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate()
  if (Number(birth) > todayKey) return fail('birthFuture', { birth })
  const expected = residentIdCheckChar(v)
  return v[17] === expected ? null : fail('checkDigit', { label, expected })
}

export function creditCodeCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i]
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]
}

/** GB 32100-2015 unified social credit code. */
export function validateCreditCode(v) {
  const label = 'creditCode'
  const e = checkCharacters(v, label, 'creditCode', (_, c) => isCreditChar(c)) ?? checkLength(v, 18, label)
  if (e) return e
  if (!CREDIT_AUTHORITIES.includes(v[0])) return fail('creditAuthority', { char: v[0] })
  for (let i = 2; i < 8; i++) {
    if (!isDigit(v[i])) return fail('creditRegion', { char: v[i], position: i + 1 })
  }
  const expected = creditCodeCheckChar(v)
  return v[17] === expected ? null : fail('checkDigit', { label, expected })
}

/** 11-digit mainland mobile number, as the server takes it. */
export function validateMobile(v) {
  return /^1\d{10}$/.test(v) ? null : fail('mobile')
}

/** The identifier kinds the register takes, with their validators (null: free text). */
export const IDENTIFIER_KINDS = {
  imei: validateImei,
  meid: validateMeid,
  vin: validateVin,
  serial: null,
  mac: null,
  gtin_serial: null,
  engraving: null,
}
