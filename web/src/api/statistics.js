// The authorities' statistics (docs/statistics.md): one function per endpoint.
import { apiClient } from './index.js'

const c = () => apiClient()

export const statisticsApi = {
  // { from, to, region_prefix, category, totals, by_month, by_district, by_category, by_method }
  transactions: (query) => c().get('/statistics/transactions', query),
  // the city's baseline: a CSV file (month,region_code,category,transactions,value_yuan)
  importBaseline: (file, idempotencyKey) =>
    c().post('/statistics/baseline', undefined, { raw: file, contentType: 'text/csv', idempotencyKey }),
  // an export (format 'csv' or 'xlsx'; small cells suppressed) as a Blob
  transactionsFile: (query, format) => c().get('/statistics/transactions', { ...query, format }, { blob: true }),
}
