// Paging of lists shown a page at a time in the browser (the police console's lists, the shop's
// offers and orders): the page size and one page of a list.

export const PAGE_SIZE = 20

// One page (1-based) of a list.
export function pageOf(items, page, size = PAGE_SIZE) {
  const start = (Math.max(1, page) - 1) * size
  return items.slice(start, start + size)
}

// Rows appended from the next page of a cursor-paged list, without repeating one already shown
// (a row can move between pages while the list is read, e.g. when it was just created).
export function appendPage(items, more, key = (x) => x.id) {
  const seen = new Set(items.map(key))
  return [...items, ...more.filter((x) => !seen.has(key(x)))]
}
