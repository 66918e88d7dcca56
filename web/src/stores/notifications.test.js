import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { notificationTarget, useNotificationsStore } from './notifications.js'

// A stand-in for the browser's EventSource: the test fires its events.
class FakeSource {
  static made = []
  constructor(url) {
    this.url = url
    this.readyState = 0
    this.listeners = {}
    this.closed = false
    FakeSource.made.push(this)
  }
  addEventListener(name, fn) {
    this.listeners[name] = fn
  }
  fire(name, data) {
    this.listeners[name]?.({ data: data === undefined ? undefined : JSON.stringify(data) })
  }
  close() {
    this.closed = true
    this.readyState = 2
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  FakeSource.made = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('notifications store', () => {
  it('follows the stream: the unread count and new notifications, newest first', () => {
    const store = useNotificationsStore()
    store.start(FakeSource)
    const source = FakeSource.made[0]
    expect(source.url).toBe('/api/v1/notifications/stream')
    source.fire('open')
    source.fire('unread', { unread: 2 })
    source.fire('notification', { id: 'n1', message_id: 'notification.order_placed' })
    source.fire('notification', { id: 'n2', message_id: 'notification.best_offer_made' })
    source.fire('notification', { id: 'n2', message_id: 'notification.best_offer_made' })
    expect(store.unread).toBe(2)
    expect(store.items.map((n) => n.id)).toEqual(['n2', 'n1'])
    expect(store.connected).toBe(true)
  })

  it('reconnects with a growing delay when the browser gives up, and not after stop', () => {
    const store = useNotificationsStore()
    store.start(FakeSource)
    const first = FakeSource.made[0]
    first.readyState = 2
    first.fire('error')
    expect(FakeSource.made).toHaveLength(1)
    vi.advanceTimersByTime(2000)
    expect(FakeSource.made).toHaveLength(2)
    // A retry the browser makes by itself (still CONNECTING) is left to it.
    FakeSource.made[1].readyState = 0
    FakeSource.made[1].fire('error')
    vi.advanceTimersByTime(60_000)
    expect(FakeSource.made).toHaveLength(2)
    store.stop()
    expect(FakeSource.made[1].closed).toBe(true)
    vi.advanceTimersByTime(120_000)
    expect(FakeSource.made).toHaveLength(2)
  })

  it('links each notification to its page for the user who got it', () => {
    expect(notificationTarget({ link: { kind: 'alert', id: 'a1' } })).toEqual({ name: 'police' })
    expect(notificationTarget({ link: { kind: 'order', id: 'o1' } }, { buyer: true })).toEqual({ name: 'market-orders' })
    expect(notificationTarget({ link: { kind: 'order', id: 'o1' } })).toEqual({ name: 'market', query: { tab: 'orders' } })
    expect(notificationTarget({ link: { kind: 'offer', id: 'f1' } }, { buyer: true })).toEqual({ name: 'market-offer', params: { id: 'f1' } })
    expect(notificationTarget({ link: { kind: 'unknown', id: 'x' } })).toBeNull()
  })
})
