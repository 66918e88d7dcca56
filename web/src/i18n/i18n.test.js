import { describe, expect, it } from 'vitest'
import { ORGANISATION_KINDS, ROLES_BY_KIND } from '../domain.js'
import { DEFAULT_LOCALE, MESSAGES, STORAGE_KEY, createAppI18n, permissionKey, setLocale, storedLocale } from './index.js'

function memoryStorage(initial = {}) {
  const data = { ...initial }
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => {
      data[k] = String(v)
    },
  }
}

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES['zh-CN']).sort())
  })

  it('name every organisation kind and role', () => {
    for (const messages of Object.values(MESSAGES)) {
      for (const kind of ORGANISATION_KINDS) {
        expect(messages.kinds[kind], kind).toBeTruthy()
        for (const role of ROLES_BY_KIND[kind]) expect(messages.roles[role], role).toBeTruthy()
      }
    }
  })

  it('all compile and render', () => {
    for (const code of Object.keys(MESSAGES)) {
      const i18n = createAppI18n(code)
      for (const key of keys(MESSAGES[code])) {
        const text = i18n.global.t(key, { field: 'F', name: 'N', status: 500, message: 'M', permission: 'P' })
        expect(text, `${code} ${key}`).not.toBe(key)
        expect(text).not.toMatch(/[{}]/)
      }
    }
  })
})

describe('language choice', () => {
  it('defaults to Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN')
    expect(storedLocale(memoryStorage())).toBe('zh-CN')
    expect(storedLocale(null)).toBe('zh-CN')
    expect(storedLocale(memoryStorage({ [STORAGE_KEY]: 'fr' }))).toBe('zh-CN')
  })

  it('is remembered and read back', () => {
    const storage = memoryStorage()
    const i18n = createAppI18n(storedLocale(storage))
    expect(i18n.global.t('header.logout')).toBe('退出登录')
    setLocale(i18n.global.locale, 'en', storage)
    expect(storage.data[STORAGE_KEY]).toBe('en')
    expect(i18n.global.t('header.logout')).toBe('Log out')
    expect(storedLocale(storage)).toBe('en')
  })

  it('ignores languages it does not have', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'en' })
    const i18n = createAppI18n('en')
    setLocale(i18n.global.locale, 'de', storage)
    expect(i18n.global.locale.value).toBe('en')
    expect(storage.data[STORAGE_KEY]).toBe('en')
  })

  it('survives a storage that throws (private mode)', () => {
    const broken = {
      getItem() {
        throw new Error('denied')
      },
      setItem() {
        throw new Error('denied')
      },
    }
    expect(storedLocale(broken)).toBe('zh-CN')
    const i18n = createAppI18n('zh-CN')
    setLocale(i18n.global.locale, 'en', broken)
    expect(i18n.global.locale.value).toBe('en')
  })

  it('maps permission names to message keys', () => {
    expect(permissionKey('api_keys.manage')).toBe('permissions.api_keys_manage')
  })
})
