import { describe, expect, it } from 'vitest'
import { codeText, displayParams, errorText, fieldKey } from './errors.js'
import { createAppI18n } from './i18n/index.js'

const t = (key) => `t:${key}`
const none = () => false

function i18n(locale) {
  const { t: tr, te } = createAppI18n(locale).global
  return { t: tr, opts: { te, locale } }
}

describe('errorText', () => {
  it('says the server is busy for a 503, in the page language', () => {
    expect(errorText({ status: 503, serverMessage: 'too many logins are being checked at once' }, t)).toBe('t:errors.busy')
  })
  it('names a refused Idempotency-Key retry in the user’s language', () => {
    const err = { status: 409, field: 'Idempotency-Key', serverMessage: 'a request with this Idempotency-Key was already done' }
    expect(errorText(err, t)).toBe('t:errors.idempotencyConflict')
  })
  it('words a known message id from the catalogue, with its params', () => {
    const { t: tr, opts } = i18n('zh-CN')
    const err = { status: 401, code: 'unauthenticated', serverMessage: 'wrong username or password', messageId: 'auth.wrong_credentials', params: {} }
    expect(errorText(err, tr, opts)).toBe('用户名或密码错误。')
    const short = { status: 400, code: 'invalid_argument', field: 'password', serverMessage: 'a password has at least 10 characters', messageId: 'password.too_short', params: { min: '10' } }
    expect(errorText(short, tr, opts)).toBe('密码至少 10 个字符。')
    expect(errorText(short, i18n('en').t, i18n('en').opts)).toBe('A password has at least 10 characters.')
  })
  it('shows a hold period’s end in the node’s time zone, not as ISO text', () => {
    const { t: tr, opts } = i18n('zh-CN')
    const err = { status: 422, code: 'failed_precondition', serverMessage: 'item_held: in its hold period until 2026-12-14T00:47:41.312Z', messageId: 'hold.period', params: { until: '2026-12-14T00:47:41.312Z' } }
    const text = errorText(err, tr, opts)
    expect(text).toContain('暂扣期')
    expect(text).not.toContain('2026-12-14T')
    expect(text).toContain('08:47') // 00:47 UTC is 08:47 in Asia/Shanghai
  })
})

describe('fallback without a known message id', () => {
  it('builds a Chinese sentence from the code and the field label, never the English text', () => {
    const { t: tr, opts } = i18n('zh-CN')
    const err = { status: 400, code: 'invalid_argument', field: 'seller.phone', serverMessage: 'something new in English', messageId: 'registration.brand_new_id', params: {} }
    expect(errorText(err, tr, opts)).toBe('“手机号码”填写有误，请检查后重试。')
    expect(errorText({ status: 404, code: 'not_found', serverMessage: 'item x not found' }, tr, opts)).toBe('未找到所请求的内容。')
    expect(errorText({ status: 400, code: 'invalid_argument', field: 'no_such_field', serverMessage: 'bad' }, tr, opts)).toBe('输入有误，请检查后重试。')
  })
  it('words an older "rule: detail" refusal by its rule', () => {
    const { t: tr, opts } = i18n('zh-CN')
    expect(errorText({ status: 409, code: 'conflict', serverMessage: 'return_not_open: the return is refused' }, tr, opts)).toBe('此退货已处理。')
  })
  it('keeps the server’s English on an English page', () => {
    const { t: tr, opts } = i18n('en')
    expect(errorText({ status: 404, code: 'not_found', serverMessage: 'item x not found' }, tr, opts)).toBe('item x not found')
  })
  it('falls back to the status, then to a generic text', () => {
    expect(codeText({ status: 418, code: 'http_418' }, { t, te: none })).toBe('t:errors.http')
    expect(codeText({}, { t, te: none })).toBe('t:errorCodes.unknown')
  })
  it('drops list indices from field labels', () => {
    expect(fieldKey('defects[3]')).toBe('fieldLabels.defects')
  })
  it('passes other params as they are and adds the field label', () => {
    const { t: tr, opts } = i18n('zh-CN')
    expect(displayParams({ field: 'item.brand', params: { max: '64' } }, { t: tr, ...opts })).toEqual({ max: '64', field: '品牌' })
  })
})
