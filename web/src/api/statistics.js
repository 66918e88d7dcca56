// The authorities' statistics (docs/statistics.md): one function per endpoint.
import { apiClient } from './index.js'

const c = () => apiClient()

export const statisticsApi = {
  // { from, to, region_prefix, category, totals, by_month, by_district, by_category, by_method }
  transactions: (query) => c().get('/statistics/transactions', query),
  // an export (format 'csv' or 'xlsx'; small cells suppressed) as a Blob
  transactionsFile: (query, format) => c().get('/statistics/transactions', { ...query, format }, { blob: true }),
}
