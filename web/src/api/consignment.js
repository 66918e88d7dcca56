// The shop's consignment screens: one function per endpoint (docs/consignment.md).
import { apiClient } from './index.js'

const c = () => apiClient()
const id = (x) => encodeURIComponent(x)

export const consignmentApi = {
  consignors: () => c().get('/consignment/consignors'),
  addConsignor: (body) => c().post('/consignment/consignors', body),
  statement: (consignorId) => c().get(`/consignment/consignors/${id(consignorId)}/statement`),
  payout: (consignorId, body) => c().post(`/consignment/consignors/${id(consignorId)}/payouts`, body),
  intake: (body) => c().post('/consignment/intakes', body),
  sell: (itemId) => c().post(`/consignment/items/${id(itemId)}/sale`, {}),
}
