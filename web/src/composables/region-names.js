// Names for GB/T 2260 codes, for tables that hold codes. There is no "look up one code" endpoint,
// so a code is found by walking the tree: the province's children, then (for a county under a
// city) the city's children, where the city is the code's first four digits + "00" (this also
// finds 429004 仙桃市 under its grouping code 429000). Each parent's children are fetched once per
// page load and shared by every table.
import { reactive } from 'vue'
import { api } from '../api/index.js'

const childrenOf = new Map() // parent code → Promise<Map<code, name>>
const started = new Set() // codes whose lookup has begun (not reactive: read during render)
const names = reactive({}) // code → "北京市 朝阳区", filled in asynchronously

function children(parent) {
  if (!childrenOf.has(parent)) {
    const p = api
      .regions(parent)
      .then((res) => new Map((res?.items ?? []).map((r) => [r.code, r.name])))
      .catch((err) => {
        childrenOf.delete(parent) // try again next time
        throw err
      })
    childrenOf.set(parent, p)
  }
  return childrenOf.get(parent)
}

async function resolve(code) {
  const province = `${code.slice(0, 2)}0000`
  const path = []
  const provinces = await children('')
  if (!provinces.has(province)) return code
  path.push(provinces.get(province))
  if (code === province) return path.join(' ')
  const underProvince = await children(province)
  if (underProvince.has(code)) return [...path, underProvince.get(code)].join(' ')
  const city = `${code.slice(0, 4)}00`
  if (!underProvince.has(city)) return code
  path.push(underProvince.get(city))
  const underCity = await children(city)
  return underCity.has(code) ? [...path, underCity.get(code)].join(' ') : code
}

/** The region's name path once known (reactive), else the code itself; starts the lookup. */
export function regionName(code) {
  if (!code || !/^\d{6}$/.test(code)) return code ?? ''
  if (!started.has(code)) {
    started.add(code)
    resolve(code)
      .then((name) => {
        names[code] = name
      })
      .catch(() => {
        // The code keeps showing; the next render that asks tries again (a failure changes no
        // reactive state, so it cannot cause a render loop).
        started.delete(code)
      })
  }
  return names[code] ?? code
}
