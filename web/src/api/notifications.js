// The notification centre's calls (GET/POST /api/v1/notifications…); the live stream is an
// EventSource on STREAM_URL (stores/notifications.js).
import { apiClient } from './index.js'

export const STREAM_URL = '/api/v1/notifications/stream'

export const notificationsApi = {
  // order: 'unread' (unread first) or 'newest'
  list: (offset = 0, limit = 20, order = 'unread') => apiClient().get('/notifications', { offset, limit, order }),
  unread: () => apiClient().get('/notifications/unread'),
  markRead: (id) => apiClient().post(`/notifications/${encodeURIComponent(id)}/read`, {}),
  markAllRead: () => apiClient().post('/notifications/read', {}),
}
