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

// The roles `actorRole` may give in an organisation of `kind`. Police officers are vouched for by
// their own organisation: only its police_admin creates them; anyone else who manages users (the
// platform administrator) may create only the police_admin (directory_service.cpp, CreateUser).
export function rolesForKind(kind, actorRole) {
  const roles = ROLES_BY_KIND[kind] ?? []
  if (kind !== 'police' || actorRole === undefined) return roles
  return actorRole === 'police_admin' ? roles : ['police_admin']
}
