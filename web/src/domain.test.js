import { describe, expect, it } from 'vitest'
import { rolesForKind } from './domain.js'

describe('rolesForKind', () => {
  it('offers every role of an organisation kind', () => {
    expect(rolesForKind('operator', 'platform_admin')).toEqual(['operator_admin', 'operator_staff'])
  })
  it('lets only the police organisation\'s administrator give officer roles', () => {
    expect(rolesForKind('police', 'police_admin')).toEqual(['police_admin', 'police_officer', 'police_supervisor'])
    expect(rolesForKind('police', 'platform_admin')).toEqual(['police_admin'])
  })
  it('knows no roles for an unknown kind', () => {
    expect(rolesForKind('nonsense', 'platform_admin')).toEqual([])
  })
})
