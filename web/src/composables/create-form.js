// A create dialog's state: the form, whether it is sending, the server's error (with the field it
// names, shown under that input), and one Idempotency-Key per distinct body (see api/client.js).
import { reactive, ref } from 'vue'
import { idempotencyKeeper } from '../api/client.js'
import { errorField, useErrorText } from '../errors.js'

export function useCreateForm(initial) {
  const errorText = useErrorText()
  const form = reactive({ ...initial() })
  const formRef = ref()
  const visible = ref(false)
  const busy = ref(false)
  const error = ref('')
  const fieldErrors = reactive({})
  const keeper = idempotencyKeeper()

  function clearErrors() {
    error.value = ''
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
  }

  function open() {
    Object.assign(form, initial())
    clearErrors()
    keeper.reset()
    visible.value = true
    formRef.value?.clearValidate?.()
  }

  /**
   * Validates, then sends `send(body, idempotencyKey)`. Returns the server's answer, or null when
   * validation failed or the server refused (the error is then shown in the dialog).
   */
  async function submit(toBody, send) {
    clearErrors()
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return null
    const body = toBody(form)
    busy.value = true
    try {
      const result = await send(body, keeper.keyFor(body))
      keeper.reset()
      visible.value = false
      return result
    } catch (err) {
      const text = errorText(err)
      const field = errorField(err)
      if (field && field in form) fieldErrors[field] = text
      error.value = text
      return null
    } finally {
      busy.value = false
    }
  }

  return { form, formRef, visible, busy, error, fieldErrors, open, submit }
}
