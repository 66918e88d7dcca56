// The market's refusals in plain words. The server's 422 messages start with the rule's name
// ("item_held: the item is held …", docs/market.md); the page shows our sentence for that rule
// and the server's own detail after it. Any other error is shown as the server wrote it.

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
 * Words for a failed market request: `t`/`te` are vue-i18n's, `fallback` turns any error into
 * text (errors.js). A known rule gives "our sentence (server: detail)".
 */
export function refusalText(err, { t, te, fallback }) {
  const { rule, detail } = splitRule(err?.serverMessage)
  if (rule && te(`shop.rules.${rule}`)) {
    return `${t(`shop.rules.${rule}`)} ${t('shop.detail', { detail })}`
  }
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
