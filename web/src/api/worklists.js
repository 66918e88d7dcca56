// Work lists (issue 15 item 4): the inspector's queue and lookup, the inspection form's item
// check, the receipt's QR label, and the police alert list, outlet directory. One function per
// endpoint; uses the client that main.js configured (CSRF, language, 401 hook).
import { apiClient } from './index.js'

const c = () => apiClient()
const id = (x) => encodeURIComponent(x)
const drop = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''))

export const workApi = {
  // items of the inspection body's region waiting for inspection, oldest first
  inspectionQueue: (cursor) => c().get('/inspection/queue', cursor ? { cursor } : undefined),
  // { imei } or { receipt }: the register number or the registration id on the receipt
  inspectionLookup: (query) => c().get('/inspection/lookup', drop(query)),
  // the item the inspection form is for; 404 inspection.item_not_found
  inspectionItem: (itemId) => c().get(`/inspection/items/${id(itemId)}`),
  // the label's QR code (SVG) of an item's public page, for the receipt
  labelQrUrl: (itemId) => `/api/v1/items/${id(itemId)}/label.svg`,
  // alerts of the jurisdiction; `region` narrows to one region code inside it
  alerts: (query) => c().get('/police/alerts', drop(query)),
  // outlets of the jurisdiction with their organisation's name
  policeOutlets: () => c().get('/police/outlets'),
}
