// Turning a failed request into words for people, in the page's language (docs/web.md "Server
// errors"). The server sends a stable message id with named params (docs/api.md "Message ids");
// we show our own text for it from the catalogues (serverErrors.*). Without an id we know, a
// Chinese page gets a sentence built from the error's code and field label — never the server's
// English text; an English page may show the server's own message.
import { useI18n } from 'vue-i18n'
import { formatTime } from './format.js'

const RULE = /^([a-z][a-z0-9_]*): /
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** The catalogue key of a message id ("auth.wrong_credentials" → "serverErrors.auth.wrong_credentials"). */
export function messageKey(id) {
  return `serverErrors.${id}`
}

/** "seller.phone" / "defects[2]" → the label key, without list indices. */
export function fieldKey(field) {
  return `fieldLabels.${String(field).replace(/\[\d+\]/g, '')}`
}

function lookup(t, te) {
  return te ?? ((key) => t(key) !== key)
}

/** The label of the field an error names, or null when we have none. */
export function fieldLabel(field, { t, te } = {}) {
  if (!field || !t) return null
  const key = fieldKey(field)
  const has = lookup(t, te)
  return has(key) ? t(key) : null
}

/** Params ready for a catalogue text: times in the node's zone, field labels, status labels. */
export function displayParams(err, { t, te, locale } = {}) {
  const has = lookup(t, te)
  const out = {}
  for (const [name, value] of Object.entries(err?.params ?? {})) {
    if (typeof value === 'string' && RFC3339.test(value)) out[name] = formatTime(value, locale)
    else if (name === 'status' && has(`registry.statuses.${value}`)) out[name] = t(`registry.statuses.${value}`)
    else out[name] = value
  }
  if (err?.field && !('field' in out)) out.field = fieldLabel(err.field, { t, te }) ?? ''
  return out
}

function isEnglish(locale) {
  return typeof locale === 'string' && locale.startsWith('en')
}

/**
 * @param err an ApiError (status, code, serverMessage, field, messageId, params) or anything thrown
 * @param t vue-i18n's t; `te` its key check and `locale` the page language (both from useErrorText)
 */
export function errorText(err, t, { te, locale } = {}) {
  if (!err) return ''
  const has = lookup(t, te)
  if (err.code === 'network') return t('errors.network')
  // 503: the node is busy (e.g. too many logins being checked at once); retrying soon helps.
  if (err.status === 503) return t('errors.busy')
  // A retry refused by the Idempotency-Key cache: the first request was done, or the key was
  // used for another request (answers holding secrets are never replayed).
  if (err.status === 409 && err.field === 'Idempotency-Key') return t('errors.idempotencyConflict')
  const params = () => displayParams(err, { t, te, locale })
  if (err.messageId && has(messageKey(err.messageId))) return t(messageKey(err.messageId), params())
  // Older refusals name their rule in the message only ("return_not_open: the return is ...").
  const rule = typeof err.serverMessage === 'string' ? RULE.exec(err.serverMessage)?.[1] : null
  if (rule && has(messageKey(`rule.${rule}`))) return t(messageKey(`rule.${rule}`), params())
  if (err.serverMessage && isEnglish(locale)) return err.serverMessage
  return codeText(err, { t, te, locale })
}

/** The fallback: a sentence from the error code and the field's label, in the page language. */
export function codeText(err, { t, te } = {}) {
  const has = lookup(t, te)
  const code = typeof err?.code === 'string' ? err.code : ''
  if (has(`errorCodes.${code}`)) {
    const label = fieldLabel(err.field, { t, te })
    if (label && has(`errorCodes.${code}_field`)) return t(`errorCodes.${code}_field`, { field: label })
    return t(`errorCodes.${code}`)
  }
  if (typeof err?.status === 'number' && err.status > 0) return t('errors.http', { status: err.status })
  return t('errorCodes.unknown')
}

export function useErrorText() {
  const { t, te, locale } = useI18n()
  return (err) => errorText(err, t, { te: (key) => te(key), locale: locale.value })
}

/** The field an error is about, for showing it under that form item. */
export function errorField(err) {
  return err && typeof err.field === 'string' ? err.field : null
}
