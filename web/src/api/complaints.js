// Complaints (POST/GET /api/v1/complaints…, docs/complaints.md): the buyer files and follows,
// the operator answers, market supervision assigns, asks, decides and reads the statistics.
import { apiClient } from './index.js'

const one = (id) => `/complaints/${encodeURIComponent(id)}`

export const complaintsApi = {
  file: (body) => apiClient().post('/complaints', body),
  // without a session: a listing or an operator, with contact details
  fileAnonymously: (body) => apiClient().post('/complaints/anonymous', body),
  // state: filed, answered, in_review, info_requested, decided; none for all
  list: (state) => apiClient().get('/complaints', state ? { state } : undefined),
  get: (id) => apiClient().get(one(id)),
  answer: (id, text) => apiClient().post(`${one(id)}/answer`, { text }),
  // assignee: a supervisor's user id of the caller's office (the caller's own to take it)
  assign: (id, assignee) => apiClient().post(`${one(id)}/assign`, { assignee }),
  requestInfo: (id, party, question) => apiClient().post(`${one(id)}/request-info`, { party, question }),
  provideInfo: (id, text) => apiClient().post(`${one(id)}/info`, { text }),
  decide: (id, outcome, reason) => apiClient().post(`${one(id)}/decide`, { outcome, reason }),
  statistics: () => apiClient().get('/complaints/statistics'),
}
