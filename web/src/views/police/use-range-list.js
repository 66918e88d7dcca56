// The state of a police list filtered by a date range and paged in the browser: `fetch(query)`
// answers `{ items }` (at most SERVER_LIMIT, newest first) for the range's query; the list
// loads on mount and again whenever the range changes.
import { computed, onMounted, ref, watch } from 'vue'
import { useErrorText } from '../../errors.js'
import { pageOf, rangeQuery } from './police-lists.js'

export function useRangeList(fetch) {
  const errorText = useErrorText()
  const range = ref(null)
  const items = ref([])
  const page = ref(1)
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      items.value = (await fetch(rangeQuery(range.value))).items ?? []
      page.value = 1
    } catch (err) {
      error.value = errorText(err)
      items.value = []
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  watch(range, load)

  const shown = computed(() => pageOf(items.value, page.value))
  return { range, items, page, loading, error, load, shown }
}
