// Whether the window is phone-sized (below 768 px, the width where styles.css switches to one
// column): the layout then shows its menu as a drawer and dialogs take the screen's width.
import { onBeforeUnmount, ref } from 'vue'

export const NARROW_QUERY = '(max-width: 767px)'

/** A ref that is true while the window is narrower than 768 px, following resizes. */
export function useNarrow() {
  const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(media ? media.matches : false)
  if (media) {
    const onChange = (e) => {
      narrow.value = e.matches
    }
    media.addEventListener('change', onChange)
    onBeforeUnmount(() => media.removeEventListener('change', onChange))
  }
  return narrow
}
