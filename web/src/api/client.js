// The HTTP client for recirc's JSON API under /api/v1.
//
// Contract with the server (see docs/web.md):
// - JSON in and out; errors are {"error":{"code","message","field","message_id","params"}} with a
//   4xx/5xx status and become an ApiError; screens word it by its message id (src/errors.js).
// - The session cookie is HttpOnly and travels by itself (same origin). Every unsafe request
//   (POST/PUT/PATCH/DELETE) carries the session's CSRF token in X-CSRF-Token.
// - Creates carry an Idempotency-Key so that a retried request does not create twice.
// - A 401 on anything but the session endpoints means the session ended: onUnauthenticated runs.

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {string} code   the server's error code ("invalid_argument", ...) or "network"/"http_<status>"
   * @param {string} message the server's message for people, may be empty
   * @param {string|null} field the input field the error is about, if the server named one
   * @param {string|null} messageId the message's stable id ("auth.wrong_credentials"), if any
   * @param {object} params the message's named values ({ until: "2026-12-14T00:47:41.312Z" })
   */
  constructor(status, code, message, field = null, messageId = null, params = {}) {
    super(message || code)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.serverMessage = message
    this.field = field
    this.messageId = messageId
    this.params = params
  }
}

/** A random UUID v4; crypto.randomUUID exists only in secure contexts (not plain http on a LAN). */
export function newUuid(cryptoImpl = globalThis.crypto) {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID()
  const b = cryptoImpl.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

async function errorFrom(response) {
  let body = null
  try {
    body = await response.json()
  } catch {
    // not JSON (a proxy's error page, an empty body): fall through to the status
  }
  const e = body && typeof body === 'object' ? body.error : null
  if (e && typeof e.code === 'string') {
    return new ApiError(
      response.status,
      e.code,
      typeof e.message === 'string' ? e.message : '',
      e.field ?? null,
      typeof e.message_id === 'string' ? e.message_id : null,
      e.params && typeof e.params === 'object' ? e.params : {},
    )
  }
  return new ApiError(response.status, `http_${response.status}`, '')
}

/**
 * @param {object} options
 * @param {string} [options.base] URL prefix of the API
 * @param {() => string} [options.csrfToken] the current session's CSRF token ('' when none)
 * @param {() => string} [options.language] sent as Accept-Language
 * @param {(error: ApiError) => void} [options.onUnauthenticated] called on a 401 outside /session
 * @param {typeof fetch} [options.fetchImpl]
 */
export function createApiClient({
  base = '/api/v1',
  csrfToken = () => '',
  language = () => '',
  onUnauthenticated = () => {},
  fetchImpl = (...args) => globalThis.fetch(...args),
} = {}) {
  /**
   * @param {string} method
   * @param {string} path below base, starting with '/'
   * @param {object} [options]
   * @param {object} [options.body] sent as JSON
   * @param {Record<string, string|null|undefined>} [options.query]
   * @param {string} [options.idempotencyKey]
   * @param {Blob|string} [options.raw] sent as it is (an image, a CSV file) instead of JSON
   * @param {string} [options.contentType] the Content-Type of `raw`
   * @param {boolean} [options.blob] answer with the body as a Blob (images, CSV/XLSX downloads)
   * @returns {Promise<any>} the parsed JSON body (or a Blob), or null for 204
   */
  async function request(method, path, { body, query, idempotencyKey, raw, contentType, blob } = {}) {
    let url = base + path
    if (query) {
      const params = new URLSearchParams()
      for (const [k, v] of Object.entries(query)) {
        if (v !== undefined && v !== null) params.append(k, v)
      }
      const qs = params.toString()
      if (qs) url += `?${qs}`
    }
    const headers = { Accept: blob ? '*/*' : 'application/json' }
    const lang = language()
    if (lang) headers['Accept-Language'] = lang
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (raw !== undefined && contentType) headers['Content-Type'] = contentType
    if (UNSAFE.has(method)) {
      const token = csrfToken()
      if (token) headers['X-CSRF-Token'] = token
      if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey
    }
    let response
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: raw !== undefined ? raw : body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      })
    } catch (cause) {
      const err = new ApiError(0, 'network', '')
      err.cause = cause
      throw err
    }
    if (!response.ok) {
      const err = await errorFrom(response)
      if (err.status === 401 && !path.startsWith('/session')) onUnauthenticated(err)
      throw err
    }
    if (response.status === 204) return null
    if (blob) return response.blob()
    const text = await response.text()
    return text ? JSON.parse(text) : null
  }

  return {
    request,
    get: (path, query, options = {}) => request('GET', path, { query, ...options }),
    post: (path, body, options = {}) => request('POST', path, { body, ...options }),
    patch: (path, body, options = {}) => request('PATCH', path, { body, ...options }),
    del: (path) => request('DELETE', path),
  }
}

/**
 * Keeps one Idempotency-Key per form while the body stays the same, so pressing "save" again after
 * a lost response repeats the same request, and a changed form is a new request.
 */
export function idempotencyKeeper(makeKey = newUuid) {
  let lastBody = null
  let key = null
  return {
    keyFor(body) {
      const json = JSON.stringify(body)
      if (json !== lastBody) {
        lastBody = json
        key = makeKey()
      }
      return key
    },
    reset() {
      lastBody = null
      key = null
    },
  }
}
