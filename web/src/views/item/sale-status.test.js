import { describe, expect, it } from 'vitest'
import { publicOffer } from './sale-status.js'

describe('publicOffer', () => {
  it('prefers a published offer, then reserved, then sold; never a draft or withdrawn one', () => {
    const offers = [
      { id: 'a', status: 'sold', created_at: '2026-01-01' },
      { id: 'b', status: 'withdrawn', created_at: '2026-03-01' },
      { id: 'c', status: 'reserved', created_at: '2026-02-01' },
    ]
    expect(publicOffer(offers).id).toBe('c')
    expect(publicOffer([...offers, { id: 'd', status: 'published', created_at: '2025-01-01' }]).id).toBe('d')
    expect(publicOffer([{ id: 'x', status: 'draft' }, { id: 'y', status: 'withdrawn' }])).toBeNull()
    expect(publicOffer(undefined)).toBeNull()
  })
  it('takes the newest of the same status', () => {
    const offers = [
      { id: 'old', status: 'sold', created_at: '2026-01-01' },
      { id: 'new', status: 'sold', created_at: '2026-05-01' },
    ]
    expect(publicOffer(offers).id).toBe('new')
  })
})
