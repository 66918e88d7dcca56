// The application's one API client and the calls the screens make, one function per endpoint.
// main.js configures it (CSRF token from the session store, language, what to do on a 401).
import { createApiClient } from './client.js'

let client = createApiClient()

export function configureApi(options) {
  client = createApiClient(options)
}

// Lists page by cursor: the server returns next_cursor and takes it back as `after`.
const page = (after) => (after ? { after } : undefined)

export const api = {
  // session
  login: (username, password) => client.post('/session', { username, password }),
  currentSession: () => client.get('/session'),
  logout: () => client.del('/session'),

  // organisations
  listOrganisations: (after) => client.get('/organisations', page(after)),
  createOrganisation: (body, idempotencyKey) => client.post('/organisations', body, { idempotencyKey }),

  // outlets
  listOutlets: (orgId, after) => client.get(`/organisations/${encodeURIComponent(orgId)}/outlets`, page(after)),
  createOutlet: (orgId, body, idempotencyKey) =>
    client.post(`/organisations/${encodeURIComponent(orgId)}/outlets`, body, { idempotencyKey }),

  // users
  listUsers: (orgId, after) => client.get(`/organisations/${encodeURIComponent(orgId)}/users`, page(after)),
  createUser: (orgId, body, idempotencyKey) =>
    client.post(`/organisations/${encodeURIComponent(orgId)}/users`, body, { idempotencyKey }),

  // regions (GB/T 2260): provinces for an empty parent, else the parent's children
  regions: (parent) => client.get('/regions', { parent: parent || '' }),

  // API keys
  listApiKeys: () => client.get('/api-keys'),
  createApiKey: (name, idempotencyKey) => client.post('/api-keys', { name }, { idempotencyKey }),
  revokeApiKey: (id) => client.del(`/api-keys/${encodeURIComponent(id)}`),
}

/** Fetches every page of a cursor-paged list (for pickers, where the list is short). */
export async function allPages(fetchPage, limit = 50) {
  const items = []
  let after = null
  for (let i = 0; i < limit; i++) {
    const res = await fetchPage(after)
    items.push(...(res?.items ?? []))
    after = res?.next_cursor
    if (!after) break
  }
  return items
}
