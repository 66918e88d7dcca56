// The outlets of the officer's jurisdiction (GET /api/v1/police/outlets), fetched once per page
// load and shared by the alert list (outlet names, region filter) and the daily report's picker.
import { ref } from 'vue'
import { workApi } from '../../api/worklists.js'

let pending = null
const outlets = ref([])
const error = ref(null)

/** { outlets, error, load }: `load()` fetches the directory the first time (again after a failure). */
export function useOutletDirectory() {
  function load() {
    if (!pending) {
      pending = workApi
        .policeOutlets()
        .then((r) => {
          outlets.value = r.items ?? []
          error.value = null
        })
        .catch((err) => {
          pending = null
          error.value = err
        })
    }
    return pending
  }
  return { outlets, error, load }
}

/** The distinct region codes of the outlets, sorted: the alert list's region filter. */
export function outletRegions(list) {
  return [...new Set(list.map((o) => o.region_code))].sort()
}

/** "朝阳门店 · 绿循环回收" for a picker. */
export function outletLabel(o) {
  return o.organisation_name ? `${o.name} · ${o.organisation_name}` : o.name
}
