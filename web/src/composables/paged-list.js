// A cursor-paged list from the server: first page on reload(), further pages on loadMore().
import { ref } from 'vue'
import { useErrorText } from '../errors.js'

/** @param {(after: string|null) => Promise<{items: any[], next_cursor?: string|null}>} fetchPage */
export function usePagedList(fetchPage) {
  const errorText = useErrorText()
  const items = ref([])
  const nextCursor = ref(null)
  const loading = ref(true) // every page loads its first page as soon as it can
  const error = ref('')
  let generation = 0 // a newer reload wins over a slower older one

  async function load(after) {
    const mine = ++generation
    loading.value = true
    error.value = ''
    try {
      const res = await fetchPage(after)
      if (mine !== generation) return
      const page = res?.items ?? []
      items.value = after ? [...items.value, ...page] : page
      nextCursor.value = res?.next_cursor ?? null
    } catch (err) {
      if (mine !== generation) return
      error.value = errorText(err)
      if (!after) items.value = []
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return {
    items,
    nextCursor,
    loading,
    error,
    reload: () => load(null),
    loadMore: () => (nextCursor.value ? load(nextCursor.value) : Promise.resolve()),
  }
}
