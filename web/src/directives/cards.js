// v-cards on an el-table (which also carries class="cards-on-phone"): on a phone, styles.css shows
// each row as a card, one line per column; this directive writes each column's header text onto
// its cells (data-label) so that a line reads "状态  已上架". It follows the table's re-renders
// (new rows, another language) with a MutationObserver; writing attributes does not wake it.

/** Copies the header texts onto the body cells of the table `el`, by column position. */
export function labelCells(el) {
  const heads = [...el.querySelectorAll('.el-table__header-wrapper th')].map((th) => th.textContent.trim())
  for (const tr of el.querySelectorAll('.el-table__body-wrapper tbody tr')) {
    tr.querySelectorAll(':scope > td').forEach((td, i) => {
      const cell = td.querySelector(':scope > .cell')
      const label = heads[i] ?? ''
      if (cell && cell.dataset.label !== label) cell.dataset.label = label
    })
  }
}

export const vCards = {
  mounted(el) {
    labelCells(el)
    el._cardsObserver = new MutationObserver(() => labelCells(el))
    el._cardsObserver.observe(el, { childList: true, subtree: true, characterData: true })
  },
  unmounted(el) {
    el._cardsObserver?.disconnect()
    delete el._cardsObserver
  },
}
