// Photos of an order's dispatch (the shop) and of a return (the buyer): upload the image as the
// body with ?stage=, list them, fetch one's bytes (with the session cookie, for an object URL).
// Shared by the operator's order drawer and the buyer's "My orders" (OrderPhotos.vue).
import { apiClient } from './index.js'

const c = () => apiClient()
const id = (x) => encodeURIComponent(x)

export const orderPhotosApi = {
  upload: (orderId, stage, file) =>
    c().post(`/orders/${id(orderId)}/photos`, undefined, { query: { stage }, raw: file, contentType: file.type }),
  list: (orderId) => c().get(`/orders/${id(orderId)}/photos`),
  bytes: (orderId, sha256) => c().get(`/orders/${id(orderId)}/photos/${id(sha256)}`, undefined, { blob: true }),
}
