// Element Plus's own texts (pagination, empty tables, dialogs) follow the app's language.
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'

const BY_CODE = { 'zh-CN': zhCn, en }

export function elementLocale(code) {
  return BY_CODE[code] ?? zhCn
}
