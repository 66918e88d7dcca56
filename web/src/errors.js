// Turning a failed request into words for people: the server's own message when it sent one
// (it is written for people, in the request's language when the server has it), else ours.
import { useI18n } from 'vue-i18n'

export function errorText(err, t) {
  if (!err) return ''
  if (err.code === 'network') return t('errors.network')
  // 503: the node is busy (e.g. too many logins being checked at once); retrying soon helps.
  if (err.status === 503) return t('errors.busy')
  // A retry refused by the Idempotency-Key cache: the first request was done, or the key was
  // used for another request (answers holding secrets are never replayed).
  if (err.status === 409 && err.field === 'Idempotency-Key') return t('errors.idempotencyConflict')
  if (err.serverMessage) return err.serverMessage
  if (typeof err.status === 'number' && err.status > 0) return t('errors.http', { status: err.status })
  return String(err.message || err)
}

export function useErrorText() {
  const { t } = useI18n()
  return (err) => errorText(err, t)
}

/** The field an error is about, for showing it under that form item. */
export function errorField(err) {
  return err && typeof err.field === 'string' ? err.field : null
}
