// Grades in words: a listing's grade ("0/B", "A", "ungraded") explained with the inspection
// checklists' own scale and grade names (data/checklists/*.json, imported at build time; the
// server grades with the same files). A joined grade's parts are matched to the category's scales
// in order, each part to the first unused scale that has that value.
// Every checklist file; a category's newest version gives its scales.
const FILES = import.meta.glob('../../data/checklists/*.json', { eager: true, import: 'default' })
const CHECKLISTS = Object.values(
  Object.values(FILES).reduce((newest, c) => {
    if (!newest[c.category] || newest[c.category].version < c.version) newest[c.category] = c
    return newest
  }, {}),
)

export const SCALES = Object.fromEntries(CHECKLISTS.map((c) => [c.category, c.grading?.scales ?? []]))

const lang = (locale) => (String(locale).startsWith('en') ? 'en' : 'zh')

/**
 * The parts of a grade in words: [{ scale, value, text }] with the scale's and the grade's names in
 * the page's language. Empty for "ungraded" or an empty grade; a part no scale knows keeps its
 * value with no text.
 */
export function explainGrade(category, grade, locale) {
  if (!grade || grade === 'ungraded') return []
  const l = lang(locale)
  const scales = SCALES[category] ?? Object.values(SCALES).find((s) => s.length) ?? []
  const used = new Set()
  return String(grade)
    .split('/')
    .map((value) => {
      const scale = scales.find((s) => !used.has(s.id) && s.grades.some((g) => g.value === value))
      if (!scale) return { scale: '', value, text: '' }
      used.add(scale.id)
      const g = scale.grades.find((x) => x.value === value)
      return { scale: scale.name[l], value, text: g.name[l] }
    })
}

/** One line: "功能等级 0 功能完好 · 外观等级 B 轻微使用痕迹…"; '' when there is nothing to say. */
export function gradeSentence(category, grade, locale) {
  return explainGrade(category, grade, locale)
    .map((p) => [p.scale, p.value, p.text].filter(Boolean).join(' '))
    .join(' · ')
}
