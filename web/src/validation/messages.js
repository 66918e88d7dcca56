// Validator results ({ code, params }) in the page's language.
import { useI18n } from 'vue-i18n'

export function validationText(result, t) {
  if (!result) return ''
  const params = { ...result.params }
  if (params.label === 'residentId' || params.label === 'creditCode') params.label = t(`validation.labels.${params.label}`)
  if (params.allowed) params.allowed = t(`validation.allowed.${params.allowed}`)
  return t(`validation.${result.code}`, params)
}

export function useValidationText() {
  const { t } = useI18n()
  return (result) => validationText(result, t)
}
