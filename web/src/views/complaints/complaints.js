// What each side may do with a complaint in its state (the server's state machine,
// src/domain/complaints/statuses.hpp, decides; these only choose which buttons to show).

export const STATES = ['filed', 'answered', 'in_review', 'info_requested', 'decided']
export const CATEGORIES = ['not_as_described', 'counterfeit', 'refund_refused', 'warranty', 'delivery', 'pricing', 'personal_data', 'other']
export const DEMANDS = ['refund', 'repair', 'replacement', 'compensation', 'other']
export const OUTCOMES = ['dismiss', 'mediate', 'order_refund', 'block_listing', 'warn_operator']

/** The outcomes that fit what the complaint is about (a refund needs an order, a block a listing). */
export function outcomesFor(subjectKind) {
  return OUTCOMES.filter((o) => (o === 'order_refund' ? subjectKind === 'order' : o === 'block_listing' ? subjectKind === 'offer' : true))
}

/**
 * The steps `side` (complainant, operator, supervision) may take now.
 * @returns {string[]} of answer, provide_info, assign, request_info, decide
 */
export function actionsFor(c, side) {
  if (!c || c.state === 'decided') return []
  if (side === 'operator') {
    const out = []
    if (c.state === 'filed') out.push('answer')
    if (c.state === 'info_requested' && c.info_party === 'operator') out.push('provide_info')
    return out
  }
  if (side === 'complainant') {
    return c.state === 'info_requested' && c.info_party === 'complainant' ? ['provide_info'] : []
  }
  if (side === 'supervision') {
    if (c.state === 'in_review') return ['assign', 'request_info', 'decide']
    if (c.state === 'filed' || c.state === 'answered') return ['assign']
  }
  return []
}

/** Minutes as hours with one decimal ("—" when there is no figure). */
export function hours(minutes) {
  return minutes == null ? '—' : (Number(minutes) / 60).toFixed(1)
}
