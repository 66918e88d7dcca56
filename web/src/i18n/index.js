// Languages: Simplified Chinese by default, English second. The choice is kept in localStorage
// and applies to the app's texts, Element Plus's own texts and <html lang>.
import { createI18n } from 'vue-i18n'
import zhCN from './messages/zh-CN.js'
import en from './messages/en.js'

export const DEFAULT_LOCALE = 'zh-CN'
export const LOCALES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
]
export const STORAGE_KEY = 'recirc.locale'
export const MESSAGES = { 'zh-CN': zhCN, en }

function safeStorage() {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null // storage disabled by the browser's settings
  }
}

/** The remembered language if it is one we have, else Chinese. */
export function storedLocale(storage = safeStorage()) {
  let value = null
  try {
    value = storage?.getItem(STORAGE_KEY) ?? null
  } catch {
    value = null
  }
  return LOCALES.some((l) => l.code === value) ? value : DEFAULT_LOCALE
}

export function createAppI18n(locale = storedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: MESSAGES,
    missingWarn: false,
    fallbackWarn: false,
  })
}

/**
 * Switches the language and remembers it. `locale` is vue-i18n's locale ref (useI18n().locale or
 * i18n.global.locale). Unknown codes are ignored.
 */
export function setLocale(locale, code, storage = safeStorage()) {
  if (!LOCALES.some((l) => l.code === code)) return
  locale.value = code
  try {
    storage?.setItem(STORAGE_KEY, code)
  } catch {
    // private mode or storage full: the switch still applies for this page
  }
  if (globalThis.document) document.documentElement.lang = code
}

/** The i18n key for a permission name ("organisations.read" → "permissions.organisations_read"). */
export function permissionKey(permission) {
  return `permissions.${permission.replaceAll('.', '_')}`
}
