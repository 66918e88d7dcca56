import { describe, expect, it } from 'vitest'
import { MODULES, allows, menuFor, modulesFor } from './navigation.js'
import { MESSAGES, permissionKey } from './i18n/index.js'

// Permission sets as src/domain/identity/roles.cpp grants them today.
const OPERATOR_ADMIN = [
  'organisations.read', 'outlets.read', 'outlets.manage', 'users.read', 'users.manage',
  'api_keys.manage', 'regions.read', 'acquisitions.write', 'market.manage',
]
const POLICE_OFFICER = ['organisations.read', 'api_keys.manage', 'regions.read', 'police.read']

const names = (modules) => modules.map((m) => m.name)

describe('menu from permissions', () => {
  it('gives an operator administrator outlets, users and the operator modules, not police', () => {
    const menu = menuFor(OPERATOR_ADMIN)
    expect(names(menu.ready)).toEqual(['overview', 'acquisitions', 'organisations', 'outlets', 'users', 'apiKeys', 'market', 'inventory', 'consignment'])
    expect(names(menu.planned)).toEqual([])
  })

  it('gives a police officer the police console and no outlets or users', () => {
    const menu = menuFor(POLICE_OFFICER)
    expect(names(menu.ready)).toEqual(['overview', 'police', 'organisations', 'apiKeys'])
    expect(names(menu.planned)).toEqual([])
  })

  it('gives an inspector the inspection screens and item service, and a shop clerk only item service', () => {
    const inspector = menuFor(['organisations.read', 'inspection.write', 'items.service'])
    expect(names(inspector.ready)).toEqual(['overview', 'organisations', 'inspection', 'itemService'])
    const clerk = menuFor(['acquisitions.write', 'items.service'])
    expect(names(clerk.ready)).toEqual(['overview', 'acquisitions', 'itemService', 'consignment'])
  })

  it('shows only the overview without permissions, and ignores unknown ones', () => {
    expect(names(modulesFor([]))).toEqual(['overview'])
    expect(names(modulesFor(undefined))).toEqual(['overview'])
    expect(names(modulesFor(['rockets.launch']))).toEqual(['overview'])
  })

  it('gives market supervision the supervision view, and the operator screens live beside the public /market', () => {
    const menu = menuFor(['organisations.read', 'regions.read', 'supervision.read', 'supervision.act'])
    expect(names(menu.ready)).toEqual(['overview', 'organisations', 'supervision'])
    expect(MODULES.find((m) => m.name === 'market').path).toBe('shop')
  })

  it('follows the permission, not any role name', () => {
    // A role the web app has never heard of still gets what its permissions allow.
    expect(names(modulesFor(['statistics.read']))).toEqual(['overview', 'statistics'])
    expect(allows(['outlets.read'], 'outlets.manage')).toBe(false)
    expect(allows(['outlets.manage'], 'outlets.manage')).toBe(true)
    expect(allows([], null)).toBe(true)
  })

  it('has unique names and paths, and words for every module and permission in both languages', () => {
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length)
    expect(new Set(MODULES.map((m) => m.path)).size).toBe(MODULES.length)
    for (const messages of Object.values(MESSAGES)) {
      for (const m of MODULES) {
        expect(messages.modules[m.name]?.title, m.name).toBeTruthy()
        if (m.status === 'planned') expect(messages.modules[m.name].description, m.name).toBeTruthy()
        if (m.permission) {
          const [, key] = permissionKey(m.permission).split('.')
          expect(messages.permissions[key], m.permission).toBeTruthy()
        }
      }
    }
  })
})
