// The market's refusals in plain words. The server's 422 messages start with the rule's name
// ("item_held: the item is held …", docs/market.md); the page shows our sentence for that rule
// (errors.js). Any other error is worded by errors.js too.

const RULE = /^([a-z][a-z0-9_]*): (.*)$/s

/** "item_held: the item …" → { rule: 'item_held', detail: 'the item …' }; else { rule: null }. */
export function splitRule(message) {
  const m = typeof message === 'string' ? RULE.exec(message) : null
  return m ? { rule: m[1], detail: m[2] } : { rule: null, detail: message ?? '' }
}

/** Our sentence for the rule a refusal names, or null (for the short text under a field). */
export function ruleWords(err, { t, te }) {
  const { rule } = splitRule(err?.serverMessage)
  return rule && te(`shop.rules.${rule}`) ? t(`shop.rules.${rule}`) : null
}

/**
 * Words for a failed market request: `fallback` is errors.js's errorText, which words the
 * refusal by its message id ("rule.item_held", "hold.period") or the rule its message names, in
 * the page's language (the server's English detail is never shown on a Chinese page).
 */
export function refusalText(err, { fallback }) {
  return fallback(err)
}

/** Serials typed one per line (or separated by commas): trimmed, without empty lines. */
export function serialLines(text) {
  return String(text ?? '')
    .split(/[\n,，]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The serials a return names that the dispatch record lacks, and those it lacks, for display. */
export function compareSerials(dispatched = [], returned = []) {
  const sent = new Set(dispatched)
  const back = new Set(returned)
  return {
    unexpected: [...back].filter((s) => !sent.has(s)),
    missing: [...sent].filter((s) => !back.has(s)),
  }
}
