// The category vocabulary: data/categories.json, imported at build time. The server compiles the
// same file in (src/core/category.hpp), so codes, order and labels are the same on both sides;
// nothing else in the web app lists categories (checked by categories.test.js).
import vocabulary from '../../data/categories.json'

export const CATEGORIES = vocabulary.categories

// The codes the intake screen offers (intake "accepted"), in the file's order.
export const INTAKE_CATEGORIES = CATEGORIES.filter((c) => c.intake === 'accepted').map((c) => c.code)

// { code: label } in one language ('zh' or 'en'), for the message tables.
export function categoryLabels(lang) {
  return Object.fromEntries(CATEGORIES.map((c) => [c.code, c.label[lang]]))
}
