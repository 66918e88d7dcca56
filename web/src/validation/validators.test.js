import { describe, expect, it } from 'vitest'
import {
  creditCodeCheckChar,
  imeiCheckDigit,
  normaliseIdentifier,
  residentIdCheckChar,
  validateCreditCode,
  validateImei,
  validateMeid,
  validateMobile,
  validateResidentId,
  validateVin,
} from './validators.js'

const TODAY = new Date(2026, 11, 1)

describe('normaliseIdentifier', () => {
  it('drops spaces and hyphens and upper-cases ASCII letters', () => {
    expect(normaliseIdentifier(' 49-0154 203237518 ')).toBe('490154203237518')
    expect(normaliseIdentifier('1m8gdm9axkp042788')).toBe('1M8GDM9AXKP042788')
  })
})

describe('IMEI (Luhn)', () => {
  it('accepts a valid IMEI and computes its check digit', () => {
    expect(validateImei('490154203237518')).toBeNull()
    expect(imeiCheckDigit('49015420323751')).toBe('8')
  })
  it('names the expected check digit', () => {
    expect(validateImei('490154203237519')).toEqual({ code: 'checkDigit', params: { label: 'IMEI', expected: '8' } })
  })
  it('reports length and characters with positions', () => {
    expect(validateImei('4901542032375')).toMatchObject({ code: 'length', params: { expected: 15, actual: 13 } })
    expect(validateImei('49015420323751A')).toMatchObject({ code: 'characters', params: { position: 15, char: 'A' } })
    expect(validateImei('')).toMatchObject({ code: 'empty' })
  })
})

describe('MEID', () => {
  it('takes 14 upper-case hex characters', () => {
    expect(validateMeid('A0000000002329')).toBeNull()
    expect(validateMeid('a0000000002329')).toMatchObject({ code: 'upperCase', params: { position: 1 } })
    expect(validateMeid('G0000000002329')).toMatchObject({ code: 'characters' })
    expect(validateMeid('A000000000232')).toMatchObject({ code: 'length' })
  })
})

describe('VIN (GB 16735 check character)', () => {
  it('accepts a valid VIN and rejects a wrong check character', () => {
    expect(validateVin('1M8GDM9AXKP042788')).toBeNull()
    expect(validateVin('1M8GDM9A1KP042788')).toEqual({ code: 'checkDigit', params: { label: 'VIN', expected: 'X' } })
  })
  it('refuses I, O and Q', () => {
    expect(validateVin('1M8GDM9AXKP04278O')).toMatchObject({ code: 'characters', params: { position: 17 } })
  })
})

describe('resident ID (GB 11643)', () => {
  it('accepts a valid number', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toBeNull()
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
  })
  it('names what is wrong', () => {
    expect(validateResidentId('110105194912310021', TODAY)).toMatchObject({ code: 'checkDigit', params: { expected: 'X' } })
    expect(validateResidentId('110105491231002', TODAY)).toMatchObject({ code: 'firstGeneration' })
    expect(validateResidentId('99010519491231002X', TODAY)).toMatchObject({ code: 'province' })
    expect(validateResidentId('11010519490231002X', TODAY)).toMatchObject({ code: 'birthDate' })
    expect(validateResidentId('11010517991231002X', TODAY)).toMatchObject({ code: 'birthTooEarly' })
    const future = '1101052027010100' + '1'
    expect(validateResidentId(future + residentIdCheckChar(future), TODAY)).toMatchObject({ code: 'birthFuture' })
    expect(validateResidentId('1101051949123100X2', TODAY)).toMatchObject({ code: 'characters', params: { position: 17 } })
  })
})

describe('unified social credit code (GB 32100)', () => {
  const base = '91110105MA0000001'
  it('accepts a code with its computed check character', () => {
    expect(validateCreditCode(base + creditCodeCheckChar(base))).toBeNull()
    expect(validateCreditCode('91350100M000100Y43')).toBeNull()
  })
  it('names the wrong part', () => {
    const wrong = creditCodeCheckChar(base) === '0' ? '1' : '0'
    expect(validateCreditCode(base + wrong)).toMatchObject({ code: 'checkDigit' })
    expect(validateCreditCode('B1110105MA00000010')).toMatchObject({ code: 'creditAuthority' })
    expect(validateCreditCode('911A0105MA00000010')).toMatchObject({ code: 'creditRegion', params: { position: 4 } })
    expect(validateCreditCode('91110105MA0000001I')).toMatchObject({ code: 'characters', params: { position: 18 } })
  })
})

describe('mobile', () => {
  it('takes 11 digits starting with 1', () => {
    expect(validateMobile('13800138000')).toBeNull()
    expect(validateMobile('2380013800')).toMatchObject({ code: 'mobile' })
  })
})
