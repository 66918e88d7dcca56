import { describe, expect, it } from 'vitest'
import { actionsFor, hours, outcomesFor } from './complaints.js'

describe('complaint steps by side', () => {
  it('lets the operator answer a filed complaint once', () => {
    expect(actionsFor({ state: 'filed' }, 'operator')).toEqual(['answer'])
    expect(actionsFor({ state: 'answered' }, 'operator')).toEqual([])
  })
  it('lets only the party asked give information', () => {
    const asked = { state: 'info_requested', info_party: 'complainant' }
    expect(actionsFor(asked, 'complainant')).toEqual(['provide_info'])
    expect(actionsFor(asked, 'operator')).toEqual([])
  })
  it('has supervision assign before deciding, and nothing after a decision', () => {
    expect(actionsFor({ state: 'answered' }, 'supervision')).toEqual(['assign'])
    expect(actionsFor({ state: 'in_review' }, 'supervision')).toContain('decide')
    expect(actionsFor({ state: 'decided' }, 'supervision')).toEqual([])
  })
  it('offers a refund only for orders and a block only for listings', () => {
    expect(outcomesFor('order')).toContain('order_refund')
    expect(outcomesFor('order')).not.toContain('block_listing')
    expect(outcomesFor('offer')).toContain('block_listing')
    expect(outcomesFor('organisation')).toEqual(['dismiss', 'mediate', 'warn_operator'])
  })
  it('shows minutes as hours', () => {
    expect(hours(90)).toBe('1.5')
    expect(hours(null)).toBe('—')
  })
})
