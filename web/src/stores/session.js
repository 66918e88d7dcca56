// The session as the server describes it: who is logged in, in which organisation, with which
// permissions, and the CSRF token for unsafe requests. Nothing here is kept in browser storage:
// the HttpOnly cookie is the session, and GET /api/v1/session restores this store on page load.
import { defineStore } from 'pinia'
import { api } from '../api/index.js'
import { allows } from '../navigation.js'

export const useSessionStore = defineStore('session', {
  state: () => ({
    user: null, // { id, username, display_name, role }
    organisation: null, // { id, name, kind, region_code }
    permissions: [],
    csrfToken: '',
    mustChangePassword: false, // an administrator reset the password: only the change form
    restored: false, // GET /session has been answered once since the page loaded
  }),
  getters: {
    loggedIn: (state) => state.user !== null,
  },
  actions: {
    /** True when the session holds `permission` (null means: any logged-in user). */
    can(permission) {
      return this.loggedIn && allows(this.permissions, permission)
    },
    apply(body) {
      this.user = body.user
      this.organisation = body.organisation
      this.permissions = Array.isArray(body.permissions) ? body.permissions : []
      this.csrfToken = body.csrf_token ?? ''
      this.mustChangePassword = body.must_change_password === true
    },
    clear() {
      this.user = null
      this.organisation = null
      this.permissions = []
      this.csrfToken = ''
      this.mustChangePassword = false
    },
    async login(username, password) {
      const body = await api.login(username, password)
      this.apply(body)
      this.restored = true
    },
    /**
     * Asks the server once per page load whether the cookie still holds a session. A 401 means
     * "not logged in"; any other failure is thrown so the caller can show it.
     */
    async restore() {
      if (this.restored) return
      try {
        this.apply(await api.currentSession())
      } catch (err) {
        this.clear()
        if (err?.status !== 401) throw err
      } finally {
        this.restored = true
      }
    },
    /**
     * Ends the session on the server. Only when the server confirms (or says there was no session)
     * does the page forget it: otherwise the cookie would still log the next reload back in, so
     * the error is thrown for the caller to show and the user can try again.
     */
    async logout() {
      try {
        await api.logout()
      } catch (err) {
        if (err?.status !== 401) throw err
      }
      this.clear()
    },
  },
})
