// Small helpers shared by the inspection screens: names in the page's language, result values in
// words, and the SHA-256 photo reference the server expects for photo checks.

/** {zh, en} → the text for the locale ('zh-CN' reads zh). */
export function localText(text, locale) {
  if (!text) return ''
  return (locale === 'en' ? text.en : text.zh) || text.en || text.zh || ''
}

/** A check's result in words: pass/fail and options through i18n, numbers with the unit. */
export function resultText(value, check, t, te) {
  if (value === null || value === undefined) return t('inspection.notDone')
  if (typeof value === 'number') return `${value} ${check?.unit ?? ''}`.trim()
  if (value === 'pass') return t('inspection.pass')
  if (value === 'fail') return t('inspection.fail')
  if (typeof value === 'string' && value.startsWith('sha256:')) return `${value.slice(0, 19)}…`
  return te(`inspection.options.${value}`) ? t(`inspection.options.${value}`) : String(value)
}

/** "sha256:<hex>" of a file's bytes (WebCrypto; pages served from localhost or https). */
export async function photoReference(file, subtle = globalThis.crypto?.subtle) {
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer())
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}
