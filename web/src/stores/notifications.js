// The logged-in user's notifications: the unread count and the newest ones, kept live by the
// server's event stream (GET /api/v1/notifications/stream, Server-Sent Events). The browser's
// EventSource reconnects by itself after a dropped connection (the server asks for 5 s); when it
// gives up (the server refused: busy, or the session ended) we reconnect with a growing delay,
// up to a minute, and stop on logout.
import { defineStore } from 'pinia'
import { notificationsApi, STREAM_URL } from '../api/notifications.js'

const MAX_DELAY_MS = 60_000

export const useNotificationsStore = defineStore('notifications', {
  state: () => ({
    unread: 0,
    items: [], // newest first, as the list answers: { id, message_id, params, link, created_at, read }
    connected: false,
  }),
  actions: {
    start(EventSourceImpl = globalThis.EventSource) {
      if (this._source || !EventSourceImpl) return
      this._stopped = false
      const source = new EventSourceImpl(STREAM_URL, { withCredentials: true })
      this._source = source
      source.addEventListener('open', () => {
        this.connected = true
        this._delay = 0
      })
      source.addEventListener('unread', (e) => {
        const body = JSON.parse(e.data)
        this.unread = body.unread
      })
      source.addEventListener('notification', (e) => {
        const n = JSON.parse(e.data)
        if (!this.items.some((x) => x.id === n.id)) this.items.unshift(n)
      })
      source.addEventListener('error', () => {
        this.connected = false
        if (source.readyState !== 2 /* CLOSED */) return // the browser retries by itself
        source.close()
        this._source = null
        if (this._stopped) return
        this._delay = Math.min(MAX_DELAY_MS, (this._delay || 1000) * 2)
        this._timer = setTimeout(() => this.start(EventSourceImpl), this._delay)
      })
    },
    stop() {
      this._stopped = true
      clearTimeout(this._timer)
      this._source?.close()
      this._source = null
      this.connected = false
      this.unread = 0
      this.items = []
    },
    async load(order = 'newest') {
      const page = await notificationsApi.list(0, 20, order)
      this.items = page.items
      this.unread = page.unread
    },
    async markRead(id) {
      const body = await notificationsApi.markRead(id)
      this.unread = body.unread
      const n = this.items.find((x) => x.id === id)
      if (n) n.read = true
    },
    async markAllRead() {
      const body = await notificationsApi.markAllRead()
      this.unread = body.unread
      for (const n of this.items) n.read = true
    },
  },
})

/**
 * Where a notification leads, for the user who got it: a shop's order or best offer → the shop's
 * page; a buyer's order → their orders; a buyer's best offer → the offer; an alert → the police
 * page; an after-sales request → the shop's page.
 */
export function notificationTarget(n, { buyer = false } = {}) {
  const kind = n?.link?.kind
  const id = n?.link?.id
  if (kind === 'alert') return { name: 'police' }
  if (kind === 'order') return buyer ? { name: 'market-orders' } : { name: 'market', query: { tab: 'orders' } }
  if (kind === 'offer') return buyer && id ? { name: 'market-offer', params: { id } } : { name: 'market' }
  if (kind === 'after_sale') return { name: 'market', query: { tab: 'orders' } }
  if (kind === 'complaint') return buyer ? { name: 'market-orders' } : { name: 'market', query: { tab: 'complaints' } }
  return null
}
