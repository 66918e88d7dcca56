// Facts of the recirc domain that the screens need: organisation kinds and the roles each allows.
// They mirror src/domain/identity/roles.cpp on the server, which remains the authority (it
// rejects a role that does not fit); here they only fill the pickers.

export const ORGANISATION_KINDS = [
  'operator',
  'inspection_body',
  'police',
  'commerce_authority',
  'market_supervision',
  'platform',
]

export const ROLES_BY_KIND = {
  operator: ['operator_admin', 'operator_staff'],
  inspection_body: ['inspection_admin', 'inspector'],
  police: ['police_admin', 'police_officer', 'police_supervisor'],
  commerce_authority: ['commerce_official'],
  market_supervision: ['market_supervisor'],
  platform: ['platform_admin'],
}

export function rolesForKind(kind) {
  return ROLES_BY_KIND[kind] ?? []
}
