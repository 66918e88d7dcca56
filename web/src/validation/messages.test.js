import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../i18n/index.js'
import { validationText } from './messages.js'
import { validateCreditCode, validateImei, validateResidentId } from './validators.js'

const t = (code) => createAppI18n(code).global.t

describe('validation messages', () => {
  it('name the expected check character in both languages', () => {
    const wrong = validateImei('490154203237519')
    expect(validationText(wrong, t('zh-CN'))).toBe('IMEI校验位错误：应为 8')
    expect(validationText(wrong, t('en'))).toBe('IMEI check character is wrong: expected 8')
  })
  it('translate the labels and the allowed characters', () => {
    const id = validateResidentId('1101051949123100X2', new Date(2026, 0, 1))
    expect(validationText(id, t('zh-CN'))).toBe('身份证号码只能包含数字，末位可为 X：第 17 位是“X”')
    expect(validationText(validateCreditCode('91110105'), t('en'))).toBe('Credit code must be 18 characters long, got 8')
  })
  it('are empty for a valid value', () => {
    expect(validationText(null, t('en'))).toBe('')
  })
})
